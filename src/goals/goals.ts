// SMART goals: the body users POST (a TypeBox schema and its parser) and goal
// pacing (how far through the period we are, what should have been reached by
// today, whether the goal is on track). Pure logic: no I/O, no clock (today is
// passed in).
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { daysInMonth, isValidDate } from '../core/time.js';
import { checkBody, DATE_PATTERN, FilterSchema, throwIfAny, type Problem } from '../metrics/body-checks.js';

// ---------------------------------------------------------------------------
// Schemas

const DAY_MS = 86_400_000;
/** Targets are business figures: a quadrillion bounds any of them and keeps arithmetic on them exact. */
const MAX_TARGET = 1e15;

export const GoalInputSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 120 })),
    metric: Type.String({ minLength: 1, maxLength: 64, description: 'metric id' }),
    target: Type.Number({ minimum: -MAX_TARGET, maximum: MAX_TARGET }),
    direction: Type.Optional(
      Type.Union([Type.Literal('up'), Type.Literal('down')], {
        description: "defaults to the metric's own direction (resolved by the caller)",
      }),
    ),
    filters: Type.Optional(Type.Array(FilterSchema)),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day of the period, YYYY-MM-DD' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day of the period (inclusive), YYYY-MM-DD' }),
    seasonality: Type.Optional(
      Type.Array(Type.Number({ minimum: 0 }), {
        minItems: 7,
        maxItems: 12,
        description: '7 weekday weights (Mon..Sun) or 12 month weights (Jan..Dec), not all zero',
      }),
    ),
  },
  { additionalProperties: false },
);

export type GoalInput = Static<typeof GoalInputSchema>;

const checkGoal = TypeCompiler.Compile(GoalInputSchema);

/**
 * Validates a goal body. Throws ValidationError whose message names every bad
 * field and whose details are `{ field, message }[]`.
 */
export function parseGoalInput(body: unknown): GoalInput {
  const goal = checkBody('goal', checkGoal, body);
  const problems: Problem[] = [];
  const datesOk = checkPeriod(goal.from, goal.to, problems);
  if (goal.seasonality !== undefined) {
    const profileOk = checkSeasonality(goal.seasonality, problems);
    if (profileOk && datesOk && periodWeight(dayNumber(goal.from), dayNumber(goal.to), goal.seasonality) <= 0) {
      problems.push({
        field: 'seasonality',
        message: `gives every day of the period ${goal.from}..${goal.to} a weight of zero`,
      });
    }
  }
  throwIfAny('goal', problems);
  return goal;
}

function checkPeriod(from: string, to: string, problems: Problem[]): boolean {
  let ok = true;
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isValidDate(value)) {
      problems.push({ field, message: `is not a calendar date: "${value}"` });
      ok = false;
    }
  }
  if (ok && from > to) {
    problems.push({ field: 'from', message: `must not be after to (from ${from} > to ${to})` });
    ok = false;
  }
  return ok;
}

