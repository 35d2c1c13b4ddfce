// An experiment readout in a marketer's words: each value in its metric's
// unit (a rate as %, revenue in the workspace currency, counts per person),
// lifts and their intervals, p-values and chances, one sentence per treatment
// saying what it did and whether that is significant, the variance CUPED
// removed and the sample ratio's observed and expected people. Pure.
import type { ExperimentReadout } from '../../api/client';
import { formatValue, sentence } from '../../frame/format';
import { metricOption, type MetricUnit } from './experiments-queries';

export type VariantRow = ExperimentReadout['variants'][number];

const MINUS = '−';
const count = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
const decimals = (n: number, digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const signOf = (v: number) => (v > 0 ? '+' : v < 0 ? MINUS : '±');

/** The unit a readout's values are in: the API's word for the metric it read, else the page's own. */
export function readoutUnit(readout: ExperimentReadout, metric: string): MetricUnit {
  return readout.source?.unit ?? metricOption(metric).unit;
}

/** A variant's value: 12.50% for a rate, $21.67 for revenue, 1.25 for a count per person. */
export function formatMetricValue(value: number | null, unit: MetricUnit, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (unit === 'money') return formatValue(value, 'money', currency);
  return decimals(value, 2);
}

/** A difference in the metric's unit, signed: +2.50 pp (percentage points) for a rate, −$3.20, +0.05. */
export function formatAbsolute(value: number, unit: MetricUnit, currency: string): string {
  const size = Math.abs(value);
  const text = unit === 'rate' ? `${(size * 100).toFixed(2)} pp` : unit === 'money' ? formatValue(size, 'money', currency) : decimals(size, 2);
  return `${signOf(value)}${text}`;
}

/** A relative lift (0.25 → +25.0%). */
export function formatRelative(value: number): string {
  return `${signOf(value)}${Math.abs(value * 100).toFixed(1)}%`;
}

/** A relative interval: +3.1% … +46.9%. */
export function formatInterval([low, high]: readonly number[]): string {
  return `${formatRelative(low)} … ${formatRelative(high)}`;
}

/** An absolute interval in the metric's unit. */
export function formatAbsoluteInterval([low, high]: readonly number[], unit: MetricUnit, currency: string): string {
  return `${formatAbsolute(low, unit, currency)} … ${formatAbsolute(high, unit, currency)}`;
}

/** A share as a percent to one decimal, a negative one with a minus sign: 0.214 → 21.4%, −0.457 → −45.7%. */
export function formatShare(share: number): string {
  return `${share < 0 ? MINUS : ''}${Math.abs(share * 100).toFixed(1)}%`;
}

/** 0.012, or <0.001. */
export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** A probability as a percent, never 0 % or 100 % (which no finite sample shows). */
export function formatChance(p: number | null): string {
  if (p === null) return '—';
  if (p > 0.999) return '>99.9%';
  if (p < 0.001) return '<0.1%';
  return `${(p * 100).toFixed(1)}%`;
}

/** An expected loss in the metric's unit; what rounds to nothing says it is below the smallest step shown. */
export function formatLoss(value: number, unit: MetricUnit, currency: string): string {
  if (value <= 0) return unit === 'rate' ? '0.00 pp' : formatMetricValue(0, unit, currency);
  const step = unit === 'rate' ? 0.00005 : 0.005;
  if (value < step) return unit === 'rate' ? '<0.01 pp' : `<${formatMetricValue(0.01, unit, currency)}`;
  return unit === 'rate' ? `${(value * 100).toFixed(2)} pp` : formatMetricValue(value, unit, currency);
}

/** The interval's confidence level: 95% for alpha 0.05. */
export function confidenceLevel(alpha: number): string {
  return `${Number(((1 - alpha) * 100).toFixed(2))}%`;
}

/** The p-value a treatment is judged by: Benjamini–Hochberg adjusted across the treatments (the p-value itself with one). */
export function judgedPValue(v: VariantRow): number | null {
  return v.p_value_adjusted ?? v.p_value;
}

export type VerdictTone = 'better' | 'worse' | 'unclear';

export interface Verdict {
  variant: string;
  text: string;
  tone: VerdictTone;
  significant: boolean;
}

/** "converts 25.0% better than", "brings 8.1% less revenue per person than", … */
function effectPhrase(metric: string, relative: number): string {
  const size = `${Math.abs(relative * 100).toFixed(1)}%`;
  const up = relative > 0;
  if (relative === 0) return metric === 'visitor_cvr' ? 'converts as well as' : 'does the same as';
  switch (metric) {
    case 'visitor_cvr':
      return `converts ${size} ${up ? 'better' : 'worse'} than`;
    case 'revenue':
      return `brings ${size} ${up ? 'more' : 'less'} revenue per person than`;
    case 'conversions':
      return `brings ${size} ${up ? 'more' : 'fewer'} conversions per person than`;
    case 'pageviews':
      return `gets ${size} ${up ? 'more' : 'fewer'} page views per person than`;
    default:
      return `gets ${size} ${up ? 'more' : 'fewer'} people to do ${metric} than`;
  }
}

/**
 * One treatment's readout as a sentence: what it did against the control,
 * the interval, the chance to beat the control and whether the difference
 * is significant at the readout's alpha.
 *
 * @example verdictOf(readout, green, 'visitor_cvr', 'USD').text
 * // 'green converts 25.0% better than control (95% interval +3.1% … +46.9%), 99.4% chance to beat control — significant (p = 0.012)'
 */
export function verdictOf(readout: ExperimentReadout, v: VariantRow, metric: string, currency: string): Verdict {
  const { control, alpha } = readout;
  const unit = readoutUnit(readout, metric);
  const lift = v.lift!;
  const interval = `${confidenceLevel(alpha)} ${readout.sequential ? 'always-valid ' : ''}interval`;
  const effect =
    lift.relative !== null && lift.relative_ci !== null
      ? `${v.name} ${effectPhrase(metric, lift.relative)} ${control} (${interval} ${formatInterval(lift.relative_ci)})`
      : `${v.name} is ${formatAbsolute(lift.absolute, unit, currency)} against ${control}, whose value is 0 (${interval} ${formatAbsoluteInterval(lift.ci, unit, currency)})`;
  const chance = `${formatChance(v.probability_to_beat_control)} chance to beat ${control}`;
  const p = judgedPValue(v);
  const adjusted = readout.variants.filter((x) => !x.is_control).length > 1 ? 'adjusted p' : 'p';
  if (p === null) return { variant: v.name, text: `${effect} — nothing to test: every person has the same value`, tone: 'unclear', significant: false };
  const significant = p < alpha;
  // The test is on the absolute difference; the relative interval is the delta method's approximation and can disagree near the edge.
  const ci = lift.relative_ci;
  const disagrees = ci !== null && significant === (ci[0] <= 0 && ci[1] >= 0);
  const caveat = disagrees ? `; the relative interval, an approximation, ${significant ? 'still includes' : 'already excludes'} no change` : '';
  const judged = `${significant ? 'significant' : 'not significant'} (${adjusted} = ${formatPValue(p)}${caveat})`;
  const tone: VerdictTone = !significant || lift.absolute === 0 ? 'unclear' : lift.absolute > 0 ? 'better' : 'worse';
  return { variant: v.name, text: `${effect}, ${chance} — ${judged}`, tone, significant };
}

/**
 * What CUPED achieved: the share of variance removed in each variant, or
 * null when it was not applied.
 *
 * @example cupedSummary(readout, 14) // 'CUPED removed 18.2% of the variance in control and 21.0% in green, using each person’s same metric in the 14 days before their first exposure.'
 */
export function cupedSummary(readout: ExperimentReadout, days: number | null): string | null {
  if (!readout.cuped) return null;
  const parts = readout.variants.filter((v) => v.cuped).map((v, i) => `${formatShare(v.cuped!.variance_reduction)}${i === 0 ? ' of the variance' : ''} in ${v.name}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  const window = days ? `in the ${days} days before their first exposure` : 'before exposure';
  return `CUPED removed ${list}, using each person’s same metric ${window}.`;
}

export interface SampleRatioRow {
  name: string;
  observed: number;
  expected: number;
}

/** The people each variant got and the people the planned split expected, in the readout's order. */
export function sampleRatioRows(readout: ExperimentReadout): SampleRatioRow[] {
  return readout.variants.map((v, i) => ({ name: v.name, observed: v.n, expected: readout.srm.expected[i] }));
}

/** Expected people: whole where they are, else to one decimal. */
export function formatPeople(n: number): string {
  return Number.isInteger(n) ? count(n) : decimals(n, 1);
}

/**
 * The API's warning or note as a sentence: capitalised and ended, except
 * where it opens with a name — a variant, the metric, a number — which keeps
 * its case.
 *
 * @example readoutSentence('green has 12 conversions, fewer than 150', ['control', 'green']) // 'green has 12 conversions, fewer than 150.'
 */
export function readoutSentence(message: string, names: readonly string[]): string {
  const text = message.trim();
  const first = text.split(/[\s',:]/)[0];
  if (!names.includes(first) && !/[_\d]/.test(first)) return sentence(text);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
