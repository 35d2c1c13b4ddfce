// A budget recommendation for a workspace (POST /v1/budget/recommend, beacon
// budget): each channel's (or campaign's) daily spend and attributed outcome
// over the history through the metrics layer, a response curve fitted per
// key that spent, and the optimizer's split of the budget with the reasons,
// the curves (with points to draw them) and what was left out and why.
import { QueryError, ValidationError } from '../core/errors.js';
import { didYouMean } from '../core/closest.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { parseBudgetInput, type BudgetInput } from './budget-input.js';
import type { BudgetRecommendation, OutcomeEstimate } from './budget-plan.js';
import type { BindingConstraint } from './channel-bounds.js';
import { dailyHistories, type KeyHistory } from './daily-history.js';
import { fitResponseCurve, type ResponseCurveFit } from './fit-response-curve.js';
import { optimizeBudget } from './optimize-budget.js';
import { periodOutcome } from './response-curve.js';
import type { Saturation } from './saturation.js';

/** Points drawn along each curve, from no spend to past the larger of current and recommended. */
const CURVE_POINTS = 25;

export interface Estimate {
  value: number;
  low: number | null;
  high: number | null;
}

export interface BudgetCurveReport {
  family: Saturation['family'];
  params: { beta: number; gamma: number; alpha: number | null };
  /** Geometric adstock decay: the share of a day's effect carried to the next. */
  adstock_decay: number;
  r_squared: number;
  /** Out-of-sample error on the last days held out (null without a usable holdout). */
  holdout: { days: number; mape: number | null; rmse: number } | null;
  /** Daily spend the history covered. */
  observed_daily_spend: { min: number; max: number; median: number };
  identifiable: boolean;
  warnings: string[];
  /** Expected outcome over the period at a period spend, for drawing the curve. */
  points: { spend: number; outcome: number }[];
}

export interface BudgetRow {
  key: string;
  current: number;
  recommended: number;
  change: number;
  /** The expected outcome over the period at the recommended spend, with its interval. */
  expected: Estimate;
  expected_current: Estimate;
  /** d revenue / d spend at the recommended spend (revenue plans); null for conversions. */
  marginal_roas: number | null;
  /** d spend / d conversions at the recommended spend (conversion plans); null for revenue. */
  marginal_cpa: number | null;
  marginal_roas_current: number | null;
  binding: BindingConstraint | null;
  curve: BudgetCurveReport;
}

export interface BudgetReport {
  by: BudgetInput['by'];
  from: string;
  to: string;
  days: number;
  currency: string;
  /** What the curves measure, and what is maximised or kept at its target. */
  outcome: 'revenue' | 'conversions';
  target: { roas: number } | { cpa: number } | null;
  model: string;
  total_budget: number;
  current_total: number;
  recommended_total: number;
  expected_current: Estimate;
  expected: Estimate;
  rows: BudgetRow[];
  binding_constraints: { key: string; constraint: BindingConstraint }[];
  feasible: boolean;
  keeps_current_split: boolean;
  reasons: string[];
  /** Keys in the history that were not allocated (no spend in the history), with their outcome. */
  excluded: { key: string; outcome: number; why: string }[];
  notes: string[];
}

/**
 * @example
 * await budgetReport(services, workspace, { total_budget: 50000, by: 'channel', from: '2026-08-23', to: '2026-11-20' })
 * // → { rows: [{ key: 'Paid Search', current: 21000, recommended: 24800, expected: { value: 61200, low: 58100, high: 64300 }, marginal_roas: 1.9, … }], reasons: [...] }
 */
