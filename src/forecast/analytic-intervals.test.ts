import { describe, expect, it } from 'vitest';
import { analyticIntervals, errorWeight, forecastVariances, totalForecastVariance } from './analytic-intervals.js';
import type { SmoothingModel, SmoothingParams, TrendKind } from './smoothing.js';

// FPP 3rd ed. Table 8.8 (Hyndman et al. 2008, Table 6.1): the closed forms of
// σₕ²/σ² for the additive-error models, written with the error-correction slope
// gain β = α·β* (β* the component-form parameter).
function table88(trend: TrendKind, seasonal: boolean, p: { a: number; b: number; g: number; phi: number; m: number }, h: number): number {
  const { a, b, g, phi, m } = p;
  const k = Math.floor((h - 1) / m);
  const holt = (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6);
  const damped =
    ((b * phi * h) / (1 - phi) ** 2) * (2 * a * (1 - phi) + b * phi) -
    ((b * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi * phi))) * (2 * a * (1 - phi * phi) + b * phi * (1 + 2 * phi - phi ** h));
  if (trend === 'none') return 1 + a * a * (h - 1) + (seasonal ? g * k * (2 * a + g) : 0);
  if (trend === 'additive') return 1 + holt + (seasonal ? g * k * (2 * a + g + b * m * (k + 1)) : 0);
  if (!seasonal) return 1 + a * a * (h - 1) + damped;
  const cross = ((2 * b * g * phi) / ((1 - phi) * (1 - phi ** m))) * (k * (1 - phi ** m) - phi ** m * (1 - phi ** (m * k)));
  return 1 + a * a * (h - 1) + g * k * (2 * a + g) + damped + cross;
}

describe('forecastVariances against FPP Table 8.8', () => {
  const params: SmoothingParams = { alpha: 0.3, beta: 0.4, gamma: 0.2, phi: 0.9 };
  const table = { a: 0.3, b: 0.3 * 0.4, g: 0.2, phi: 0.9, m: 4 };
  for (const trend of ['none', 'additive', 'damped'] as const) {
    for (const seasonal of [false, true]) {
      it(`ETS(A,${trend === 'none' ? 'N' : trend === 'additive' ? 'A' : 'Ad'},${seasonal ? 'A' : 'N'}) for h = 1…14`, () => {
        const model: SmoothingModel = { trend, season: seasonal ? 'additive' : 'none', period: seasonal ? 4 : 1 };
        const variances = forecastVariances(model, params, 2.5, 14);
        variances.forEach((v, i) => expect(v).toBeCloseTo(2.5 * table88(trend, seasonal, table, i + 1), 10));
      });
    }
  }

  it('refuses multiplicative seasonality', () => {
    expect(() => forecastVariances({ trend: 'additive', season: 'multiplicative', period: 4 }, params, 1, 3)).toThrow(/simulate/);
  });
});

describe('errorWeight and analyticIntervals', () => {
  it('cⱼ = α + αβ·j for Holt', () => {
    expect(errorWeight({ trend: 'additive', season: 'none', period: 1 }, { alpha: 0.5, beta: 0.2, gamma: null, phi: null }, 3)).toBeCloseTo(0.8, 12);
  });

  it('simple smoothing: ŷ ± 1.96σ√(1 + α²(h−1))', () => {
    const simple: SmoothingModel = { trend: 'none', season: 'none', period: 1 };
    const intervals = analyticIntervals(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, 4, [10, 10], 0.95);
    const z = 1.959963984540054;
    expect(intervals[0].lower).toBeCloseTo(10 - z * 2, 10);
    expect(intervals[0].upper).toBeCloseTo(10 + z * 2, 10);
    expect(intervals[1].upper).toBeCloseTo(10 + z * Math.sqrt(4 * 1.25), 10);
  });
});

