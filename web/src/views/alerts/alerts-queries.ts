// The alerts view's questions and what it derives from their answers: how
// many firings to list, which one the address selects, and the chart of a
// firing — its metric per bucket of its grain over the 30 buckets that end
// with the one it fired on (POST /v1/query with the firing's own metrics and
// filters), the bucket it fired on, and the threshold line. Pure.
import type { AlertFiring, QueryBody, QueryResult } from '../../api/client';
import { addDays } from '../../frame/date-range';

/** The firings listed: the latest this many. */
export const HISTORY_LIMIT = 50;
/** Buckets the chart of a firing spans, the one it fired on last. */
export const CHART_BUCKETS = 30;
/** The view's address parameter: the firing shown (the newest when absent). */
export const PARAMS = { firing: 'firing' } as const;

type ChartGrain = NonNullable<AlertFiring['query']['grain']>;

export interface ChartWindow {
  from: string;
  to: string;
  grain: ChartGrain;
  /** The bucket the firing judged (its label as /v1/query writes it); null for hours, where it is the last one. */
  marked: string | null;
}

const MONTHS_PER: Partial<Record<ChartGrain, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * The dates the chart reads: the firing's last day back over CHART_BUCKETS
 * buckets of its grain (a day without a grain), the first bucket whole.
 *
 * @example chartWindow({ metrics: ['cost'], from: '2026-12-07', to: '2026-12-07', grain: 'day' })
 * // { from: '2026-11-08', to: '2026-12-07', grain: 'day', marked: '2026-12-07' }
 */
export function chartWindow(query: AlertFiring['query']): ChartWindow {
  const grain = query.grain ?? 'day';
  const to = query.to;
  const back = CHART_BUCKETS - 1;
  if (grain === 'hour') return { from: addDays(to, -1), to, grain, marked: null };
  if (grain === 'day') return { from: addDays(to, -back), to, grain, marked: to };
  if (grain === 'week') {
    const monday = addDays(to, -((new Date(`${to}T00:00:00Z`).getUTCDay() + 6) % 7));
    return { from: addDays(monday, -7 * back), to, grain, marked: monday };
  }
  const step = MONTHS_PER[grain] ?? 1;
  const [year, month] = to.split('-').map(Number);
  const startMonth = Math.floor((month - 1) / step) * step;
  const marked = monthStart(year, startMonth);
  return { from: monthStart(year, startMonth - step * back), to, grain, marked };
}

/** The first day of a month counted from January of `year` (0-based, any integer). */
function monthStart(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
}

/** The metric the chart draws: the firing's own, else the first its query asked; null when it asked none (a funnel). */
export function chartMetric(firing: Pick<AlertFiring, 'metric' | 'query'>): string | null {
  if (firing.query.metrics.length === 0) return null;
  return firing.query.metrics.includes(firing.metric) ? firing.metric : firing.query.metrics[0];
}

/** The body of POST /v1/query for the chart: the metric per bucket with the firing's filters, over the whole, not per segment. */
export function chartQuery(firing: Pick<AlertFiring, 'metric' | 'query'>): QueryBody | null {
  const metric = chartMetric(firing);
  if (metric === null) return null;
  const window = chartWindow(firing.query);
  return { metrics: [metric], grain: window.grain, from: window.from, to: window.to, filters: firing.query.filters ?? [] };
}

export interface ChartPoint {
  bucket: string;
  value: number | null;
}

/** The buckets of the answer, in its order, with the metric's value in each. */
export function chartPoints(result: Pick<QueryResult, 'columns' | 'rows'>, metric: string): ChartPoint[] {
  const time = result.columns.find((c) => c.kind === 'time')?.name ?? 'date';
  return result.rows.map((row) => ({ bucket: String(row[time]), value: typeof row[metric] === 'number' ? (row[metric] as number) : null }));
}

/** Where the firing's bucket is among the points: the bucket itself, else the last one before it (the last of all for hours); -1 when none. */
export function markedIndex(points: readonly ChartPoint[], marked: string | null): number {
  if (marked === null) return points.length - 1;
  let found = -1;
  points.forEach((p, i) => {
    if (p.bucket <= marked) found = i;
  });
  return found;
}

/** The line the chart draws across: the threshold a threshold condition judged against; null for the other kinds. */
export function referenceLine(firing: Pick<AlertFiring, 'condition' | 'reference'>): number | null {
  if (firing.condition.kind !== 'threshold') return null;
  return firing.reference ?? firing.condition.value;
}

/** The firing the address names, else the newest; null when there is none. */
export function selectedFiring(firings: readonly AlertFiring[], id: string | null): AlertFiring | null {
  return (id === null ? undefined : firings.find((f) => f.id === id)) ?? firings[0] ?? null;
}
