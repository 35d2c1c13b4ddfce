// A KPI's measures over one period, read through the metrics layer (the same
// answer POST /v1/query gives): the workspace's totals and, split by one or
// more dimensions, each segment's values with the dimension values it has.
import type { Dimension, Filter, ResultRow } from '../metrics/types.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import type { MeasureValues } from './measure-values.js';

/** One segment's measures, keyed by its dimension values joined with " · ". */
export interface MeasureRow {
  readonly key: string;
  readonly values: Readonly<Record<string, string | null>>;
  /** The campaign's name when split by campaign and the campaign has one. */
  readonly campaignName: string | null;
  readonly measures: MeasureValues;
}

export interface PeriodMeasures {
  readonly totals: MeasureValues;
  readonly rows: readonly MeasureRow[];
  readonly notes: readonly string[];
}

export interface MeasureRead {
  /** measure id → the catalog metric that reads it. */
  readonly metrics: ReadonlyMap<string, string>;
  readonly from: string;
  readonly to: string;
  readonly filters: readonly Filter[];
  readonly dimensions: readonly Dimension[];
}

/** The label of a row without a value for a dimension. */
export const NO_VALUE = '(none)';

export async function readMeasures(services: QueryServices, workspace: Workspace, read: MeasureRead): Promise<PeriodMeasures> {
  const ids = [...new Set(read.metrics.values())];
  const result = await answerQuery(services, workspace, {
    metrics: ids,
    ...(read.dimensions.length > 0 ? { dimensions: [...read.dimensions] } : {}),
    from: read.from,
    to: read.to,
    filters: read.filters.map((f) => ({ ...f, values: [...f.values] })),
  });
  const measuresOf = (source: Readonly<Record<string, unknown>>): MeasureValues =>
    Object.fromEntries([...read.metrics].map(([measure, metric]) => [measure, numberOf(source[metric])]));
  const rows = read.dimensions.length === 0 ? [] : result.rows.map((row) => rowOf(row, read.dimensions, measuresOf(row)));
  return { totals: measuresOf(result.totals), rows, notes: result.notes ?? [] };
}

function rowOf(row: ResultRow, dimensions: readonly Dimension[], measures: MeasureValues): MeasureRow {
  const values = Object.fromEntries(dimensions.map((d) => [d, row[d] === null || row[d] === undefined ? null : String(row[d])]));
  const key = dimensions.map((d) => values[d] ?? NO_VALUE).join(' · ');
  const name = typeof row.campaign_name === 'string' ? row.campaign_name : null;
  return { key, values, campaignName: name, measures };
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
