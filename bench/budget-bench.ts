// Budget recommendations without the warehouse: fitting response curves for
// 20 channels × 365 days (seeded histories from known Hill and exponential
// curves with 5 % noise and carry-over), beside the floor of one fit per
// channel of the right family at the right adstock decay (what a fit costs
// when nothing has to be searched or chosen); and the optimizer splitting a
// budget across 50 channels, beside the floor of one pass over the channels'
// inverse marginal curves (one step of its bisection).
import { createSeededRandom } from '../src/attribution/seeded-random.js';
import { geometricAdstock } from '../src/budget/adstock.js';
import { fitResponseCurve } from '../src/budget/fit-response-curve.js';
import { fitSaturation } from '../src/budget/fit-saturation.js';
import { optimizeBudget } from '../src/budget/optimize-budget.js';
import { spendForMarginal, type CurveInput } from '../src/budget/response-curve.js';
import type { Saturation } from '../src/budget/saturation.js';
import { fmt, median, ms, timedSync } from './bench-support.js';

export interface BudgetBenchOptions {
  /** Timed runs of each after one warm-up (default 3 for the fits, 21 for the optimizer). */
  fitRuns: number;
  optimizerRuns: number;
}

const DAYS = 365;
const FIT_CHANNELS = 20;
const PLAN_CHANNELS = 50;
const THETA = 0.3;

/** Channel k's true curve: Hill and exponential in turn, at scales that differ by channel. */
function truth(k: number): Saturation {
  const scale = 200 + 40 * k;
  return k % 2 === 0 ? { family: 'hill', beta: 10 * scale, alpha: 1.5 + (k % 3) * 0.3, gamma: scale * 2 } : { family: 'exponential', beta: 8 * scale, gamma: scale * 2 };
}

function saturate(c: Saturation, a: number): number {
  return c.family === 'hill' ? (c.beta * a ** c.alpha) / (a ** c.alpha + c.gamma ** c.alpha) : c.beta * (1 - Math.exp(-a / c.gamma));
}

function history(k: number): { spend: number[]; outcome: number[] } {
  const next = createSeededRandom(100 + k);
  const c = truth(k);
  const base = c.gamma * (1 - THETA);
  const spend = Array.from({ length: DAYS }, () => base * (0.3 + 1.4 * next()));
  const adstock = geometricAdstock(spend, THETA);
  return { spend, outcome: adstock.map((a) => saturate(c, a) * (1 + 0.05 * (next() * 2 - 1))) };
}

export function benchBudget(options: BudgetBenchOptions): void {
  console.log(`\nBudget: response curves for ${FIT_CHANNELS} channels × ${DAYS} days, and the optimizer on ${PLAN_CHANNELS} channels`);
  const histories = Array.from({ length: FIT_CHANNELS }, (_, k) => history(k));
  const floor = timedSync(1, options.fitRuns, () => histories.forEach((h, k) => fitSaturation(truth(k).family, geometricAdstock(h.spend, THETA), h.outcome)));
  let right = 0;
  const fits = timedSync(1, options.fitRuns, () => {
    right = histories.filter((h, k) => fitResponseCurve(h).curve.saturation.family === truth(k).family).length;
  });
  console.log(`  one fit per channel at the true family and decay (the floor)  ${ms(floor)}`);
  console.log(`  fitResponseCurve × ${FIT_CHANNELS} (decay grid, both families, holdout choice)  ${ms(fits)} · ratio ${fmt(median(fits) / median(floor), 1)} · right family ${right}/${FIT_CHANNELS}`);

  const curves: CurveInput[] = Array.from({ length: PLAN_CHANNELS }, (_, k) => ({ saturation: truth(k % 7 === 0 ? k + 1 : k), theta: THETA }));
  const channels = curves.map((curve, k) => ({ key: `c${k}`, currentSpend: 30 * (200 + 40 * k), curve, ...(k % 10 === 3 ? { max: 20 * (200 + 40 * k) } : {}) }));
  const total = channels.reduce((sum, c) => sum + c.currentSpend, 0);
  const onePass = timedSync(21, options.optimizerRuns, () => curves.reduce((sum, curve) => sum + spendForMarginal(curve, 1, 30), 0));
  const plan = timedSync(3, options.optimizerRuns, () => optimizeBudget({ channels, periodDays: 30, totalBudget: total, objective: 'revenue' }));
  console.log(`  one pass of inverse marginals over ${PLAN_CHANNELS} channels (the floor)            ${ms(onePass, 3)}`);
  console.log(`  optimizeBudget, ${PLAN_CHANNELS} channels, revenue                              ${ms(plan, 2)} · ratio ${fmt(median(plan) / median(onePass), 0)}`);
}
