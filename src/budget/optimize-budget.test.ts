import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { ValidationError } from '../core/errors.js';
import type { BudgetChannel } from './channel-bounds.js';
import { optimizeBudget } from './optimize-budget.js';
import type { CurveInput } from './response-curve.js';

const DAYS = 30;

/** An exponential channel: daily outcome β(1 − e^(−a/γ)) at adstock a, decay θ. */
const exp = (beta: number, gamma: number, theta: number): CurveInput => ({ saturation: { family: 'exponential', beta, gamma }, theta });

/**
 * Over D days at steady state a period total S gives B(1 − e^(−S/G)) with
 * B = Dβ and G = D(1 − θ)γ, so the marginal is (B/G)e^(−S/G). Equal
 * marginals λ give S_i = G_i·ln(B_i/(G_i·λ)), and Σ S_i = budget fixes
 * ln λ = (Σ G_i ln(B_i/G_i) − budget) / Σ G_i.
 */
function closedForm(curves: readonly { beta: number; gamma: number; theta: number }[], budget: number) {
  const B = curves.map((c) => DAYS * c.beta);
  const G = curves.map((c) => DAYS * (1 - c.theta) * c.gamma);
  const logLambda = (G.reduce((s, g, i) => s + g * Math.log(B[i] / g), 0) - budget) / G.reduce((s, g) => s + g, 0);
  return { spend: G.map((g, i) => g * (Math.log(B[i] / g) - logLambda)), lambda: Math.exp(logLambda) };
}

const A = { beta: 2000, gamma: 400, theta: 0.3 };
const B = { beta: 1500, gamma: 800, theta: 0 };
const C = { beta: 1000, gamma: 200, theta: 0.5 };
const channel = (key: string, c: { beta: number; gamma: number; theta: number }, currentSpend: number, extra: Partial<BudgetChannel> = {}): BudgetChannel => ({
  key,
  currentSpend,
  curve: exp(c.beta, c.gamma, c.theta),
  ...extra,
});

describe('optimizeBudget against the closed-form optimum of exponential channels', () => {
  it('matches the equal-marginal solution without bounds', () => {
    const truth = closedForm([A, B, C], 30000);
    // By hand: ln λ ≈ 0.2404, so S ≈ (14495, 9317, 6187).
    [14495, 9317, 6187].forEach((v, i) => expect(Math.abs(truth.spend[i] - v)).toBeLessThan(5));
    const plan = optimizeBudget({ channels: [channel('a', A, 10000), channel('b', B, 10000), channel('c', C, 10000)], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    plan.channels.forEach((p, i) => expect(p.recommendedSpend).toBeCloseTo(truth.spend[i], 4));
    expect(plan.marginalReturn as number).toBeCloseTo(truth.lambda, 8);
    for (const p of plan.channels) expect(p.marginalAtRecommended).toBeCloseTo(truth.lambda, 8);
    expect(plan.recommendedTotal).toBeCloseTo(30000, 6);
    expect(plan.bindingConstraints).toEqual([]);
    expect(plan.feasible).toBe(true);
    expect(plan.keepsCurrentSplit).toBe(false);
    expect(plan.expectedAtRecommended.expected).toBeGreaterThan(plan.expectedAtCurrent.expected);
    expect(plan.reasons[0]).toBe('Spends the whole budget of 30,000 over 30 days.');
    expect(plan.reasons.join('\n')).toMatch(/a: up from 10,000 to 14,49\d: its marginal return at the current spend \(\d+(\.\d+)?\) is above the common 1\.27/);
  });

  it('holds a channel at a max that binds and solves the rest in closed form', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 10000, { max: 10000 }), channel('b', B, 10000), channel('c', C, 10000)], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    const rest = closedForm([B, C], 20000);
    expect(plan.channels[0].recommendedSpend).toBe(10000);
    expect(plan.channels[0].binding).toBe('max');
    expect(plan.channels[1].recommendedSpend).toBeCloseTo(rest.spend[0], 4);
    expect(plan.channels[2].recommendedSpend).toBeCloseTo(rest.spend[1], 4);
    expect(plan.channels[0].marginalAtRecommended).toBeGreaterThan(rest.lambda);
    expect(plan.bindingConstraints).toEqual([{ key: 'a', constraint: 'max' }]);
    expect(plan.reasons.join('\n')).toMatch(/a: held at its maximum of 10,000: its marginal return there is [\d.]+, still above the common/);
  });

  it('keeps a locked channel at its current spend', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 9000), channel('b', B, 16000), channel('c', C, 5000, { locked: true })], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    const rest = closedForm([A, B], 25000);
    expect(plan.channels[2].recommendedSpend).toBe(5000);
    expect(plan.channels[2].binding).toBe('locked');
    expect(plan.channels[0].recommendedSpend).toBeCloseTo(rest.spend[0], 4);
    expect(plan.channels[1].recommendedSpend).toBeCloseTo(rest.spend[1], 4);
    expect(plan.reasons).toContain('c: locked at 5,000.');
  });

  it('holds a channel at a min that binds', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 10000), channel('b', B, 10000, { min: 15000 }), channel('c', C, 10000)], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    const rest = closedForm([A, C], 15000);
    expect(plan.channels[1].recommendedSpend).toBe(15000);
    expect(plan.channels[1].binding).toBe('min');
    expect(plan.channels[1].marginalAtRecommended).toBeLessThan(rest.lambda);
    expect(plan.channels[0].recommendedSpend).toBeCloseTo(rest.spend[0], 4);
    expect(plan.channels[2].recommendedSpend).toBeCloseTo(rest.spend[1], 4);
  });

  it('gives nothing to a channel whose first unit returns less than the common marginal', () => {
    const weak = { beta: 100, gamma: 1000, theta: 0 }; // B/G = 0.1 at zero spend
    const plan = optimizeBudget({ channels: [channel('a', A, 7500), channel('b', B, 7500), channel('c', C, 7500), channel('weak', weak, 7500)], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    const truth = closedForm([A, B, C], 30000);
    expect(plan.channels[3].recommendedSpend).toBe(0);
    expect(plan.channels[3].binding).toBe('min');
    plan.channels.slice(0, 3).forEach((p, i) => expect(p.recommendedSpend).toBeCloseTo(truth.spend[i], 4));
    expect(plan.reasons.join('\n')).toMatch(/weak: no spend: its first unit returns 0\.1, below the common 1\.27/);
  });
});

