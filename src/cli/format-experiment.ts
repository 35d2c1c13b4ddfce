// How `beacon experiment` prints a readout: what was compared and how, one
// row per variant (units, value, lift over the control with its interval,
// p-value, chance to beat the control, and whether the difference is
// significant), the sample ratio check, then the warnings; and how it prints
// a sample size plan.
import type { ExperimentReadout, VariantReadout } from '../experiments/analyze-experiment.js';
import type { ExperimentList, ExperimentReport, MetricReport } from '../experiments/experiment-service.js';
import type { SampleSize } from '../experiments/sample-size.js';
import { formatTable } from './output.js';

const count = (n: number) => n.toLocaleString('en-US');
/** Units a planned split expects: whole where they are, else to one decimal (2.5, not 3). */
const expectedUnits = (n: number) => (Number.isInteger(n) ? count(n) : n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const signed = (text: string, v: number) => (v > 0 ? `+${text}` : text);
/** A share as a percent: 0.1234 → 12.34%. */
const percent = (v: number, digits = 2) => `${(v * 100).toFixed(digits)}%`;

/** A number to four significant digits, grouped when large: 52.31, 1,234.6, 0.0001235. */
export function formatValue(v: number): string {
  if (Math.abs(v) >= 1_000) return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return String(Number(v.toPrecision(4)));
}

/** A p-value as it is usually read: 0.021, 0.400, < 0.001. */
export function formatPValue(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A probability as a percent, never 0 % or 100 % (which no finite sample shows). */
export function formatChance(p: number | null): string {
  if (p === null) return '–';
  if (p > 0.999) return '> 99.9%';
  if (p < 0.001) return '< 0.1%';
  return percent(p, 1);
}

/** The lift as a reader takes it in: relative with its interval, else absolute (points for a rate). */
export function formatLift(kind: ExperimentReadout['kind'], lift: VariantReadout['lift']): string {
  if (lift === null) return '–';
  if (lift.relative !== null && lift.relative_ci !== null) {
    const [low, high] = lift.relative_ci;
    return `${signed(percent(lift.relative, 1), lift.relative)} (${signed(percent(low, 1), low)} … ${signed(percent(high, 1), high)})`;
  }
  const absolute = (v: number) => (kind === 'rate' ? `${signed((v * 100).toFixed(2), v)} pts` : signed(formatValue(v), v));
  return `${absolute(lift.absolute)} (${absolute(lift.ci[0])} … ${absolute(lift.ci[1])})`;
}

/** Significance by the Benjamini–Hochberg adjusted p-value (the p-value itself with one treatment). */
function verdict(v: VariantReadout, alpha: number): string {
  const p = v.p_value_adjusted ?? v.p_value;
  if (v.is_control || p === null || v.lift === null) return '–';
  if (p >= alpha) return 'no';
  return v.lift.absolute > 0 ? 'yes, higher' : 'yes, lower';
}

/** A readout, then each metric read together with it. */
export function formatExperiment(report: ExperimentReport): string {
  const adjustedAcross = report.secondary.length > 0;
  return [report, ...report.secondary].map((r) => formatReadout(r, adjustedAcross)).join('\n\n');
}

function formatReadout(report: MetricReport, adjustedAcross: boolean): string {
  const level = `${Number(((1 - report.alpha) * 100).toFixed(2))}%`;
  const { source } = report;
  const title = source
    ? [`${source.experiment} · ${source.metric} (${source.per_person}) · ${source.from} to ${source.to} · ${count(source.exposed)} people exposed`]
    : [];
  // A 1-or-0 outcome compared as a mean (for CUPED) still reads as a share of people.
  const asRate = report.kind === 'rate' || source?.unit === 'rate';
  const head = [`${asRate ? 'conversion rate' : 'mean'} · control: ${report.control} · ${level} intervals`];
  if (report.sequential) head.push(`sequential: intervals and p-values valid at any look (tuned for ${count(report.sequential.tuning)} units)`);
  if (report.prior && (report.prior.alpha !== 1 || report.prior.beta !== 1)) head.push(`prior Beta(${report.prior.alpha}, ${report.prior.beta})`);
  if (report.cuped) {
    const covariate = source?.cuped_days ? `the ${source.cuped_days} days before exposure` : 'the pre-period covariate';
    head.push(`CUPED: means adjusted for ${covariate} (θ = ${formatValue(report.cuped.theta)}, variance ${varianceCut(report)})`);
  }
  const value = (v: number) => (asRate ? percent(v) : formatValue(v));
  const several = report.variants.filter((v) => !v.is_control).length > 1 || adjustedAcross;
  const header = [
    'variant',
    'units',
    asRate ? 'conversion rate' : 'mean',
    ...(report.cuped ? [asRate ? 'adjusted rate' : 'adjusted mean'] : []),
    `lift (${level} interval)`,
    'p-value',
    ...(several ? ['adjusted p'] : []),
    `significant at ${level}`,
    'chance to beat control',
  ];
  const rows = report.variants.map((v) => [
    v.is_control && v.name.toLowerCase() !== 'control' ? `${v.name} (control)` : v.name,
    count(v.n),
    value(v.value),
    ...(report.cuped ? [v.adjusted_value === null ? '–' : value(v.adjusted_value)] : []),
    formatLift(asRate ? 'rate' : 'mean', v.lift),
    formatPValue(v.p_value),
    ...(several ? [formatPValue(v.p_value_adjusted)] : []),
    verdict(v, report.alpha),
    formatChance(v.probability_to_beat_control),
  ]);
  const { srm } = report;
  const srmLine =
    `sample ratio: ${report.variants.map((v) => count(v.n)).join(' / ')} units against ${srm.expected.map(expectedUnits).join(' / ')} planned ` +
    `(χ² = ${srm.chi_square.toFixed(2)}, p = ${formatPValue(srm.p_value)}): ${srm.flagged ? `MISMATCH (p below ${srm.threshold})` : `no mismatch (p not below ${srm.threshold})`}`;
  const lines = [...title, head.join(' · '), '', formatTable(header, rows), '', srmLine];
  for (const w of report.warnings) lines.push(`warning: ${w.message}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** How much CUPED cut the variance: "cut 31–36 %" over the variants, or each variant's change where it grew for one. */
function varianceCut(report: ExperimentReadout): string {
  const cuts = report.variants.flatMap((v) => (v.cuped ? [{ name: v.name, cut: v.cuped.variance_reduction * 100 }] : []));
  // A cut that rounds to 0 % is no growth.
  if (cuts.some((c) => c.cut <= -0.5)) return `change ${cuts.map((c) => `${c.name} ${c.cut > 0 ? '−' : '+'}${Math.abs(c.cut).toFixed(0)} %`).join(', ')}`;
  const [low, high] = [Math.max(0, Math.min(...cuts.map((c) => c.cut))), Math.max(0, ...cuts.map((c) => c.cut))];
  return low.toFixed(0) === high.toFixed(0) ? `cut ${low.toFixed(0)} %` : `cut ${low.toFixed(0)}–${high.toFixed(0)} %`;
}

/** The experiments the exposures name, one row each. */
export function formatExperimentList(list: ExperimentList): string {
  if (list.experiments.length === 0) return 'no experiment_exposure events with properties.experiment and properties.variant are loaded';
  const rows = list.experiments.map((e) => [
    e.experiment,
    e.variants.map((v) => `${v.variant} ${count(v.people)}`).join(' · '),
    count(e.people),
    e.first_exposure.slice(0, 10),
    e.last_exposure.slice(0, 10),
  ]);
  return formatTable(['experiment', 'people per variant', 'people', 'first exposure', 'last exposure'], rows);
}

export interface RatePlan {
  baseline: number;
  mde: number;
  mdeType: 'relative' | 'absolute';
  alpha: number;
  power: number;
}

/** The units a test needs, in one sentence. */
export function formatPlan(plan: RatePlan, size: SampleSize): string {
  const target = plan.baseline + size.absoluteEffect;
  const change = plan.mdeType === 'relative' ? `${signed(percent(plan.mde, 1), plan.mde)}` : `${signed((size.absoluteEffect * 100).toFixed(2), size.absoluteEffect)} pts`;
  return (
    `${count(size.perVariant)} units per variant (${count(size.perVariant * 2)} for a control and one treatment) ` +
    `to detect a conversion rate moving from ${percent(plan.baseline)} to ${percent(target)} (${change}) ` +
    `with a two-sided test at alpha ${plan.alpha} and ${Number((plan.power * 100).toFixed(2))}% power`
  );
}
