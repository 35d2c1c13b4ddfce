// The customers view's questions to the API, from the view state: customer
// value per acquisition channel (POST /v1/query, only the metrics the
// workspace's catalog has) and the predicted CLV (GET /v1/clv, at the
// calibration end the address names, else the server's default). Pure.
import type { ClvParams, QueryBody } from '../../api/client';
import { addDays, isDate } from '../../frame/date-range';
import { queryFilters, type ViewState } from '../../frame/url-state';

/** The columns of the channel table, in order. */
export const VALUE_METRICS = ['new_customers', 'paid_cac', 'cac', 'clv', 'predicted_clv', 'ltv_cac', 'predicted_ltv_cac', 'cac_payback_months'] as const;
export type ValueMetric = (typeof VALUE_METRICS)[number];

/** The LTV:CAC ratios, historical and predicted; the chart draws the ones asked for. */
export const RATIO_METRICS: readonly ValueMetric[] = ['ltv_cac', 'predicted_ltv_cac'];

/** Where LTV:CAC turns bad (below) and healthy (at or above). */
export const LTV_CAC_BAD_BELOW = 1;
export const LTV_CAC_HEALTHY_FROM = 3;

/** The address parameter of the CLV fit's calibration end. */
export const CALIBRATION_PARAM = 'calibration_end';
/** Top customers listed. */
export const TOP_CUSTOMERS = 20;

/**
 * The metrics of the table the catalog can answer, in table order: a metric
 * the server does not know yet (or marks unavailable) is left out, so the
 * query never fails on it.
 */
export function askableMetrics(catalog: readonly { id: string; available?: boolean }[]): ValueMetric[] {
  const known = new Set(catalog.filter((m) => m.available !== false).map((m) => m.id));
  return VALUE_METRICS.filter((id) => known.has(id));
}

/** Customer value per acquisition channel over the range, with the toolbar's filters. */
export function channelValueQuery(state: ViewState, metrics: readonly string[]): QueryBody {
  return { metrics: [...metrics], dimensions: ['channel'], from: state.range.from, to: state.range.to, filters: queryFilters(state.filters) };
}

/** The calibration end named in the address, or null for the server's default (yesterday); a bad value is a problem. */
export function calibrationEndOf(param: string | null): { value: string | null; problem: string | null } {
  if (param === null || param === '') return { value: null, problem: null };
  if (!isDate(param)) return { value: null, problem: `"${param}" is not a date (calibration_end must be YYYY-MM-DD); the CLV fit uses its default, yesterday.` };
  return { value: param, problem: null };
}

export function clvParams(calibrationEnd: string | null): ClvParams {
  return calibrationEnd ? { calibration_end: calibrationEnd, top: TOP_CUSTOMERS } : { top: TOP_CUSTOMERS };
}

export type RatioTone = 'bad' | 'healthy' | 'neutral';

/** LTV:CAC below 1× loses money on each customer acquired; 3× or more is healthy. */
export function ratioTone(value: number | null | undefined): RatioTone {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'neutral';
  return value < LTV_CAC_BAD_BELOW ? 'bad' : value >= LTV_CAC_HEALTHY_FROM ? 'healthy' : 'neutral';
}

type Row = Record<string, string | number | boolean | null>;

/** The channel of a table row as the page names it; customers acquired without one are "(none)". */
export function channelName(row: Row): string {
  return typeof row.channel === 'string' && row.channel ? row.channel : '(none)';
}

/** Channels with the most new customers first, then by name. */
export function sortChannels<T extends Row>(rows: readonly T[]): T[] {
  const count = (r: Row) => (typeof r.new_customers === 'number' ? r.new_customers : -1);
  return [...rows].sort((a, b) => count(b) - count(a) || String(a.channel ?? '').localeCompare(String(b.channel ?? '')));
}

/** A histogram bar's label: "$20–$40", the open last bin "≥ $120". */
export function binLabel(bin: { from: number; to: number | null }, money: (v: number) => string): string {
  return bin.to === null ? `≥ ${money(bin.from)}` : `${money(bin.from)}–${money(bin.to)}`;
}

const UNIT_DAYS = { day: 1, week: 7 } as const;

/**
 * The day of a customer's last purchase: their age T and recency (first to
 * last purchase) are counted back from the calibration end, in its time unit.
 */
export function lastOrderDate(summary: { calibration_end: string; time_unit: keyof typeof UNIT_DAYS }, customer: { T: number; recency: number }): string {
  return addDays(summary.calibration_end, -Math.round((customer.T - customer.recency) * UNIT_DAYS[summary.time_unit]));
}
