import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { adjustCuped, type CupedVariant } from './cuped.js';

interface Unit {
  y: number;
  x: number;
}

/** Units with a covariate X ~ N(10, 2²) and Y = 3 + shift + slope·X + N(0, 4²): ρ = 1.5·2/√(9 + 16) = 0.6 at slope 1.5. */
function simulate(n: number, shift: number, slope: number, seed: number): Unit[] {
  const uniform = createSeededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return Array.from({ length: n }, () => {
    const x = 10 + 2 * normal();
    return { x, y: 3 + shift + slope * x + 4 * normal() };
  });
}

/** The sufficient statistics the warehouse would send. */
function sums(units: Unit[]): CupedVariant {
  return {
    n: units.length,
    sum: units.reduce((s, u) => s + u.y, 0),
    sumSquares: units.reduce((s, u) => s + u.y * u.y, 0),
    covariate: { sum: units.reduce((s, u) => s + u.x, 0), sumSquares: units.reduce((s, u) => s + u.x * u.x, 0), crossSum: units.reduce((s, u) => s + u.x * u.y, 0) },
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const variance = (values: number[]) => {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
};

describe('adjustCuped', () => {
  const control = simulate(20_000, 0, 1.5, 1);
  const treatment = simulate(20_000, 0.5, 1.5, 2);
  const result = adjustCuped([sums(control), sums(treatment)]);

  it('removes about ρ² = 0.36 of the variance where metric and covariate correlate at 0.6', () => {
    expect(result.theta).toBeCloseTo(1.5, 1);
    for (const v of result.variants) {
      expect(v.correlation!).toBeCloseTo(0.6, 1);
      expect(Math.abs(v.varianceReduction - 0.36)).toBeLessThan(0.02);
    }
  });

  it('equals adjusting each unit, y − θ(x − x̄), and taking its mean and variance (θ from the units, two-pass)', () => {
    const all = [...control, ...treatment];
    const [mx, my] = [mean(all.map((u) => u.x)), mean(all.map((u) => u.y))];
    const theta = all.reduce((s, u) => s + (u.x - mx) * (u.y - my), 0) / all.reduce((s, u) => s + (u.x - mx) ** 2, 0);
    expect(result.theta).toBeCloseTo(theta, 10);
    [control, treatment].forEach((units, i) => {
      const adjusted = units.map((u) => u.y - theta * (u.x - mx));
      expect(result.variants[i].adjusted.mean).toBeCloseTo(mean(adjusted), 9);
      expect(result.variants[i].adjusted.variance / variance(adjusted)).toBeCloseTo(1, 9);
      expect(result.variants[i].unadjusted.variance / variance(units.map((u) => u.y))).toBeCloseTo(1, 9);
    });
  });

  it('keeps the treatment effect (0.5) and shrinks its standard error by about √(1 − ρ²) = 0.8', () => {
    const [a, b] = result.variants;
    expect(b.adjusted.mean - a.adjusted.mean).toBeCloseTo(0.5, 1);
    const se = (x: typeof a.adjusted, y: typeof a.adjusted) => Math.sqrt(x.variance / x.n + y.variance / y.n);
    expect(se(a.adjusted, b.adjusted) / se(a.unadjusted, b.unadjusted)).toBeCloseTo(0.8, 1);
  });

  it('removes exactly r² of a single group’s variance, r its sample correlation', () => {
    const units = simulate(500, 0, 0.7, 9);
    const [mx, my] = [mean(units.map((u) => u.x)), mean(units.map((u) => u.y))];
    const r =
      units.reduce((s, u) => s + (u.x - mx) * (u.y - my), 0) /
      Math.sqrt(units.reduce((s, u) => s + (u.x - mx) ** 2, 0) * units.reduce((s, u) => s + (u.y - my) ** 2, 0));
    const [only] = adjustCuped([sums(units)]).variants;
    expect(only.varianceReduction).toBeCloseTo(r * r, 10);
    expect(only.correlation).toBeCloseTo(r, 10);
  });

  it('changes almost nothing with an unrelated covariate, and nothing with a constant one', () => {
    const unrelated = adjustCuped([sums(simulate(20_000, 0, 0, 3)), sums(simulate(20_000, 0, 0, 4))]);
    for (const v of unrelated.variants) expect(Math.abs(v.varianceReduction)).toBeLessThan(0.01);
    const constant = adjustCuped([
      { n: 3, sum: 6, sumSquares: 14, covariate: { sum: 3, sumSquares: 3, crossSum: 6 } },
      { n: 3, sum: 9, sumSquares: 29, covariate: { sum: 3, sumSquares: 3, crossSum: 9 } },
    ]);
    expect(constant.theta).toBe(0);
    expect(constant.variants[1]).toEqual({ adjusted: { n: 3, mean: 3, variance: 1 }, unadjusted: { n: 3, mean: 3, variance: 1 }, varianceReduction: 0, correlation: null });
  });
});
