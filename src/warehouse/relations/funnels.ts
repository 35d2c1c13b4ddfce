// Funnels (POST /v1/funnels), written once for every engine and aggregated
// there: each person's funnel-step events travel as one array of integers
// (funnel-histories.ts), are walked step by step in SQL — one nested SELECT
// per step, as engines without window functions or recursion allow — and only
// the counts and median times per group reach TypeScript.
import { ValidationError } from '../../core/errors.js';
import { addDays, isValidDate, isValidTimeZone } from '../../core/time.js';
import { zoneMidnight } from '../../core/zone-midnight.js';
import type { FunnelCounts, FunnelQuery } from '../warehouse.js';
import { funnelHistoriesSql, matchKey, STEP_SLOTS, stepOrds, type FunnelRange } from './funnel-histories.js';
import type { RelationBuild } from './relation-build.js';

const DAY_MS = 86_400_000;
/** Steps a funnel may have, and the longest window. */
export const MAX_FUNNEL_STEPS = 10;
export const MAX_FUNNEL_WINDOW_DAYS = 365;
const ORDERS = ['ordered', 'strict', 'any'];
const BREAKDOWNS = ['channel', 'campaign'];

/**
 * One row per group (everyone: g_total 1; with a breakdown, also one per
 * value of the entering event: g_total 0, g_key): entered, reached_1 …
 * reached_n and median_2 … median_n (ms from the step before).
 *
 * A person enters at their first first-step event whose time falls in the
 * local dates [from, to] (order `any`: their first event of any step there);
 * every later step must come at most windowMs after it.
 * - ordered: step k is the first step-k event after step k−1's;
 * - strict: step k must be the very next funnel-step event after step k−1's;
 * - any: step k counts those who did steps 1…k in the window in any order,
 *   and its time is when the last of them was first done.
 * "After" orders events by time, then by step: events at the same instant
 * follow the funnel's order, and an event never counts for two steps.
 */
export function funnelSql(b: RelationBuild, query: FunnelQuery): string {
  checkFunnelQuery(query);
  const range: FunnelRange = {
    start: zoneMidnight(query.from, query.timeZone),
    end: zoneMidnight(addDays(query.to, 1), query.timeZone),
    windowMs: query.windowMs,
  };
  const walk = new Walk(funnelHistoriesSql(b, query, range), query.by ? ['evs', 'entry_p', 'e_key'] : ['evs', 'entry_p']);
  enter(b, walk, query);
  const ords = stepOrds(query.steps);
  for (let k = query.order === 'any' ? 1 : 2; k <= query.steps.length; k++) step(b, walk, query, k, ords[k - 1]);
  return aggregate(b, walk, query);
}

/** A chain of nested SELECTs, each keeping the columns carried so far and adding its own. */
class Walk {
  constructor(
    public sql: string,
    private readonly carried: string[],
  ) {}

  /** A level: the carried columns and `columns` (alias → expression); with `keep` false only the next level sees them. */
  level(columns: Record<string, string>, keep = true): void {
    const added = Object.entries(columns).map(([alias, expr]) => `${expr} AS ${alias}`);
    this.sql = `SELECT ${[...this.carried, ...added].join(', ')}
    FROM (${this.sql})`;
    if (keep) this.carried.push(...Object.keys(columns));
  }
}

/** The time (epoch ms) and the step of an element (funnel-histories.ts). */
const msOf = (b: RelationBuild, e: string) => b.h.intDiv(e, String(STEP_SLOTS));
const ordOf = (b: RelationBuild, e: string) => `(${e} - ${STEP_SLOTS} * ${msOf(b, e)})`;

/**
 * Where the window ends (last_e: the greatest element a later step may be)
 * and, for ordered and strict funnels, step 1 reached at the entering element:
 * r_1, p_1 (its element) and m_1 (its time).
 */
function enter(b: RelationBuild, walk: Walk, query: FunnelQuery): void {
  const { h } = b;
  const at = msOf(b, 'entry_p');
  walk.level({ m_0: at, last_e: `(${at} + ${b.value(query.windowMs)}) * ${STEP_SLOTS} + ${STEP_SLOTS - 1}` });
  if (query.order !== 'any') walk.level({ r_1: h.smallInt(1), p_1: 'entry_p', m_1: 'm_0' });
}

/**
 * Step k (its elements' step is `ord`): t_k, the element that takes it (the
 * least that may; 0 for none), then r_k (reached), p_k, m_k (its time) and
 * d_k (ms after step k−1). Ordered: the first step-k element after step
 * k−1's, within the window. Strict: the element right after step k−1's must
 * be a step-k element within the window. Any: the first step-k element within
 * the window; step k's time is when the last of steps 1 … k was first done.
 */