export async function budgetReport(services: QueryServices, workspace: Workspace, body: unknown): Promise<BudgetReport> {
  const input = parseBudgetInput(body);
  const model = input.model ?? workspace.settings.attribution_model;
  const answer = await answerQuery(services, workspace, {
    metrics: ['cost', input.outcome],
    dimensions: [input.by],
    grain: 'day',
    from: input.from,
    to: input.to,
    filters: input.filters,
    ...(input.model ? { attribution: { model: input.model } } : {}),
  });
  const histories = dailyHistories(answer.rows, { dimension: input.by, outcome: input.outcome, from: input.from, to: input.to });
  const spending = histories.filter((h) => h.totalSpend > 0);
  checkKeys(input, histories);
  if (spending.length === 0) throw new QueryError(`no ${input.by} spent anything from ${input.from} to ${input.to}: there is no spend to fit response curves on`);
  const fits = new Map(spending.map((h) => [h.key, fitResponseCurve({ spend: h.spend, outcome: h.outcome }, input.holdoutDays === undefined ? {} : { holdoutDays: input.holdoutDays })]));
  const plan = optimizeBudget({
    channels: spending.map((h) => ({
      key: h.key,
      currentSpend: h.totalSpend,
      curve: fits.get(h.key)!.curve,
      min: input.min[h.key] ?? h.totalSpend * Math.max(0, 1 - input.maxChangePercent / 100),
      max: input.max[h.key] ?? h.totalSpend * (1 + input.maxChangePercent / 100),
      ...(input.locked.includes(h.key) ? { locked: true } : {}),
    })),
    periodDays: input.days,
    totalBudget: input.totalBudget,
    objective: input.objective,
  });
  return {
    by: input.by,
    from: input.from,
    to: input.to,
    days: input.days,
    currency: workspace.settings.currency,
    outcome: input.outcome,
    target: typeof input.objective === 'string' ? null : 'target_roas' in input.objective ? { roas: input.objective.target_roas } : { cpa: input.objective.target_cpa },
    model,
    total_budget: input.totalBudget,
    current_total: plan.currentTotal,
    recommended_total: plan.recommendedTotal,
    expected_current: estimate(plan.expectedAtCurrent),
    expected: estimate(plan.expectedAtRecommended),
    rows: plan.channels.map((c) => budgetRow(c, fits.get(c.key)!, input)),
    binding_constraints: plan.bindingConstraints,
    feasible: plan.feasible,
    keeps_current_split: plan.keepsCurrentSplit,
    // The optimizer speaks of channels; a plan by campaign says campaign.
    reasons: [`Each ${input.by} moves at most ${input.maxChangePercent} % from its current spend unless its min or max says otherwise (max_change_percent).`, ...plan.reasons.map((r) => (input.by === 'channel' ? r : r.replace(/\bchannel(s?)\b/g, `${input.by}$1`)))],
    excluded: histories.filter((h) => h.totalSpend <= 0).map((h) => ({ key: h.key, outcome: h.totalOutcome, why: 'no spend in the history: there is no budget to move and no curve to fit' })),
    notes: [...(answer.notes ?? []), ...fitNotes(fits)],
  };
}

function budgetRow(c: BudgetRecommendation['channels'][number], fit: ResponseCurveFit, input: BudgetInput): BudgetRow {
  const revenue = input.outcome === 'revenue';
  const top = Math.max(c.currentSpend, c.recommendedSpend, fit.curve.observedSpend.max * input.days) * 1.5;
  const { saturation } = fit.curve;
  return {
    key: c.key,
    current: c.currentSpend,
    recommended: c.recommendedSpend,
    change: c.recommendedSpend - c.currentSpend,
    expected: estimate(c.expectedAtRecommended),
    expected_current: estimate(c.expectedAtCurrent),
    marginal_roas: revenue ? c.marginalAtRecommended : null,
    marginal_cpa: revenue || c.marginalAtRecommended <= 0 ? null : 1 / c.marginalAtRecommended,
    marginal_roas_current: revenue ? c.marginalAtCurrent : null,
    binding: c.binding,
    curve: {
      family: saturation.family,
      params: { beta: saturation.beta, gamma: saturation.gamma, alpha: saturation.family === 'hill' ? saturation.alpha : null },
      adstock_decay: fit.curve.theta,
      r_squared: fit.rSquared,
      holdout: fit.holdout,
      observed_daily_spend: fit.curve.observedSpend,
      identifiable: fit.curve.identifiable,
      warnings: fit.warnings,
      points: Array.from({ length: CURVE_POINTS }, (_, i) => {
        const spend = (top * i) / (CURVE_POINTS - 1);
        return { spend, outcome: periodOutcome(fit.curve, spend, input.days) };
      }),
    },
  };
}

function estimate(e: OutcomeEstimate): Estimate {
  return { value: e.expected, low: e.interval?.low ?? null, high: e.interval?.high ?? null };
}

/** Keys named in min, max or locked must be in the history. */
function checkKeys(input: BudgetInput, histories: readonly KeyHistory[]): void {
  const known = histories.map((h) => h.key);
  const named = [
    ...Object.keys(input.min).map((key) => ['min', key] as const),
    ...Object.keys(input.max).map((key) => ['max', key] as const),
    ...input.locked.map((key) => ['locked', key] as const),
  ];
  const problems = named.filter(([, key]) => !known.includes(key)).map(([field, key]) => ({ field: `${field}.${key}`, message: `no ${input.by} "${key}" in the history${didYouMean(key, known)}` }));
  if (problems.length > 0) throw new ValidationError(`invalid budget request: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}

function fitNotes(fits: ReadonlyMap<string, ResponseCurveFit>): string[] {
  return [...fits].filter(([, fit]) => !fit.curve.identifiable).map(([key, fit]) => `${key}: spend varied too little to identify its curve (${fit.warnings[0] ?? 'see its warnings'}); its recommendation stays within the spend it was seen at`);
}
