// The metric queries users ask (POST /v1/query, beacon query, campaign KPIs):
// one function per use case, called alike by the HTTP routes and the CLI. Each
// brings the workspace's derived view up to date, then plans, runs and
// assembles the query; answerQuery adds the benchmark bands of its metrics.
import { NotFoundError } from '../core/errors.js';
import type { DerivedFreshness, Freshness, FreshnessBounds } from '../warehouse/derive-scheduler.js';
import type { MetadataStore, QueryRunner, Workspace } from '../warehouse/warehouse.js';
import { attachBenchmarks } from './benchmarks-service.js';
import { OBJECTIVE_KPIS, type CatalogMetric, type Objective } from './catalog.js';
import { metricCatalog } from './metrics-service.js';
import { parseQuery } from './query-input.js';
import type { CustomerValues } from './customer-values.js';
import { dataNotes } from './result-notes.js';
import { runMetricQuery } from './run-query.js';
import type { QueryResult } from './types.js';

/** What answering a query needs: a warehouse to read and the derived view kept current. */
export interface QueryServices {
  warehouse: QueryRunner & MetadataStore;
  derived: DerivedFreshness;
  /**
   * How stale the derived view may be before a read waits for it, and how long
   * it then waits before it answers from the view as it stands (and says so);
   * by default reads wait until the view is current.
   */
  freshness?: FreshnessBounds;
  /** Each customer's predicted value (predicted_clv); without it those metrics are empty, with a note. */
  customerValues?: (workspace: Workspace) => Promise<CustomerValues>;
}

const CURRENT: FreshnessBounds = { waitMs: Number.POSITIVE_INFINITY, maxStalenessMs: 0 };

/** Brings the derived view up to date within the services' bounds. */
export function freshView(services: QueryServices, workspace: string): Promise<Freshness> {
  return services.derived.current(workspace, services.freshness ?? CURRENT);
}

/** The result, told how current its derived view was when the view was still refreshing. */
export function withFreshness(result: QueryResult, freshness: Freshness): QueryResult {
  if (freshness.complete) return result;
  const note = `the derived view is still taking in data sent since ${freshness.pending_since}; this answer may not include it yet`;
  return { ...result, freshness, notes: [...(result.notes ?? []), note] };
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
  const freshness = await freshView(services, workspace.name);
  const result = await queryWithDataNotes(services, workspace, body);
  return withFreshness(await attachBenchmarks(services.warehouse, workspace.name, result), freshness);
}

/** A query's answer with notes on the data behind it: sources with nothing loaded, or nothing in (part of) the range. */
async function queryWithDataNotes(services: QueryServices, workspace: Workspace, body: unknown): Promise<QueryResult> {
  const { warehouse, customerValues } = services;
  const metrics = await metricCatalog(warehouse, workspace.name);
  const query = parseQuery(body, metrics, workspace.settings);
  const scope = { warehouse, workspace, metrics, customerValues: customerValues && (() => customerValues(workspace)) };
  const [result, loaded] = await Promise.all([runMetricQuery(scope, query), warehouse.freshness(workspace.name)]);
  const notes = dataNotes({ metrics: query.metrics.map((id) => metrics.get(id)!), filters: query.filters, from: query.from, to: query.to }, loaded);
  return notes.length > 0 ? { ...result, notes: [...(result.notes ?? []), ...notes] } : result;
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
  const freshness = await freshView(services, workspace.name);
  const campaigns = await warehouse.readRows(workspace.name, 'campaigns');
  const found = campaigns.find((c) => c.campaign_id === campaignId);
  if (!found) throw new NotFoundError(`unknown campaign "${campaignId}"`);
  const objective = (found.objective as Objective | null) ?? null;
  const chosen: Objective = objective ?? 'conversion';
  const kpis = await queryWithDataNotes(services, workspace, {
    metrics: [...OBJECTIVE_KPIS[chosen]],
    from,
    to,
    filters: [{ dimension: 'campaign', op: 'eq', values: [campaignId] }],
    compare: 'previous_period',
  }).then((result) => withFreshness(result, freshness));
  return {
    campaign: { id: campaignId, name: (found.name as string | null) ?? null, objective },
    objective: chosen,
    objective_source: objective ? 'campaign' : 'default',
    from,
    to,
    kpis,
  };
}
