import { describe, expect, it } from 'vitest';
import { analyticIntervals, errorWeight, forecastVariances } from './analytic-intervals.js';
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