describe('totalForecastVariance: the variance of a total of forecasts', () => {
  const simple: SmoothingModel = { trend: 'none', season: 'none', period: 1 };
  const holt: SmoothingModel = { trend: 'additive', season: 'none', period: 1 };

  it('simple smoothing, α 0.5, σ² 4, horizons 1…3: the total is 2ε₁ + 1.5ε₂ + ε₃, so 4·(4 + 2.25 + 1) = 29', () => {
    // e₁ = ε₁, e₂ = ε₂ + 0.5ε₁, e₃ = ε₃ + 0.5ε₂ + 0.5ε₁.
    expect(totalForecastVariance(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, 4, 1, 3)).toBeCloseTo(29, 12);
  });

  it("Holt, α 0.5, β 0.2 (c₁ 0.6, c₂ 0.7), σ² 1: horizons 1…3 give 2.3² + 1.6² + 1 = 8.85, more than the points' 1 + 1.36 + 1.85", () => {
    const params = { alpha: 0.5, beta: 0.2, gamma: null, phi: null };
    // e₁ + e₂ + e₃ = ε₁(1 + 0.6 + 0.7) + ε₂(1 + 0.6) + ε₃.
    expect(totalForecastVariance(holt, params, 1, 1, 3)).toBeCloseTo(8.85, 12);
    const pointVariances = forecastVariances(holt, params, 1, 3);
    expect(pointVariances.reduce((a, b) => a + b, 0)).toBeCloseTo(4.21, 12);
    // …and a half-width below the sum of the points' half-widths (√8.85 = 2.975 < 1 + 1.166 + 1.360 = 3.526).
    expect(Math.sqrt(8.85)).toBeLessThan(pointVariances.reduce((a, v) => a + Math.sqrt(v), 0));
  });

  it('Holt, horizons 2…3 only: e₂ + e₃ = 1.3ε₁ + 1.6ε₂ + ε₃, so 1.69 + 2.56 + 1 = 5.25', () => {
    expect(totalForecastVariance(holt, { alpha: 0.5, beta: 0.2, gamma: null, phi: null }, 1, 2, 3)).toBeCloseTo(5.25, 12);
  });

  it('a total of one horizon is that horizon’s variance (FPP Table 8.8, checked above) for every additive model', () => {
    const params: SmoothingParams = { alpha: 0.3, beta: 0.4, gamma: 0.2, phi: 0.9 };
    for (const trend of ['none', 'additive', 'damped'] as const) {
      for (const season of ['none', 'additive'] as const) {
        const model: SmoothingModel = { trend, season, period: season === 'none' ? 1 : 4 };
        const variances = forecastVariances(model, params, 2.5, 12);
        for (let h = 1; h <= 12; h++) expect(totalForecastVariance(model, params, 2.5, h, h)).toBeCloseTo(variances[h - 1], 10);
      }
    }
  });

  it('equals the sum of every covariance of the points, written out from the error weights', () => {
    // Cov(eₕ, eₖ) = σ² Σⱼ ψₕ₋ⱼ ψₖ₋ⱼ over the shocks j both share; the total's variance sums them over h, k in first…last.
    const model: SmoothingModel = { trend: 'damped', season: 'additive', period: 7 };
    const params: SmoothingParams = { alpha: 0.25, beta: 0.3, gamma: 0.15, phi: 0.85 };
    const psi = (j: number) => (j === 0 ? 1 : errorWeight(model, params, j));
    const [first, last, sigma2] = [4, 20, 3];
    let sum = 0;
    for (let h = first; h <= last; h++) for (let k = first; k <= last; k++) for (let j = 1; j <= Math.min(h, k); j++) sum += sigma2 * psi(h - j) * psi(k - j);
    expect(totalForecastVariance(model, params, sigma2, first, last)).toBeCloseTo(sum, 8);
  });

  it('refuses multiplicative seasonality and an empty run', () => {
    expect(() => totalForecastVariance({ trend: 'none', season: 'multiplicative', period: 4 }, { alpha: 0.3, beta: null, gamma: 0.1, phi: null }, 1, 1, 3)).toThrow(/simulate/);
    expect(() => totalForecastVariance(simple, { alpha: 0.3, beta: null, gamma: null, phi: null }, 1, 3, 2)).toThrow(/first ≤ last/);
  });
});