function step(b: RelationBuild, walk: Walk, query: FunnelQuery, k: number, ord: number): void {
  const { h } = b;
  const isStep = (e: string) => `${ordOf(b, e)} = ${ord}`;
  const previous = { p: `p_${k - 1}`, last: 'last_e' };
  const candidates =
    query.order === 'ordered'
      ? h.arrayFilter('evs', { element: 'e', outer: previous, body: (e, o) => `${isStep(e)} AND ${e} <= ${o.last} AND ${e} > ${o.p}` })
      : query.order === 'strict'
        ? h.arrayFilter('evs', { element: 'e', outer: { p: previous.p }, body: (e, o) => `${e} > ${o.p}` })
        : h.arrayFilter('evs', { element: 'e', outer: { last: 'last_e' }, body: (e, o) => `${isStep(e)} AND ${e} <= ${o.last}` });
  walk.level({ [`t_${k}`]: h.arrayMin(candidates) }, false);
  const t = `t_${k}`;
  const found = query.order === 'strict' ? `${t} > 0 AND ${isStep(t)} AND ${t} <= last_e` : `${t} > 0`;
  const before = k === 1 ? '' : `r_${k - 1} = 1 AND `;
  // With `any`, a step's time is when the person had done it and every step before it: the latest of their first times.
  const time = query.order === 'any' && k > 1 ? `CASE WHEN ${msOf(b, t)} > m_${k - 1} THEN ${msOf(b, t)} ELSE m_${k - 1} END` : msOf(b, t);
  walk.level({
    [`r_${k}`]: `CASE WHEN ${before}${found} THEN ${h.smallInt(1)} ELSE ${h.smallInt(0)} END`,
    [`p_${k}`]: t,
    [`m_${k}`]: time,
    ...(k > 1 ? { [`d_${k}`]: `${time} - m_${k - 1}` } : {}),
  });
}

/** Counts and medians per group: everyone, and with a breakdown each value of the entering event. */
function aggregate(b: RelationBuild, walk: Walk, query: FunnelQuery): string {
  const { h } = b;
  const n = query.steps.length;
  const steps = Array.from({ length: n }, (_, i) => i + 1);
  const measures = [
    `${h.countRows()} AS entered`,
    ...steps.map((k) => `${h.countIf(`r_${k} = 1`)} AS reached_${k}`),
    ...steps.filter((k) => k > 1).map((k) => `${h.median(`d_${k}`, `r_${k} = 1`)} AS median_${k}`),
  ];
  if (!query.by) return `SELECT ${h.smallInt(1)} AS g_total, ${measures.join(', ')} FROM (${walk.sql})`;
  const columns = ['e_key', ...steps.map((k) => `r_${k}`), ...steps.filter((k) => k > 1).map((k) => `d_${k}`)];
  const twice = h.arrayJoin(walk.sql, columns, { g_total: h.arrayOf([h.smallInt(1), h.smallInt(0)]) });
  const grouped = `SELECT *, CASE WHEN g_total = 1 THEN ${h.nullString()} ELSE e_key END AS g_key FROM (${twice})`;
  return `SELECT g_total, g_key, ${measures.join(', ')} FROM (${grouped}) GROUP BY g_total, g_key`;
}

/** A query the statement can be built from; the caller's fault otherwise. */
function checkFunnelQuery(query: FunnelQuery): void {
  const problems: string[] = [];
  if (!isValidDate(query.from) || !isValidDate(query.to)) problems.push('from and to must be dates (YYYY-MM-DD)');
  else if (query.from > query.to) problems.push('from must not be after to');
  if (!isValidTimeZone(query.timeZone)) problems.push(`unknown time zone ${JSON.stringify(query.timeZone)}`);
  if (!Array.isArray(query.steps) || query.steps.length < 2 || query.steps.length > MAX_FUNNEL_STEPS) problems.push(`steps must hold 2 to ${MAX_FUNNEL_STEPS} steps`);
  else if (query.order === 'any' && new Set(query.steps.map(matchKey)).size < query.steps.length) problems.push('steps must all differ with order any');
  if (!ORDERS.includes(query.order)) problems.push(`order must be one of ${ORDERS.join(', ')}`);
  if (query.by != null && !BREAKDOWNS.includes(query.by)) problems.push(`by must be one of ${BREAKDOWNS.join(', ')}`);
  if (!Number.isInteger(query.windowMs) || query.windowMs < 1 || query.windowMs > MAX_FUNNEL_WINDOW_DAYS * DAY_MS) {
    problems.push(`windowMs must be a whole number of ms from 1 to ${MAX_FUNNEL_WINDOW_DAYS} days`);
  }
  if (problems.length > 0) throw new ValidationError(`invalid funnel query: ${problems.join('; ')}`, { problems });
}

/** The statement's rows as counts: everyone first (zeros when no one entered), then the breakdown values, most entered first. */
export function funnelCountsOf(rows: readonly Record<string, unknown>[], steps: number): FunnelCounts[] {
  const counts = (row: Record<string, unknown> | undefined, key: string | null): FunnelCounts => ({
    key,
    entered: Number(row?.entered ?? 0),
    reached: Array.from({ length: steps }, (_, i) => Number(row?.[`reached_${i + 1}`] ?? 0)),
    medianMs: Array.from({ length: steps }, (_, i) => {
      const value = i === 0 ? null : row?.[`median_${i + 1}`];
      return value === null || value === undefined ? null : Number(value);
    }),
  });
  const total = rows.find((row) => Number(row.g_total) === 1);
  const groups = rows.filter((row) => Number(row.g_total) === 0).map((row) => counts(row, String(row.g_key)));
  groups.sort((x, y) => y.entered - x.entered || (x.key! < y.key! ? -1 : x.key! > y.key! ? 1 : 0));
  return [counts(total, null), ...groups];
}

/** The distinct event types of the workspace's derived events, sorted (at most 10,000). */
export function eventTypesSql(b: RelationBuild): string {
  return `SELECT type FROM event_facts WHERE workspace_id = ${b.ws} GROUP BY type ORDER BY type LIMIT 10000`;
}