describe('optimizeBudget with a target', () => {
  // Two identical channels, β 100 a day, γ 1000, θ 0.5, over 30 days: B = 3000, G = 15000.
  // The average return of S on one channel is (B/G)(1 − e^(−u))/u with u = S/G; at u = ln 2
  // it is 0.2 · ½ / ln 2. By symmetry the best split is even, so a target of 0.1/ln 2 is met
  // exactly at S = G·ln 2 = 10397.2 on each channel: 20794.4 in all, below the budget.
  const same = { beta: 100, gamma: 1000, theta: 0.5 };
  const pair = [channel('x', same, 10000), channel('y', same, 10000)];
  const target = 0.1 / Math.LN2;

  it('spends the largest total that keeps the average ROAS at the target', () => {
    const plan = optimizeBudget({ channels: pair, periodDays: DAYS, totalBudget: 40000, objective: { target_roas: target } });
    expect(plan.recommendedTotal).toBeCloseTo(2 * 15000 * Math.LN2, 3);
    for (const p of plan.channels) expect(p.recommendedSpend).toBeCloseTo(15000 * Math.LN2, 3);
    expect(plan.expectedAtRecommended.expected / plan.recommendedTotal).toBeCloseTo(target, 8);
    // Marginal at u = ln 2 is (B/G)·½ = 0.1, below the average.
    expect(plan.marginalReturn as number).toBeCloseTo(0.1, 8);
    expect(plan.reasons[0]).toMatch(/^Spends 20,794 of the 40,000 budget: the most whose best split keeps the average ROAS at or above the target of 0\.144/);
  });

  it('reads a CPA target as the inverse of a ROAS target on conversions', () => {
    const plan = optimizeBudget({ channels: pair, periodDays: DAYS, totalBudget: 40000, objective: { target_cpa: 1 / target } });
    expect(plan.recommendedTotal).toBeCloseTo(2 * 15000 * Math.LN2, 3);
    expect(plan.reasons[0]).toMatch(/cost per conversion at or below the target of 6\.93/);
    expect(plan.reasons.join('\n')).toMatch(/returns 0\.1 conversions per extra unit/);
  });

  it('spends the whole budget when it meets the target', () => {
    // u = 0.5 per channel: average 0.2·(1 − e^(−0.5))/0.5 ≈ 0.157 ≥ 0.144.
    const plan = optimizeBudget({ channels: pair, periodDays: DAYS, totalBudget: 15000, objective: { target_roas: target } });
    expect(plan.recommendedTotal).toBeCloseTo(15000, 6);
    expect(plan.reasons[0]).toMatch(/^The whole budget of 15,000 keeps the average ROAS at 0\.157/);
  });

  it('spends nothing, and says so, when no spend reaches the target', () => {
    // No spend returns more than B/G = 0.2 per unit on average.
    const plan = optimizeBudget({ channels: pair, periodDays: DAYS, totalBudget: 40000, objective: { target_roas: 0.25 } });
    expect(plan.recommendedTotal).toBe(0);
    expect(plan.reasons[0]).toMatch(/^No split reaches the target ROAS of 0\.25/);
    const withMin = optimizeBudget({ channels: [channel('x', same, 10000, { min: 1000 }), channel('y', same, 10000)], periodDays: DAYS, totalBudget: 40000, objective: { target_roas: 0.25 } });
    expect(withMin.recommendedTotal).toBeCloseTo(1000, 9);
    expect(withMin.channels[0].binding).toBe('min');
  });
});

