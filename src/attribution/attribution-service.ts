// Multi-touch attribution (POST /v1/attribution, beacon attribution): the
// journeys of a period aggregated to distinct paths in the warehouse — or the
// paths of a path file — credited under one model or all of them, with each
// key's cost, CPA and ROAS, optional bootstrap intervals, and the top paths.
import { ValidationError } from '../core/errors.js';
import { roundMoney } from '../core/money.js';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../model/attribution.js';
import { freshView, queryMetrics, type QueryServices } from '../metrics/query-service.js';
import { NONE } from '../metrics/planner.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { parseAttributionRequest, type AttributionDimension, type AttributionParams, type AttributionRequest } from './attribution-input.js';
import { modelAnswer, topPaths, type AttributionRow, type Costs, type ModelAnswer } from './attribution-report.js';
import { parsePathFile, type PathFileError } from './path-file.js';
import type { AggregatedPath } from './paths.js';
import type { KeyRules } from './run-model.js';

export interface AttributionReport {
  model: AttributionModel | 'compare';
  /** The dimension keys are (null for a path file, whose keys are its own). */
  dimension: AttributionDimension | null;
  from: string | null;
  to: string | null;
  /** Every row of every model run (one model, or all of them for compare), highest credit first within a model. */
  rows: AttributionRow[];
  /** Per model: its rows and, for markov and shapley, their workings. */
  models: ModelAnswer[];
  total_conversions: number;
  total_revenue: number;
  total_cost: number | null;
  top_paths: { path: string[]; conversions: number; revenue: number; nulls: number }[];
  /** What the parameters were, defaults included. */
  params: AttributionParams & { models: AttributionModel[] };
  /** Path files: lines that could not be read (the rest were), and how many. */
  path_errors?: PathFileError[];
  rejected_lines?: number;
}

/**
 * Answers an attribution request body for a workspace.
 *
 * @example await attributionReport(services, workspace, { model: 'compare', dimension: 'channel', from: '2026-11-01', to: '2026-11-30' })
 */
export async function attributionReport(services: QueryServices, workspace: Workspace, body: unknown): Promise<AttributionReport> {
  const request = parseAttributionRequest(body, workspace.settings);
  const { paths, costs, keys, errors } = await loadPaths(services, workspace, request);
  const models = modelsOf(request, paths);
  const answers = models.map((model) => modelAnswer(model, paths, request.params, keys, costs));
  const currency = workspace.settings.currency;
  for (const answer of answers) answer.rows = answer.rows.map((row) => roundRow(row, currency));
  const totalCost = costs ? [...costs.byKey.values()].reduce((a, b) => a + b, 0) : null;
  return {
    model: request.model,
    dimension: request.source.kind === 'warehouse' ? request.source.dimension : null,
    from: request.source.kind === 'warehouse' ? request.source.from : null,
    to: request.source.kind === 'warehouse' ? request.source.to : null,
    rows: answers.flatMap((a) => a.rows),
    models: answers,
    total_conversions: paths.reduce((sum, p) => sum + p.conversions, 0),
    total_revenue: roundMoney(paths.reduce((sum, p) => sum + p.revenue, 0), currency),
    total_cost: totalCost === null ? null : roundMoney(totalCost, currency),
    top_paths: topPaths(paths).map((p) => ({ ...p, revenue: roundMoney(p.revenue, currency) })),
    params: { ...request.params, models },
    ...(errors ? { path_errors: errors.errors, rejected_lines: errors.rejected } : {}),
  };
}

async function loadPaths(
  services: QueryServices,
  workspace: Workspace,
  request: AttributionRequest,
): Promise<{ paths: AggregatedPath[]; costs: Costs | null; keys: KeyRules; errors?: { errors: PathFileError[]; rejected: number } }> {
  if (request.source.kind === 'paths') {
    const parsed = parsePathFile(request.source.text);
    if (parsed.paths.length === 0 && parsed.rejected > 0) {
      throw new ValidationError(`no line of the path file could be read; line ${parsed.errors[0].line}: ${parsed.errors[0].message}`, { field: 'paths', errors: parsed.errors });
    }
    return { paths: parsed.paths, costs: null, keys: { directKey: 'Direct', noTouchKey: 'Direct' }, errors: { errors: parsed.errors, rejected: parsed.rejected } };
  }
  const { dimension, from, to } = request.source;
  await freshView(services, workspace.name);
  const { settings } = workspace;
  const [paths, costs] = await Promise.all([
    services.warehouse.journeyPaths(workspace.name, {
      from,
      to,
      dimension,
      lookbackDays: request.params.lookback_days,
      viewThrough: request.params.view_through ? { lookbackDays: 1 } : null,
      timeZone: settings.timezone,
      botFiltering: settings.bot_filtering,
    }),
    costsBy(services, workspace, dimension, from, to),
  ]);
  const none = dimension === 'channel' ? 'Direct' : NONE;
  return { paths, costs, keys: { directKey: none, noTouchKey: none } };
}

/** Cost per key over the period, from the metrics layer (ad spend and the costs source); campaign names beside campaign ids. */
async function costsBy(services: QueryServices, workspace: Workspace, dimension: AttributionDimension, from: string, to: string): Promise<Costs> {
  const result = await queryMetrics(services.warehouse, workspace, { metrics: ['cost'], dimensions: [dimension], from, to });
  const byKey = new Map(result.rows.map((row) => [String(row[dimension]), Number(row.cost ?? 0)]));
  const names = dimension === 'campaign' ? new Map(result.rows.map((row) => [String(row.campaign), (row.campaign_name as string | null) ?? null])) : undefined;
  return { byKey, names };
}

/** The models to run: one, or every model the source can serve (a path file has no touch times for time_decay). */
function modelsOf(request: AttributionRequest, paths: readonly AggregatedPath[]): AttributionModel[] {
  if (request.model !== 'compare') return [request.model];
  const timed = paths.every((p) => p.daysBefore !== undefined);
  return ATTRIBUTION_MODELS.filter((m) => m !== 'time_decay' || timed);
}

function roundRow(row: AttributionRow, currency: string): AttributionRow {
  const money = (v: number | null) => (v === null ? null : roundMoney(v, currency));
  return {
    ...row,
    revenue: roundMoney(row.revenue, currency),
    cost: money(row.cost),
    cpa: money(row.cpa),
    ...(row.interval ? { interval: { conversions: row.interval.conversions, revenue: [roundMoney(row.interval.revenue[0], currency), roundMoney(row.interval.revenue[1], currency)] } } : {}),
  };
}
