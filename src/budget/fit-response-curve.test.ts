import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { ValidationError } from '../core/errors.js';
import { fitResponseCurve } from './fit-response-curve.js';
import { periodOutcome, periodOutcomeSd } from './response-curve.js';


type Truth = { family: 'hill'; beta: number; alpha: number; gamma: number } | { family: 'exponential'; beta: number; gamma: number };

/**
 * A year of daily spend drawn uniformly from [100, 1000], adstocked by hand
 * (aₜ = xₜ + θaₜ₋₁ from a₋₁ = x₀/(1 − θ)), through the true curve, times
 * (1 + noise·z) with z standard normal by Box–Muller.
 */
function history(seed: number, truth: Truth, theta: number, noise: number, days = 365, spendOf?: (u: number) => number) {
  const next = createSeededRandom(seed);
  const spend = Array.from({ length: days }, () => (spendOf ? spendOf(next()) : 100 + 900 * next()));
  let carry = spend[0] / (1 - theta);
  const outcome = spend.map((x) => {
    carry = x + theta * carry;
    const mean = truth.family === 'hill' ? (truth.beta * carry ** truth.alpha) / (carry ** truth.alpha + truth.gamma ** truth.alpha) : truth.beta * (1 - Math.exp(-carry / truth.gamma));
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.max(0, mean * (1 + noise * z));
  });
  return { spend, outcome };
}

const HILL: Truth = { family: 'hill', beta: 3000, alpha: 1.8, gamma: 500 };
const EXPONENTIAL: Truth = { family: 'exponential', beta: 3000, gamma: 800 };

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(hasNaN);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