describe('optimizeBudget when the bounds and the budget disagree', () => {
  it('says so when the minimums exceed the budget', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 100, { min: 20000 }), channel('b', B, 100, { min: 15000 })], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    expect(plan.feasible).toBe(false);
    expect(plan.channels.map((p) => p.recommendedSpend)).toEqual([20000, 15000]);
    expect(plan.reasons.join('\n')).toMatch(/add up to 35,000, more than the budget of 30,000.*5,000 over budget/);
  });

  it('says so when the maximums fall short of it', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 100, { max: 5000 }), channel('b', B, 100, { max: 8000 })], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    expect(plan.feasible).toBe(false);
    expect(plan.recommendedTotal).toBe(13000);
    expect(plan.reasons.join('\n')).toMatch(/add up to 13,000, less than the budget of 30,000: every channel is at its upper bound and 17,000 is left unspent/);
  });
});

describe('optimizeBudget keeping the current split', () => {
  it('explains that the marginal returns are already equal', () => {
    const truth = closedForm([A, B, C], 30000);
    const plan = optimizeBudget({ channels: [channel('a', A, truth.spend[0]), channel('b', B, truth.spend[1]), channel('c', C, truth.spend[2])], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    expect(plan.keepsCurrentSplit).toBe(true);
    expect(plan.reasons.join('\n')).toMatch(/The current split is kept: the marginal returns at the current spend are already equal within 1 % across the channels free to move/);
  });

  it('explains that every channel is locked or at its bounds', () => {
    const plan = optimizeBudget({
      channels: [channel('a', A, 12000, { locked: true }), channel('b', B, 8000, { min: 8000, max: 8000 }), channel('c', C, 10000, { locked: true })],
      periodDays: DAYS,
      totalBudget: 30000,
      objective: 'revenue',
    });
    expect(plan.keepsCurrentSplit).toBe(true);
    expect(plan.marginalReturn).toBeNull();
    expect(plan.reasons).toContain('The current split is kept: every channel is locked or held at its bounds.');
  });
});

describe('optimizeBudget with curves it cannot trust far from their data', () => {
  it('keeps a channel whose curve is not identifiable inside its observed spend range', () => {
    const untrusted: BudgetChannel = {
      key: 'tv',
      currentSpend: 4500,
      curve: { ...exp(5000, 400, 0), identifiable: false, observedSpend: { min: 100, max: 200, median: 150 } },
    };
    const plan = optimizeBudget({ channels: [untrusted, channel('b', B, 25500)], periodDays: DAYS, totalBudget: 30000, objective: 'revenue' });
    const tv = plan.channels[0];
    expect(tv.bounds).toEqual({ lower: 3000, upper: 6000 });
    expect(tv.recommendedSpend).toBe(6000); // its curve alone would want far more: slope 12.5 at zero
    expect(tv.binding).toBe('observed_range');
    expect(plan.reasons.join('\n')).toMatch(/tv: kept within the daily spend its history covered \(100–200 a day\), because its curve is not identifiable/);
  });

  it('warns when a recommendation lies beyond the spend a curve was fitted on', () => {
    const seen: BudgetChannel = { key: 'search', currentSpend: 3000, curve: { ...exp(2000, 400, 0), identifiable: true, observedSpend: { min: 50, max: 150, median: 100 } } };
    const plan = optimizeBudget({ channels: [seen, channel('b', B, 3000)], periodDays: DAYS, totalBudget: 20000, objective: 'revenue' });
    expect(plan.channels[0].recommendedSpend).toBeGreaterThan(150 * DAYS);
    expect(plan.reasons.join('\n')).toMatch(/search: [\d.,]+ a day is above the most its history saw \(150\)/);
  });
});

describe('optimizeBudget intervals', () => {
  it('propagates a curve’s covariance by the delta method', () => {
    // With only ln β uncertain (sd 0.02), the outcome's sd is 0.02 × the outcome itself.
    const covariance = [
      [0.0004, 0],
      [0, 0],
    ];
    const plan = optimizeBudget({
      channels: [
        { key: 'a', currentSpend: 10000, curve: { ...exp(A.beta, A.gamma, A.theta), covariance } },
        { key: 'c', currentSpend: 5000, curve: { ...exp(C.beta, C.gamma, C.theta), covariance } },
      ],
      periodDays: DAYS,
      totalBudget: 15000,
      objective: 'revenue',
      intervalLevel: 0.9,
    });
    const z = 1.6448536269514722;
    for (const p of plan.channels) {
      const e = p.expectedAtRecommended;
      expect(e.interval?.low).toBeCloseTo(e.expected * (1 - z * 0.02), 6);
      expect(e.interval?.high).toBeCloseTo(e.expected * (1 + z * 0.02), 6);
    }
    const sds = plan.channels.map((p) => 0.02 * p.expectedAtRecommended.expected);
    const total = plan.expectedAtRecommended;
    expect(total.interval?.high).toBeCloseTo(total.expected + z * Math.hypot(sds[0], sds[1]), 6);
    expect(plan.reasons.at(-1)).toMatch(/^Expected revenue over the period: [\d,]+ \(90 % interval [\d,]+–[\d,]+\) at the recommendation/);
  });

  it('gives no interval for a curve without covariance', () => {
    const plan = optimizeBudget({ channels: [channel('a', A, 1000)], periodDays: DAYS, totalBudget: 1000, objective: 'revenue' });
    expect(plan.channels[0].expectedAtRecommended.interval).toBeNull();
    expect(plan.expectedAtRecommended.interval).toBeNull();
  });
});

describe('optimizeBudget on S-shaped curves', () => {
  it('concentrates a small budget where splitting it would leave both channels below their bend', () => {
    // Hill α 3, γ 100, β 1 over one day: 100 on one channel gives ½; 50 + 50 gives 2·(1/9) ≈ 0.22.
    const s: CurveInput = { saturation: { family: 'hill', beta: 1, alpha: 3, gamma: 100 }, theta: 0 };
    const plan = optimizeBudget({
      channels: [
        { key: 'p', currentSpend: 50, curve: s },
        { key: 'q', currentSpend: 50, curve: s },
      ],
      periodDays: 1,
      totalBudget: 100,
      objective: 'conversions',
    });
    expect(plan.expectedAtRecommended.expected).toBeCloseTo(0.5, 6);
    expect(plan.channels.map((p) => p.recommendedSpend).sort((a, b) => a - b)).toEqual([0, 100]);
  });
});


function randomCurve(next: () => number): CurveInput {
  const theta = Math.round(next() * 9) / 10;
  const beta = 100 + 4900 * next();
  const gamma = 50 + 1950 * next();
  if (next() < 0.5) return exp(beta, gamma, theta);
  return { saturation: { family: 'hill', beta, alpha: 0.5 + 2.5 * next(), gamma }, theta };
}

describe('optimizeBudget on random problems', () => {
  it('never expects less at the recommendation than at a feasible current split', () => {
    const next = createSeededRandom(11);
    for (let trial = 0; trial < 150; trial++) {
      const n = 2 + Math.floor(next() * 5);
      const weights = Array.from({ length: n }, () => next());
      const budget = 1000 + 200000 * next();
      const sum = weights.reduce((a, b) => a + b, 0);
      const channels = weights.map((w, i) => ({ key: `c${i}`, currentSpend: (budget * w) / sum, curve: randomCurve(next) }));
      const plan = optimizeBudget({ channels, periodDays: 28, totalBudget: budget, objective: 'revenue' });
      expect(plan.recommendedTotal).toBeCloseTo(budget, 4);
      expect(plan.expectedAtRecommended.expected).toBeGreaterThanOrEqual(plan.expectedAtCurrent.expected * (1 - 1e-12));
      // …and not by falling back on the current split.
      expect(plan.reasons.join(' ')).not.toMatch(/no split found/);
    }
  });

  it('cannot be beaten by moving spend between two channels, S-shaped curves included', () => {
    const next = createSeededRandom(23);
    /** The period outcome written out: D·f(S/(D(1 − θ))). */
    const outcome = (c: CurveInput, spend: number, days: number) => {
      const a = spend / days / (1 - c.theta);
      const s = c.saturation;
      return days * (s.family === 'exponential' ? s.beta * (1 - Math.exp(-a / s.gamma)) : (s.beta * a ** s.alpha) / (a ** s.alpha + s.gamma ** s.alpha));
    };
    for (let trial = 0; trial < 150; trial++) {
      const n = 2 + Math.floor(next() * 6);
      const budget = 100 + 300000 * next();
      const channels = Array.from({ length: n }, (_, i) => {
        const curve = randomCurve(next);
        if (curve.saturation.family === 'hill') curve.saturation.alpha = 0.5 + 4.5 * next();
        return { key: `c${i}`, currentSpend: budget / n, curve, ...(next() < 0.2 ? { max: (budget * next()) / 3 } : {}) };
      });
      const plan = optimizeBudget({ channels, periodDays: 28, totalBudget: budget, objective: 'revenue' });
      const spend = plan.channels.map((p) => p.recommendedSpend);
      const total = (xs: readonly number[]) => xs.reduce((s, x, i) => s + outcome(channels[i].curve, x, 28), 0);
      const best = total(spend);
      for (let k = 0; k < 8; k++) {
        const i = Math.floor(next() * n);
        const j = Math.floor(next() * n);
        const room = Math.min(spend[i], (channels[j].max ?? Infinity) - spend[j]);
        if (i === j || !(room > 0)) continue;
        const moved = [...spend];
        const d = room * next();
        moved[i] -= d;
        moved[j] += d;
        expect(total(moved)).toBeLessThanOrEqual(best * (1 + 1e-9));
      }
    }
  });

  it('solves 50 channels with equal marginal returns across the unconstrained ones', () => {
    const next = createSeededRandom(50);
    const channels: BudgetChannel[] = Array.from({ length: 50 }, (_, i) => {
      const curve = randomCurve(next);
      const extra = next() < 0.2 ? { max: 2000 + 20000 * next() } : next() < 0.1 ? { min: 5000 } : next() < 0.05 ? { locked: true } : {};
      return { key: `channel-${i}`, currentSpend: 10000, curve, ...extra };
    });
    const plan = optimizeBudget({ channels, periodDays: 30, totalBudget: 500000, objective: 'revenue' });
    const lambda = plan.marginalReturn as number;
    expect(lambda).toBeGreaterThan(0);
    expect(plan.recommendedTotal).toBeCloseTo(500000, 3);
    const free = plan.channels.filter((p) => p.binding === null);
    expect(free.length).toBeGreaterThan(10);
    for (const p of free) expect(p.marginalAtRecommended / lambda).toBeCloseTo(1, 6);
    // The bound channels are where the optimality conditions put them.
    for (const p of plan.channels) {
      if (p.binding === 'max') expect(p.marginalAtRecommended).toBeGreaterThanOrEqual(lambda * (1 - 1e-6));
      if (p.binding === 'min' && p.recommendedSpend > 0) expect(p.marginalAtRecommended).toBeLessThanOrEqual(lambda * (1 + 1e-6));
    }
    expect(plan.expectedAtRecommended.expected).toBeGreaterThanOrEqual(plan.expectedAtCurrent.expected);
  });
});

describe('optimizeBudget input checks', () => {
  const ok = channel('a', A, 1000);
  it('rejects bad requests with clear errors', () => {
    expect(() => optimizeBudget({ channels: [ok, ok], periodDays: 30, totalBudget: 1, objective: 'revenue' })).toThrow(/"a" appears twice/);
    expect(() => optimizeBudget({ channels: [{ ...ok, min: 5, max: 1 }], periodDays: 30, totalBudget: 1, objective: 'revenue' })).toThrow(/min 5 is above max 1/);
    expect(() => optimizeBudget({ channels: [{ ...ok, currentSpend: -1 }], periodDays: 30, totalBudget: 1, objective: 'revenue' })).toThrow(ValidationError);
    expect(() => optimizeBudget({ channels: [ok], periodDays: 0, totalBudget: 1, objective: 'revenue' })).toThrow(/periodDays/);
    expect(() => optimizeBudget({ channels: [ok], periodDays: 30, totalBudget: -5, objective: 'revenue' })).toThrow(/totalBudget/);
    expect(() => optimizeBudget({ channels: [ok], periodDays: 30, totalBudget: 5, objective: { target_roas: 0 } })).toThrow(/positive/);
    expect(() => optimizeBudget({ channels: [], periodDays: 30, totalBudget: 5, objective: 'revenue' })).toThrow(/at least one channel/);
    expect(() => optimizeBudget({ channels: [{ ...ok, curve: exp(1, 0, 0) }], periodDays: 30, totalBudget: 5, objective: 'revenue' })).toThrow(/positive α and γ/);
  });
});
