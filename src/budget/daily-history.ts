// Each key's daily spend and outcome from a metrics answer by day and key:
// every day of the range present (a day without a row spent and earned 0),
// keys in order of spend. Pure.
import { addDays } from '../core/time.js';
import type { ResultRow } from '../metrics/types.js';

export interface KeyHistory {
  key: string;
  spend: number[];
  outcome: number[];
  totalSpend: number;
  totalOutcome: number;
}

/**
 * @example
 * dailyHistories(rows, { dimension: 'channel', outcome: 'revenue', from: '2026-11-01', to: '2026-11-03' })
 * // → [{ key: 'Paid Search', spend: [10, 0, 12], outcome: [30, 0, 41], totalSpend: 22, totalOutcome: 71 }, …]
 */
export function dailyHistories(rows: readonly ResultRow[], shape: { dimension: string; outcome: string; from: string; to: string }): KeyHistory[] {
  const days: string[] = [];
  for (let day = shape.from; day <= shape.to; day = addDays(day, 1)) days.push(day);
  const index = new Map(days.map((day, i) => [day, i]));
  const byKey = new Map<string, KeyHistory>();
  for (const row of rows) {
    const key = row[shape.dimension];
    const at = index.get(String(row.date));
    if (key === null || key === undefined || at === undefined) continue;
    let history = byKey.get(String(key));
    if (!history) byKey.set(String(key), (history = { key: String(key), spend: days.map(() => 0), outcome: days.map(() => 0), totalSpend: 0, totalOutcome: 0 }));
    const spend = numberOf(row.cost);
    const outcome = numberOf(row[shape.outcome]);
    history.spend[at] += spend;
    history.outcome[at] += outcome;
    history.totalSpend += spend;
    history.totalOutcome += outcome;
  }
  return [...byKey.values()].sort((a, b) => b.totalSpend - a.totalSpend || a.key.localeCompare(b.key));
}

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
