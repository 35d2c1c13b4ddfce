// What the budget view derives from a recommendation: keys by their names,
// changes in %, expected outcomes with their intervals, the constraint that
// holds a key in words, a curve's fit in words, and the data of the bar chart
// and of each response curve. Pure.
import type { BudgetReport, BudgetRow } from '../../api/client';
import { formatValue, sentence, type DisplayUnit } from '../../frame/format';

export type Binding = NonNullable<BudgetRow['binding']>;
export type Estimate = BudgetRow['expected'];

export const BINDING_LABELS: Record<Binding, string> = {
  min: 'minimum',
  max: 'maximum',
  locked: 'locked',
  observed_range: 'spend seen',
};

/** What each binding constraint means, for a title or a legend. */
export const BINDING_MEANINGS: Record<Binding, string> = {
  min: 'held at the least it may get (the largest cut allowed)',
  max: 'held at the most it may get (the largest raise allowed)',
  locked: 'kept at its current spend',
  observed_range: 'kept within the daily spend its history saw, since its curve could not be identified',
};

/** The unit the outcome is counted in: revenue is money, conversions a count. */
export function outcomeUnit(outcome: BudgetReport['outcome']): DisplayUnit {
  return outcome === 'revenue' ? 'money' : 'count';
}

/** A recommended change in % of the current spend; null for a key that spent nothing. */
export function changePercent(current: number, recommended: number): number | null {
  return current > 0 ? ((recommended - current) / current) * 100 : null;
}

/** "213,914–460,253": the ends of an estimate's interval; null without one. */
export function formatInterval(estimate: Estimate, unit: DisplayUnit, currency: string): string | null {
  if (estimate.low === null || estimate.high === null) return null;
  return `${formatValue(estimate.low, unit, currency)}–${formatValue(estimate.high, unit, currency)}`;
}

/** The marginal return a plan equalises: ROAS (revenue per extra unit of spend) or CPA (spend per extra conversion). */
export function marginalOf(row: Pick<BudgetRow, 'marginal_roas' | 'marginal_cpa'>, outcome: BudgetReport['outcome'], currency: string): string {
  return outcome === 'revenue' ? formatValue(row.marginal_roas, 'ratio') : formatValue(row.marginal_cpa, 'money', currency);
}

export function marginalLabel(outcome: BudgetReport['outcome']): string {
  return outcome === 'revenue' ? 'Marginal ROAS' : 'Marginal CPA';
}

/** A key as people know it: a campaign by its name where one is known. */
export function keyLabel(key: string, names: ReadonlyMap<string, string>): string {
  return names.get(key) ?? key;
}

/**
 * One of the API's reasons as a sentence; one that starts with a key
 * ("c_brand: up from …") starts with its name instead, left as written
 * rather than capitalised.
 */
export function reasonText(reason: string, keys: ReadonlySet<string>, names: ReadonlyMap<string, string>): string {
  const text = sentence(reason);
  const key = reason.slice(0, Math.max(0, reason.indexOf(': ')));
  return keys.has(key) ? `${keyLabel(key, names)}${text.slice(key.length)}` : text;
}

/** The sum of the recommended spends (the budget spent, or less under a target). */
export function recommendedSum(rows: readonly Pick<BudgetRow, 'recommended'>[]): number {
  return rows.reduce((sum, r) => sum + r.recommended, 0);
}

/** The expected outcome's change from the current split to the recommended one, in %; null when nothing is expected now. */
export function expectedChange(report: Pick<BudgetReport, 'expected' | 'expected_current'>): number | null {
  const now = report.expected_current.value;
  return now > 0 ? ((report.expected.value - now) / now) * 100 : null;
}

/** "R² 0.54 · holdout error 20.6% over 28 days": how well a curve fits, in and out of sample. */
export function fitSummary(curve: Pick<BudgetRow['curve'], 'r_squared' | 'holdout'>): string {
  const parts = [`R² ${curve.r_squared.toFixed(2)}`];
  if (curve.holdout === null) parts.push('no holdout');
  else if (curve.holdout.mape === null) parts.push(`holdout RMSE ${formatValue(curve.holdout.rmse, 'count')} over ${curve.holdout.days} days`);
  else parts.push(`holdout error ${formatValue(curve.holdout.mape * 100, 'count')}% over ${curve.holdout.days} days`);
  return parts.join(' · ');
}

export const FAMILY_NAMES: Record<BudgetRow['curve']['family'], string> = { hill: 'Hill', exponential: 'Exponential saturation' };

/** One key of the grouped bar chart. */
export interface BarRow {
  key: string;
  label: string;
  current: number;
  recommended: number;
  /** The change in % of the current spend. */
  change: number | null;
  binding: Binding | null;
}

/** The bars, in the order of the answer's rows. */
export function barRows(rows: readonly BudgetRow[], names: ReadonlyMap<string, string>): BarRow[] {
  return rows.map((r) => ({ key: r.key, label: keyLabel(r.key, names), current: r.current, recommended: r.recommended, change: changePercent(r.current, r.recommended), binding: r.binding }));
}

/** The label over a recommended bar: its change, and the constraint holding it. */
export function barLabel(row: Pick<BarRow, 'change' | 'binding'>): string {
  const parts = [row.change === null ? null : formatChangeShort(row.change), row.binding ? BINDING_LABELS[row.binding] : null];
  return parts.filter((p) => p !== null).join(' · ');
}

/** "+50%", "−33%", "±0%": a change rounded to a whole %. */
export function formatChangeShort(percent: number): string {
  const whole = Math.round(percent);
  return `${whole > 0 ? '+' : whole < 0 ? '−' : '±'}${Math.abs(whole)}%`;
}

/** What a key's response curve chart draws: spend and outcome are over the period. */
export interface CurveData {
  points: [number, number][];
  current: [number, number];
  recommended: [number, number];
  /** The period spend the history's daily spend covered: its least and most day × the days. */
  observed: [number, number];
}

export function curveData(row: BudgetRow, days: number): CurveData {
  return {
    points: row.curve.points.map((p) => [p.spend, p.outcome]),
    current: [row.current, row.expected_current.value],
    recommended: [row.recommended, row.expected.value],
    observed: [row.curve.observed_daily_spend.min * days, row.curve.observed_daily_spend.max * days],
  };
}
