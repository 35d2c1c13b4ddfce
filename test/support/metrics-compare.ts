// Comparing metric results of two engines: a matrix of metric queries over
// test/support/metrics-fixture.ts (every catalog metric, grains, dimensions,
// filters, comparisons, attribution models), a result differ and a runner.
// Integers and the money sums both engines add as Decimals (cost, order
// revenue, MRR) must be equal; other money within a cent (both are rounded to
// it), other numbers within 1e-9 relative.
import { CATALOG } from '../../src/metrics/catalog.js';
import { queryMetrics } from '../../src/metrics/query-service.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

export const MARCH = { from: '2026-03-01', to: '2026-03-31' };
export const ALL_METRICS = CATALOG.map((m) => m.id);
/** A query takes at most 50 metrics: the catalog in two halves. */
const HALVES = [ALL_METRICS.slice(0, 30), ALL_METRICS.slice(30)];

/** Metrics summed as Decimals by both engines: equal to the last bit. */
const EXACT = new Set(['cost', 'order_revenue', 'mrr']);
/** Other money metrics come rounded to the cent from values equal within 1e-9: a half cent may round either way. */
const MONEY = new Set(CATALOG.filter((m) => m.unit === 'money').map((m) => m.id));

/** Differences between two results: [] when equal (integers and EXACT metrics exactly, other numbers within 1e-9 relative). */
export function differences(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    const field = path.slice(path.lastIndexOf('.') + 1);
    const exact = (Number.isInteger(a) && Number.isInteger(b)) || EXACT.has(field);
    if (exact) return a === b ? [] : [`${path}: ${a} ≠ ${b}`];
    if (MONEY.has(field)) return Math.abs(a - b) <= 0.01 + 1e-9 ? [] : [`${path}: ${a} ≠ ${b}`];
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} ≠ ${b}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} rows ≠ ${b.length} rows`];
    return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

export const QUERIES: [string, string, Record<string, unknown>][] = [
  ...HALVES.flatMap((metrics, half): [string, string, Record<string, unknown>][] => [
    ['utc', `every metric, part ${half + 1}`, { metrics, ...MARCH }],
    ['utc', `every metric by day, part ${half + 1}`, { metrics, grain: 'day', ...MARCH }],
    ['ny', `every metric (New York), part ${half + 1}`, { metrics, ...MARCH }],
    ['ny', `every metric by day (New York), part ${half + 1}`, { metrics, grain: 'day', ...MARCH }],
  ]),
  ['utc', 'week grain', { metrics: ['cost', 'sessions', 'conversions', 'revenue', 'orders', 'new_customers', 'mrr', 'nps'], grain: 'week', ...MARCH }],
  ['ny', 'month grain', { metrics: ['cost', 'visitors', 'revenue', 'order_revenue', 'cac', 'churn_rate', 'csat', 'emails_sent'], grain: 'month', from: '2026-02-01', to: '2026-04-30' }],
  ['utc', 'paid media by channel', { metrics: ['impressions', 'clicks', 'cost', 'ctr', 'cpc', 'cpm', 'reach', 'frequency', 'conversions', 'cvr', 'cpa', 'roas', 'platform_conversions', 'platform_roas', 'engagements', 'engagement_rate'], dimensions: ['channel'], ...MARCH }],
  ['utc', 'by campaign and day', { metrics: ['cost', 'conversions', 'revenue', 'roas', 'leads', 'new_customers', 'orders', 'nps'], dimensions: ['campaign'], grain: 'day', ...MARCH }],
  ['ny', 'by platform', { metrics: ['cost', 'impressions', 'conversions', 'order_revenue', 'mrr', 'survey_responses'], dimensions: ['platform'], ...MARCH }],
  ['utc', 'web by device', { metrics: ['visitors', 'sessions', 'pageviews', 'pages_per_session', 'avg_session_duration', 'bounce_rate', 'visitor_cvr', 'avg_scroll_depth', 'video_completion_rate', 'conversions'], dimensions: ['device'], ...MARCH }],
  ['ny', 'web by source and week', { metrics: ['visitors', 'sessions', 'bounce_rate', 'conversions', 'revenue'], dimensions: ['source'], grain: 'week', ...MARCH }],
  ['utc', 'email by campaign', { metrics: ['emails_sent', 'emails_delivered', 'email_open_rate', 'email_click_rate', 'email_click_to_open_rate', 'email_bounce_rate', 'email_unsubscribe_rate'], dimensions: ['campaign'], ...MARCH }],
  ['utc', 'filter in', { metrics: ['cost', 'conversions', 'revenue', 'sessions'], dimensions: ['channel'], filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Email'] }], ...MARCH }],
  ['utc', 'filter not_in with (none)', { metrics: ['conversions', 'revenue', 'sessions', 'order_revenue'], dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'not_in', values: ['(none)', 'C2'] }], ...MARCH }],
  ['ny', 'filter contains', { metrics: ['sessions', 'conversions', 'cost'], dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'contains', values: ['c'] }], ...MARCH }],
  ['utc', 'previous period', { metrics: ['cost', 'conversions', 'revenue', 'sessions', 'new_customers', 'mrr', 'churn_rate', 'nps'], grain: 'week', compare: 'previous_period', from: '2026-03-16', to: '2026-03-31' }],
  ['ny', 'previous year', { metrics: ['cost', 'conversions', 'revenue', 'sessions', 'orders', 'order_revenue', 'nps', 'mer'], dimensions: ['channel'], compare: 'previous_year', from: '2026-03-01', to: '2026-03-15' }],
  ['utc', 'first touch', { metrics: ['conversions', 'revenue', 'cpa', 'roas'], dimensions: ['channel'], attribution: { model: 'first_touch', lookback_days: 30 }, ...MARCH }],
  ['utc', 'last touch', { metrics: ['conversions', 'revenue'], dimensions: ['campaign'], attribution: { model: 'last_touch', lookback_days: 30 }, ...MARCH }],
  ['ny', 'last non-direct', { metrics: ['conversions', 'revenue'], dimensions: ['channel'], grain: 'day', attribution: { model: 'last_non_direct', lookback_days: 30 }, ...MARCH }],
  ['utc', 'lookback of 1 day, last non-direct', { metrics: ['conversions', 'revenue', 'cpa'], dimensions: ['channel'], attribution: { model: 'last_non_direct', lookback_days: 1 }, ...MARCH }],
  ['ny', 'customers by last non-direct acquisition', { metrics: ['leads', 'new_customers', 'order_revenue', 'cac', 'clv', 'nps', 'predicted_clv'], dimensions: ['channel'], ...MARCH }],
  ['ny', 'customers by acquisition campaign and week', { metrics: ['new_customers', 'orders', 'mrr', 'churn_rate', 'survey_responses'], dimensions: ['campaign'], grain: 'week', ...MARCH }],
  ['ny', 'lookback of 7 days, first touch', { metrics: ['conversions', 'revenue'], dimensions: ['campaign'], grain: 'week', attribution: { model: 'first_touch', lookback_days: 7 }, ...MARCH }],
];

/** The result of one metrics query body on `workspace`. */
export async function runMetrics(w: Warehouse, workspace: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const ws = await w.getWorkspace(workspace);
  if (!ws) throw new Error(`no workspace ${workspace}`);
  return (await queryMetrics(w, ws, body)) as unknown as Record<string, unknown>;
}