function checkSeasonality(weights: number[], problems: Problem[]): boolean {
  if (weights.length !== 7 && weights.length !== 12) {
    problems.push({
      field: 'seasonality',
      message: `must have 7 weekday weights (Mon..Sun) or 12 month weights (Jan..Dec), got ${weights.length}`,
    });
    return false;
  }
  if (weights.every((w) => w === 0)) {
    problems.push({ field: 'seasonality', message: 'weights must not all be zero' });
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Pacing

/**
 * Pace thresholds while a goal runs. pace = actual / expected_by_today for
 * 'up' goals, expected_by_today / actual for 'down' goals;
 * pace >= ON_TRACK_PACE → on_track, pace >= AT_RISK_PACE → at_risk, else off_track.
 */
export const ON_TRACK_PACE = 1;
export const AT_RISK_PACE = 0.9;

export type GoalDirection = 'up' | 'down';
/** cumulative: sums over the period (conversions, cost, revenue); level: ratios (ctr, roas, cpa). */
export type GoalKind = 'cumulative' | 'level';
export type GoalStatus = 'on_track' | 'at_risk' | 'off_track' | 'achieved' | 'missed' | 'not_started';

export interface GoalPacingSpec {
  target: number;
  direction: GoalDirection;
  from: string;
  to: string;
  seasonality?: number[];
  kind: GoalKind;
}

export interface GoalProgress {
  actual: number | null;
  target: number;
  attained_pct: number | null;
  elapsed_fraction: number;
  expected_by_today: number | null;
  status: GoalStatus;
}

/**
 * Where a goal stands on `today` given the metric's `actual` value over the
 * period so far (for a level metric: its value over the period so far).
 *
 * - Status before `from` is 'not_started'; after `to` it is 'achieved' or
 *   'missed' (a null actual after the end is 'missed': the goal cannot be shown
 *   to have been met). On `to` itself the goal is still running, with
 *   elapsed_fraction 1: the last day's data may still be coming in.
 * - While running, a null actual (no data, or a ratio with a zero denominator)
 *   is 'at_risk' with attained_pct null.
 */
export function goalProgress(goal: GoalPacingSpec, actual: number | null, today: string): GoalProgress {
  requireDate('from', goal.from);
  requireDate('to', goal.to);
  requireDate('today', today);
  if (goal.from > goal.to) throw new ValidationError(`from ${goal.from} is after to ${goal.to}`);
  const value = actual !== null && Number.isFinite(actual) ? actual : null;
  const elapsed = elapsedFraction(goal.from, goal.to, today, goal.seasonality);
  const expected = goal.kind === 'cumulative' ? goal.target * elapsed : goal.target;
  return {
    actual: value,
    target: goal.target,
    attained_pct: attainedPct(value, goal.target, goal.direction),
    elapsed_fraction: elapsed,
    expected_by_today: expected,
    status: statusOf(goal, value, expected, today),
  };
}

/**
 * Share of the goal period (from..to, both inclusive) complete by `today`,
 * clamped to 0..1. Today counts as elapsed: a goal report is read during the
 * day about the data so far, and counting today makes the last day of the
 * period reach 1 and the first day 1/n rather than 0.
 *
 * Without a profile every day weighs 1. With a seasonality profile each day
 * weighs its weekday's weight (7 weights, Mon..Sun) or its month's weight
 * divided equally across all the days of that calendar month (12 weights,
 * Jan..Dec: weight / daysInMonth), so a month that the period covers only in
 * part contributes in proportion to the days covered, and a month's days all
 * weigh the same. If the profile gives the whole period zero weight, plain day
 * counts are used instead.
 */
export function elapsedFraction(from: string, to: string, today: string, seasonality?: number[]): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const now = dayNumber(today);
  if (now < first) return 0;
  if (now >= last) return 1;
  const profile = seasonality && seasonality.length > 0 ? seasonality : undefined;
  if (profile) {
    const total = periodWeight(first, last, profile);
    if (total > 0) return clamp01(periodWeight(first, now, profile) / total);
  }
  return clamp01((now - first + 1) / (last - first + 1));
}

/** actual / target × 100 for 'up', target / actual × 100 for 'down'; null when undefined. */
function attainedPct(actual: number | null, target: number, direction: GoalDirection): number | null {
  if (actual === null) return null;
  if (direction === 'up') return target === 0 ? null : (actual / target) * 100;
  return actual === 0 ? null : (target / actual) * 100;
}

function statusOf(goal: GoalPacingSpec, actual: number | null, expected: number, today: string): GoalStatus {
  if (today < goal.from) return 'not_started';
  if (today > goal.to) {
    if (actual === null) return 'missed';
    const met = goal.direction === 'up' ? actual >= goal.target : actual <= goal.target;
    return met ? 'achieved' : 'missed';
  }
  if (actual === null) return 'at_risk';
  const pace = paceOf(actual, expected, goal.direction);
  if (pace >= ON_TRACK_PACE) return 'on_track';
  if (pace >= AT_RISK_PACE) return 'at_risk';
  return 'off_track';
}

/**
 * actual / expected ('up') or expected / actual ('down'). Where the divisor is
 * not positive (nothing expected yet; a 'down' metric at zero) the ratio is
 * meaningless: the goal is then fully on pace if actual is on the right side of
 * expected, and not at all otherwise.
 */
function paceOf(actual: number, expected: number, direction: GoalDirection): number {
  if (direction === 'up') {
    if (expected > 0) return actual / expected;
    return actual >= expected ? Infinity : 0;
  }
  if (actual > 0) return expected / actual;
  return actual <= expected ? Infinity : 0;
}

/** Sum of the profile weights of days first..last (day numbers, inclusive). */
function periodWeight(first: number, last: number, profile: number[]): number {
  if (last < first) return 0;
  return profile.length === 12 ? monthWeight(first, last, profile) : weekdayWeight(first, last, profile);
}

/** Weekday profile, Mon..Sun: whole weeks at once, then the remaining days. */
function weekdayWeight(first: number, last: number, weights: number[]): number {
  if (weights.length !== 7) throw new ValidationError(`seasonality must have 7 or 12 weights, got ${weights.length}`);
  const days = last - first + 1;
  const weeks = Math.floor(days / 7);
  let sum = weeks * weights.reduce((a, b) => a + b, 0);
  const start = weekdayIndex(first);
  for (let i = 0; i < days % 7; i++) sum += weights[(start + i) % 7];
  return sum;
}

/** Month profile, Jan..Dec: each day of a month weighs weight / daysInMonth. */
function monthWeight(first: number, last: number, weights: number[]): number {
  let sum = 0;
  let cursor = first;
  while (cursor <= last) {
    const date = new Date(cursor * DAY_MS);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const length = daysInMonth(year, month);
    const monthEnd = cursor - date.getUTCDate() + length; // day number of the month's last day
    const covered = Math.min(monthEnd, last) - cursor + 1;
    sum += (weights[month - 1] * covered) / length;
    cursor = monthEnd + 1;
  }
  return sum;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function requireDate(field: string, value: string): void {
  if (!isValidDate(value)) throw new ValidationError(`${field} must be a date YYYY-MM-DD, got "${value}"`);
}

