// Acquisition cohorts (POST /v1/cohorts, beacon cohorts): customers grouped by
// the week or month they were acquired, and what each cohort did in every
// period since (retention or cumulative revenue per customer), aggregated in
// the warehouse; the matrix, its weighted average, a breakdown by
// acquisition channel or campaign, and for subscription retention the
// shifted-beta-geometric projection.
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { CohortActivityKind, CohortDimension, Workspace } from '../warehouse/warehouse.js';
import type { PeriodGrain } from '../core/period-index.js';
import { parseCohortRequest, type CohortMetric, type CohortRequest } from './cohort-input.js';
import { everyone, groupsByKey, MAX_KEYS, type CohortGroup } from './cohort-groups.js';
import { averageRow, cohortRows, matrixPeriods, type AverageCell, type CohortRow, type MatrixSpec } from './cohort-matrix.js';
import { cohortNotes } from './cohort-notes.js';
import { fitRetentionModel, type RetentionModel } from './retention-model.js';

/** One group's cohorts: their rows, the weighted average per period, and the retention model where one is fitted. */
export interface CohortMatrix {
  customers: number;
  cohorts: CohortRow[];
  /** Per period since acquisition, over the cohorts that completed it; null where none has. */
  average: (AverageCell | null)[];
  /** With metric retention and activity subscription: the sBG fit, or null with a warning saying why not. */
  model: RetentionModel | null;
  warnings: string[];
}

export interface CohortReport {
  by: PeriodGrain;
  metric: CohortMetric;
  activity: CohortActivityKind;
  from: string;
  to: string;
  channel: string | null;
  dimension: CohortDimension | null;
  /** Today in the workspace time zone: the period holding it is every cohort's last, still running. */
  today: string;
  currency: string;
  /** The columns: periods since acquisition, 0 … those from the first cohort to today. */
  periods: number[];
  /** Every customer of the cohorts (of the channel, when one is asked for). */
  matrix: CohortMatrix;
  /** With a dimension: one matrix per acquisition channel or campaign, most customers first. */
  breakdown?: { key: string; matrix: CohortMatrix }[];
  notes: string[];
  freshness?: { complete: false; pending_since: string };
}

/**
 * Answers a cohort request body for a workspace.
 *
 * @example await cohortReport(services, workspace, { by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-06-30', activity: 'subscription' })
 */
export async function cohortReport(services: QueryServices, workspace: Workspace, body: unknown, now = Date.now()): Promise<CohortReport> {
  const request = parseCohortRequest(body, workspace.settings, now);
  const freshness = await freshView(services, workspace.name);
  const { by, from, to, today, activity, channel, dimension } = request;
  const aggregates = await services.warehouse.cohortActivity(workspace.name, { by, from, to, through: today, activity, channel, dimension });
  const spec: MatrixSpec = { by, metric: request.metric, activity, from, to, today, currency: workspace.settings.currency };
  const all = everyone(aggregates);
  const groups = dimension ? groupsByKey(aggregates) : [];
  const keys = new Set(aggregates.cohorts.map((c) => c.key)).size;
  const notes = cohortNotes(request, all, groups.length === MAX_KEYS && keys > MAX_KEYS ? keys - (MAX_KEYS - 1) : 0);
  if (!freshness.complete) notes.push(`the derived view is still taking in data sent since ${freshness.pending_since}; this answer may not include it yet`);
  return {
    by,
    metric: request.metric,
    activity,
    from,
    to,
    channel,
    dimension,
    today,
    currency: spec.currency,
    periods: matrixPeriods(spec),
    matrix: cohortMatrix(all, spec, request),
    ...(dimension ? { breakdown: groups.map((group) => ({ key: group.key ?? '', matrix: cohortMatrix(group, spec, request) })) } : {}),
    notes,
    ...(freshness.complete ? {} : { freshness }),
  };
}

function cohortMatrix(group: CohortGroup, spec: MatrixSpec, request: CohortRequest): CohortMatrix {
  const cohorts = cohortRows(group.sizes, group.periods, spec);
  const fitted = request.metric === 'retention' && request.activity === 'subscription' && group.customers > 0;
  const { model, warnings } = fitted ? fitRetentionModel(cohorts, request.projectionPeriods) : { model: null, warnings: [] };
  return { customers: group.customers, cohorts, average: averageRow(cohorts, spec, matrixPeriods(spec).length), model, warnings };
}