describe('fitResponseCurve on a Hill channel (α 1.8, γ 500, β 3000, θ 0.4, 5 % noise)', () => {
  const fits = [1, 2, 3, 4, 5].map((seed) => fitResponseCurve(history(seed, HILL, 0.4, 0.05)));

  it('picks Hill for most histories', () => {
    expect(fits.filter((f) => f.curve.saturation.family === 'hill').length).toBeGreaterThanOrEqual(4);
  });

  it('recovers γ and β within 12 %, α within 0.3 and θ within 0.05', () => {
    for (const fit of fits) {
      const s = fit.curve.saturation;
      if (s.family !== 'hill') continue;
      expect(Math.abs(s.gamma / 500 - 1)).toBeLessThan(0.12);
      expect(Math.abs(s.beta / 3000 - 1)).toBeLessThan(0.12);
      expect(Math.abs(s.alpha - 1.8)).toBeLessThan(0.3);
      expect(Math.abs(fit.curve.theta - 0.4)).toBeLessThanOrEqual(0.05 + 1e-12);
    }
  });

  it('explains most of the variance, predicts the held-out month and marks the curve identifiable', () => {
    for (const fit of fits) {
      // Noise of 5 % of a mean around 2000 against a spread of outcomes several times larger.
      expect(fit.rSquared).toBeGreaterThan(0.85);
      expect(fit.holdout?.days).toBe(28);
      expect(fit.holdout?.mape).toBeLessThan(0.1);
      expect(fit.selectedBy).toBe('holdout');
      expect(fit.curve.identifiable).toBe(true);
      expect(fit.warnings).toEqual([]);
      expect(fit.curve.observedSpend.min).toBeGreaterThanOrEqual(100);
      expect(fit.curve.observedSpend.max).toBeLessThanOrEqual(1000);
      expect(fit.candidates.map((c) => c.family)).toEqual(['hill', 'exponential']);
    }
  });

  it('gives an interval that covers the true period outcome at the median spend for most histories', () => {
    let covered = 0;
    for (const fit of fits) {
      const spend = 30 * 550;
      // The true curve at steady state: daily 550 → adstock 550/0.6.
      const a = 550 / 0.6;
      const truth = 30 * ((3000 * a ** 1.8) / (a ** 1.8 + 500 ** 1.8));
      const expected = periodOutcome(fit.curve, spend, 30);
      const sd = periodOutcomeSd(fit.curve, spend, 30) as number;
      expect(sd).toBeGreaterThan(0);
      if (Math.abs(expected - truth) <= 1.96 * sd) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic', () => {
    expect(fitResponseCurve(history(1, HILL, 0.4, 0.05))).toEqual(fits[0]);
  });
});

describe('fitResponseCurve on an exponential channel (γ 800, β 3000, θ 0.4, 5 % noise)', () => {
  const fits = [1, 2, 3, 4, 5, 6].map((seed) => fitResponseCurve(history(seed, EXPONENTIAL, 0.4, 0.05)));

  it('picks the exponential for most histories and recovers its parameters', () => {
    const exponential = fits.filter((f) => f.curve.saturation.family === 'exponential');
    expect(exponential.length).toBeGreaterThanOrEqual(4);
    for (const fit of exponential) {
      expect(Math.abs(fit.curve.saturation.gamma / 800 - 1)).toBeLessThan(0.15);
      expect(Math.abs(fit.curve.saturation.beta / 3000 - 1)).toBeLessThan(0.1);
      expect(fit.rSquared).toBeGreaterThan(0.85);
    }
  });
});

describe('fitResponseCurve on histories that cannot identify a curve', () => {
  it('flags nearly constant spend', () => {
    const fit = fitResponseCurve(history(7, HILL, 0.4, 0.05, 365, (u) => 600 + 20 * u));
    expect(fit.curve.identifiable).toBe(false);
    expect(fit.spend.coefficientOfVariation).toBeLessThan(0.1);
    expect(fit.warnings.join(' ')).toMatch(/barely varied/);
    expect(fit.curve.observedSpend.min).toBeGreaterThanOrEqual(600);
    expect(fit.curve.observedSpend.max).toBeLessThanOrEqual(620);
    expect(hasNaN(fit)).toBe(false);
  });

  it('flags a short history and chooses the family by AICc without a holdout', () => {
    const fit = fitResponseCurve(history(8, HILL, 0.4, 0.05, 25));
    expect(fit.curve.identifiable).toBe(false);
    expect(fit.holdout).toBeNull();
    expect(fit.selectedBy).toBe('aicc');
    expect(fit.warnings.join(' ')).toMatch(/only 25 days/);
  });

  it('returns a flat curve for a channel that never spent', () => {
    const fit = fitResponseCurve({ spend: [0, 0, 0, 0], outcome: [0, 5, 0, 0] });
    expect(fit.curve.identifiable).toBe(false);
    expect(fit.curve.saturation.beta).toBe(0);
    expect(fit.curve.observedSpend).toEqual({ min: 0, max: 0, median: 0 });
    expect(fit.warnings.join(' ')).toMatch(/no spend/);
    expect(hasNaN(fit)).toBe(false);
  });

  it('returns a flat curve at zero for a channel that never earned', () => {
    const { spend } = history(9, HILL, 0.4, 0.05);
    const fit = fitResponseCurve({ spend, outcome: spend.map(() => 0) });
    expect(fit.curve.saturation.beta).toBe(0);
    expect(fit.rSquared).toBe(1);
    expect(fit.warnings.join(' ')).toMatch(/no outcome/);
    expect(hasNaN(fit)).toBe(false);
  });

  it('rejects negative, non-finite and mismatched input with a clear error', () => {
    expect(() => fitResponseCurve({ spend: [1, -2, 3], outcome: [1, 1, 1] })).toThrow(/spend must be finite and non-negative on every day, got -2 on day 1/);
    expect(() => fitResponseCurve({ spend: [1, 2, 3], outcome: [1, Number.NaN, 1] })).toThrow(ValidationError);
    expect(() => fitResponseCurve({ spend: [1, 2, 3], outcome: [1, 2] })).toThrow(/one value per day/);
    expect(() => fitResponseCurve({ spend: [], outcome: [] })).toThrow(ValidationError);
    expect(() => fitResponseCurve({ spend: [1], outcome: [1] }, { theta: 0.95 })).toThrow(ValidationError);
  });
});

describe('fitResponseCurve on a channel that started late', () => {
  it('skips a holdout whose training days have no spend, without producing NaN', () => {
    const { spend, outcome } = history(5, HILL, 0, 0.05, 60);
    const late = { spend: spend.map((x, t) => (t < 40 ? 0 : x)), outcome: outcome.map((y, t) => (t < 40 ? 0 : y)) };
    const fit = fitResponseCurve(late, { holdoutDays: 28 });
    expect(fit.holdout).toBeNull();
    expect(fit.warnings.join(' ')).toMatch(/no holdout: the 32 days before the last 28 have no spend or no outcome/);
    expect(hasNaN(fit)).toBe(false);
  });
});

describe('fitResponseCurve options', () => {
  it('keeps a given θ and family', () => {
    const fit = fitResponseCurve(history(3, HILL, 0.4, 0.05), { theta: 0.4, family: 'hill' });
    expect(fit.curve.theta).toBe(0.4);
    expect(fit.selectedBy).toBe('given');
    expect(fit.candidates).toHaveLength(1);
    expect(fit.holdout?.days).toBe(28);
    expect(Math.abs((fit.curve.saturation as { gamma: number }).gamma / 500 - 1)).toBeLessThan(0.12);
  });

  it('chooses by AICc when the holdout is switched off', () => {
    const fit = fitResponseCurve(history(4, HILL, 0.4, 0.05), { holdoutDays: 0 });
    expect(fit.holdout).toBeNull();
    expect(fit.selectedBy).toBe('aicc');
    expect(fit.curve.saturation.family).toBe('hill');
  });
});
