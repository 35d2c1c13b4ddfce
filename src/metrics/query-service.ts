// The metric queries users ask (POST /v1/query, beacon query, campaign KPIs):
// one function per use case, called alike by the HTTP routes and the CLI. Each
// brings the workspace's derived view up to date, then plans, runs and
// assembles the query; answerQuery adds the benchmark bands of its metrics.
import { NotFoundError } from '../core/errors.js';
import type { DerivedFreshness } from '../warehouse/derive-scheduler.js';
import type { MetadataStore, QueryRunner, Workspace } from '../warehouse/warehouse.js';
import { attachBenchmarks } from './benchmarks-service.js';
import { OBJECTIVE_KPIS, type CatalogMetric, type Objective } from './catalog.js';
import { metricCatalog } from './metrics-service.js';
import { parseQuery } from './query-input.js';
import { runMetricQuery } from './run-query.js';
import type { QueryResult } from './types.js';

/** What answering a query needs: a warehouse to read and the derived view kept current. */
export interface QueryServices {
  warehouse: QueryRunner & MetadataStore;
  derived: DerivedFreshness;
}

/**
 * Answers a query body as POST /v1/query does: the derived view brought up to
 * date, the query checked against the workspace's catalog, run, and the
 * benchmark bands of its metrics judged against the totals.
 *
 * @example
 * await answerQuery({ warehouse, derived: new DeriveScheduler(warehouse) }, workspace,
 *   { metrics: ['cost', 'roas'], dimensions: ['channel'], from: '2026-10-01', to: '2026-10-31' });
 */
export async function answerQuery(services: QueryServices, workspace: Workspace, body: unknown): Promise<QueryResult> {
  await services.derived.flush(workspace.name);
  const result = await queryMetrics(services.warehouse, workspace, body);
  return attachBenchmarks(services.warehouse, workspace.name, result);
}

/**
 * Answers a query body over the derived view as it stands (callers bring it up
 * to date first); `metrics` is the workspace's catalog when the caller has it
 * loaded already.
 */
export async function queryMetrics(
  warehouse: QueryRunner & MetadataStore,
  workspace: Workspace,
  body: unknown,
  metrics?: ReadonlyMap<string, CatalogMetric>,
): Promise<QueryResult> {
  metrics ??= await metricCatalog(warehouse, workspace.name);
  const query = parseQuery(body, metrics, workspace.settings);
  return runMetricQuery({ warehouse, workspace, metrics }, query);
}

export interface CampaignKpis {
  campaign: { id: string; name: string | null; objective: Objective | null };
  objective: Objective;
  /** 'campaign' when the campaign names its objective, 'default' when it has none (conversion is assumed). */
  objective_source: 'campaign' | 'default';
  from: string;
  to: string;
  kpis: QueryResult;
}

/** The campaign's objective and its headline KPIs (KPIS.md) over a period, with the previous period. */
export async function campaignKpis(services: QueryServices, workspace: Workspace, campaignId: string, from: string, to: string): Promise<CampaignKpis> {
  const { warehouse } = services;
  await services.derived.flush(workspace.name);
  const campaigns = await warehouse.readRows(workspace.name, 'campaigns');
  const found = campaigns.find((c) => c.campaign_id === campaignId);
  if (!found) throw new NotFoundError(`unknown campaign "${campaignId}"`);
  const objective = (found.objective as Objective | null) ?? null;
  const chosen: Objective = objective ?? 'conversion';
  const kpis = await queryMetrics(warehouse, workspace, {
    metrics: [...OBJECTIVE_KPIS[chosen]],
    from,
    to,
    filters: [{ dimension: 'campaign', op: 'eq', values: [campaignId] }],
    compare: 'previous_period',
  });
  return {
    campaign: { id: campaignId, name: (found.name as string | null) ?? null, objective },
    objective: chosen,
    objective_source: objective ? 'campaign' : 'default',
    from,
    to,
    kpis,
  };
}
