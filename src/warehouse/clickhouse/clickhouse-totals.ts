// ClickHouse returns the totals of GROUP BY … WITH TOTALS apart from the
// grouped rows: FORMAT JSON carries them as a `totals` object next to `data`.
// The Dialect contract promises one result with the totals as one more row,
// so the engine's query() reads FORMAT JSON and passes it through here.
import { TOTALS_FLAG } from '../../sql/ast.js';

type Row = Record<string, unknown>;

/** The parts of a FORMAT JSON answer used here (it also has meta, rows, statistics). */
export interface ClickHouseJson {
  data: Row[];
  totals?: Row;
}

/**
 * The grouped rows flagged `__totals: false` and then the totals row flagged
 * `__totals: true`; without totals (no WITH TOTALS), the rows as they are.
 */
export function rowsWithTotals(json: ClickHouseJson): Row[] {
  if (json.totals === undefined) return json.data;
  return [...json.data.map((row) => ({ ...row, [TOTALS_FLAG]: false })), { ...json.totals, [TOTALS_FLAG]: true }];
}
