// Whether a rule's condition holds on the data the caller fetched for its
// current bucket: the value, the previous period's, an anomaly detector's
// verdict, a goal's progress or a funnel's conversion. A missing value never
// fires, and says so. Pure.
import type { GoalProgress } from '../goals/goals.js';
import type { AlertCondition, ComparisonOp } from './alert-firing.js';

/**
 * An anomaly detector's judgement of the current bucket's value against
 * the range it expected (the detector runs with the condition's sensitivity).
 * The anomaly module's judged point has these fields.
 */
export interface AnomalyVerdict {
  readonly value: number;
  readonly expected: number;
  readonly lower: number;
  readonly upper: number;
  /** True when the value lies outside [lower, upper]. */
  readonly anomaly: boolean;
}

/** What the caller fetched; each kind reads its own field, null meaning no data. */
export interface ConditionData {
  /** threshold, change: the metric's value in the current bucket. */
  readonly current?: number | null;
  /** change: its value in the previous period of the same length. */
  readonly previous?: number | null;
  readonly anomaly?: AnomalyVerdict | null;
  readonly goal?: GoalProgress | null;
  /** funnel: the conversion from the first step to the last, in percent. */
  readonly funnelRate?: number | null;
  /** data_quality: the titles of the audit's findings at least as severe as the condition's. */
  readonly findings?: readonly string[] | null;
}

export interface ConditionEvaluation {
  readonly met: boolean;
  /** The value judged (the metric's, the goal's actual, the funnel's conversion); null without data. */
  readonly value: number | null;
  /** What it was judged against: the threshold, the previous value, the expected value or the funnel's bar. */
  readonly reference: number | null;
  /** One sentence on the verdict. */
  readonly because: string;
  /** True when data was missing: the verdict says nothing about the condition. */
  readonly noData: boolean;
}

/** Goal statuses that fire: behind pace while the goal runs, or ended short of it. */
const GOAL_FIRES: ReadonlySet<GoalProgress['status']> = new Set(['off_track', 'missed']);

/**
 * @example
 * evaluateCondition({ kind: 'threshold', op: 'above', value: 40 }, { current: 46.2 }, 'CPA')
 * // → { met: true, value: 46.2, reference: 40, because: 'CPA is 46.2, above 40', noData: false }
 */
export function evaluateCondition(condition: AlertCondition, data: ConditionData, label: string): ConditionEvaluation {
  switch (condition.kind) {
    case 'threshold':
      return compare(label, need(data.current, 'current', condition.kind), condition.op, condition.value, '');
    case 'change':
      return change(label, need(data.current, 'current', condition.kind), need(data.previous, 'previous', condition.kind), condition.op, condition.percent);
    case 'anomaly':
      return anomaly(label, need(data.anomaly, 'anomaly', condition.kind));
    case 'goal_pace':
      return goalPace(label, need(data.goal, 'goal', condition.kind));
    case 'funnel':
      return compare(label, need(data.funnelRate, 'funnelRate', condition.kind), condition.op, condition.value, ' %');
    case 'data_quality':
      return quality(need(data.findings, 'findings', condition.kind), condition.severity);
  }
}

/** Fires on any finding; the value is how many. */
function quality(findings: readonly string[] | null, severity: 'error' | 'warning'): ConditionEvaluation {
  if (findings === null) return noData('the data-quality audit', 0, 'could not run');
  const what = severity === 'error' ? 'error' : 'error or warning';
  const met = findings.length > 0;
  const because = met ? `the data-quality audit found ${findings.length} ${what}${findings.length === 1 ? '' : 's'}: ${findings.join('; ')}` : `the data-quality audit found no ${what}`;
  return { met, value: findings.length, reference: 0, because, noData: false };
}

/** A field the kind reads must have been fetched (null is fine: no data); undefined is the caller's bug. */
function need<T>(value: T | null | undefined, field: string, kind: string): T | null {
  if (value === undefined) throw new Error(`a ${kind} condition needs data.${field} (null when there is no data)`);
  return value;
}

const known = (value: number | null): value is number => value !== null && Number.isFinite(value);

function noData(label: string, reference: number | null, what = 'has no value in this period'): ConditionEvaluation {
  return { met: false, value: null, reference, because: `${label} ${what}`, noData: true };
}

function compare(label: string, value: number | null, op: ComparisonOp, bar: number, unit: string): ConditionEvaluation {
  if (!known(value)) return noData(label, bar);
  const met = op === 'above' ? value > bar : value < bar;
  const because = `${label} is ${format(value)}${unit}, ${met ? '' : 'not '}${op} ${format(bar)}${unit}`;
  return { met, value, reference: bar, because, noData: false };
}

/** The change is (current − previous) / |previous|: a rise reads positive even from a negative previous value. */
function change(label: string, current: number | null, previous: number | null, op: ComparisonOp, percent: number): ConditionEvaluation {
  if (!known(current)) return noData(label, known(previous) ? previous : null);
  if (!known(previous)) return { ...noData(label, null, 'has no value in the previous period'), value: current };
  if (previous === 0) return { met: false, value: current, reference: 0, because: `${label} was 0 in the previous period: there is no percent change to judge`, noData: false };
  const changed = ((current - previous) / Math.abs(previous)) * 100;
  const met = op === 'above' ? changed > percent : changed < -percent;
  const moved = changed > 0 ? `rose ${format(changed)} %` : changed < 0 ? `fell ${format(-changed)} %` : 'did not change';
  const bar = `${met ? 'more' : 'not more'} than the ${format(percent)} % ${op === 'above' ? 'rise' : 'fall'} that fires`;
  return { met, value: current, reference: previous, because: `${label} ${moved} against the previous period (${format(previous)} → ${format(current)}), ${bar}`, noData: false };
}

function anomaly(label: string, verdict: AnomalyVerdict | null): ConditionEvaluation {
  if (verdict === null || !known(verdict.value)) return noData(label, verdict?.expected ?? null);
  const range = `its expected range ${format(verdict.lower)} to ${format(verdict.upper)} (expected ${format(verdict.expected)})`;
  const where = !verdict.anomaly ? `within ${range}` : `${verdict.value > verdict.expected ? 'above' : 'below'} ${range}`;
  return { met: verdict.anomaly, value: verdict.value, reference: verdict.expected, because: `${label} is ${format(verdict.value)}, ${where}`, noData: false };
}

function goalPace(label: string, goal: GoalProgress | null): ConditionEvaluation {
  if (goal === null) return noData(label, null, 'has no goal progress');
  if (goal.status === 'not_started') return { met: false, value: goal.actual, reference: goal.expected_by_today, because: 'the goal has not started', noData: false };
  if (!known(goal.actual)) return noData(label, goal.expected_by_today);
  const met = GOAL_FIRES.has(goal.status);
  const reference = goal.status === 'achieved' || goal.status === 'missed' ? goal.target : goal.expected_by_today;
  const against = goal.status === 'achieved' || goal.status === 'missed' ? `the target of ${format(goal.target)}` : `${format(reference ?? goal.target)} expected by now (target ${format(goal.target)})`;
  const because = `${label} is ${format(goal.actual)}, ${goal.status.replace('_', ' ')}: ${against}`;
  return { met, value: goal.actual, reference, because, noData: false };
}

function format(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
