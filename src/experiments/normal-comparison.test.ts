import { describe, expect, it } from 'vitest';
import { compareNormals } from './normal-comparison.js';

/** E[max(D, 0)] for D ~ N(δ, σ²) by Simpson's rule over [0, δ + 12σ]. */
function positivePart(delta: number, sd: number): number {
  const upper = Math.max(0, delta) + 12 * sd;
  const steps = 20_000;
  const h = upper / steps;
  const f = (d: number) => (d * Math.exp(-0.5 * ((d - delta) / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI));
  let sum = f(0) + f(upper);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

describe('compareNormals', () => {
  it('gives Φ(δ/σ) — e.g. ½(1 + erf(1)) = 0.9213504 for δ/σ = √2 — and the truncated means by integration', () => {
    // erf(1) = 0.8427007929497149 (Abramowitz & Stegun, Table 7.1).
    expect(compareNormals(Math.SQRT2, 1).probability).toBeCloseTo(0.5 * (1 + 0.8427007929497149), 14);
    for (const [delta, sd] of [[0.3, 1], [-2, 0.5], [0, 3], [5, 0.1]]) {
      const result = compareNormals(delta, sd);
      expect(result.lossOfY).toBeCloseTo(positivePart(delta, sd), 10);
      expect(result.lossOfX).toBeCloseTo(positivePart(-delta, sd), 10);
    }
  });

  it('is certain with no spread: 1, 0, or ½ for a tie', () => {
    expect(compareNormals(2, 0)).toEqual({ probability: 1, lossOfX: 0, lossOfY: 2 });
    expect(compareNormals(-2, 0)).toEqual({ probability: 0, lossOfX: 2, lossOfY: 0 });
    expect(compareNormals(0, 0)).toEqual({ probability: 0.5, lossOfX: 0, lossOfY: 0 });
  });
});
