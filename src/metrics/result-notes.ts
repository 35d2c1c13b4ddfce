// What a query result says about itself beyond its numbers: which of the
// sources it reads have no data in (part of) the range, which buckets at the
// range's edges are only partly covered, and money rounded to the currency's
// minor unit. Pure.
import { roundMoney } from '../core/money.js';
import type { Grain } from '../core/time.js';
import type { SourceName } from '../model/sources.js';
import type { FreshnessRow } from '../warehouse/warehouse.js';
import type { CatalogMetric } from './catalog.js';
import { metricSources } from './metric-sources.js';
import { BUCKET } from './planner.js';
import { bucketEnd } from './time-buckets.js';
import type { Filter, QueryResult, ResultRow } from './types.js';


const LABELS: Partial<Record<SourceName, string>> = { ad_performance: 'ad', events: 'event', orders: 'order', costs: 'cost', surveys: 'survey', lifecycle: 'lifecycle' };

export interface NoteScope {
  metrics: readonly CatalogMetric[];
  filters: readonly Filter[];
  from: string;
  to: string;
}

/**
 * Notes on the data behind a query: a source with nothing loaded, nothing in
 * the range, or nothing after some day inside it (per ad platform).
 *
 * @example dataNotes({ metrics: [cost], filters: [], from: '2026-11-01', to: '2026-11-30' },
 *   [{ source: 'ad_performance', platform: 'tiktok_ads', latest_date: '2026-11-18', rows: 90 }])
 * // → ['no ad data after 2026-11-18 for tiktok_ads']
 */
export function dataNotes(scope: NoteScope, freshness: readonly FreshnessRow[]): string[] {
  const sources = [...new Set(scope.metrics.flatMap(metricSources))];
  const platforms = scope.filters.find((f) => f.dimension === 'platform' && (f.op === 'eq' || f.op === 'in'))?.values;
  const notes: string[] = [];
  for (const source of sources) {
    const label = LABELS[source] ?? source;
    const rows = freshness.filter((r) => r.source === source && r.rows > 0 && r.latest_date !== null && (!platforms || r.platform === null || platforms.includes(r.platform)));
    if (rows.length === 0) {
      notes.push(`no ${label} data has been loaded${platforms ? ` for ${platforms.join(', ')}` : ''}`);
      continue;
    }
    const latest = rows.map((r) => r.latest_date!).sort().at(-1)!;
    if (latest < scope.from) {
      notes.push(`no ${label} data in ${scope.from}…${scope.to}; the last is from ${latest}`);
      continue;
    }
    for (const row of rows) {
      if (row.latest_date! < scope.to && row.latest_date! >= scope.from) {
        notes.push(`no ${label} data after ${row.latest_date}${row.platform ? ` for ${row.platform}` : ''}`);
      } else if (row.latest_date! < scope.from && rows.length > 1) {
        notes.push(`no ${label} data in ${scope.from}…${scope.to} for ${row.platform ?? label}; the last is from ${row.latest_date}`);
      }
    }
  }
  return notes;
}

/**
 * Marks the rows whose bucket the range covers only in part — the first and
 * last week or month of a range that does not start or end on its edges, and
 * the bucket still running on `today` — with `partial: true`.
 */
export function markPartialBuckets(rows: ResultRow[], grain: Grain | null, from: string, to: string, today: string): ResultRow[] {
  if (grain === null || grain === 'hour') return rows;
  return rows.map((row) => {
    const start = String(row[BUCKET]);
    const end = bucketEnd(start, grain);
    const partial = start < from || end > to || (start <= today && today <= end);
    return partial ? { ...row, partial: true } : row;
  });
}

/** Money metrics rounded to the currency's minor unit in rows, totals and the comparison. */
export function roundMoneyIn(result: QueryResult, metrics: readonly CatalogMetric[], currency: string): QueryResult {
  const money = metrics.filter((m) => m.unit === 'money').map((m) => m.id);
  if (money.length === 0) return result;
  const round = <T extends Record<string, unknown>>(row: T): T => {
    const out: Record<string, unknown> = { ...row };
    for (const id of money) if (typeof out[id] === 'number') out[id] = roundMoney(out[id] as number, currency);
    return out as T;
  };
  const rounded: QueryResult = { ...result, rows: result.rows.map(round), totals: round(result.totals) };
  if (result.comparison) rounded.comparison = { ...result.comparison, rows: result.comparison.rows.map(round), totals: round(result.comparison.totals) };
  return rounded;
}
