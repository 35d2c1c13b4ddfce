import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { alwaysValidPValue, confidenceSequenceHalfwidth, sequentialRho } from './confidence-sequence.js';

const Z975 = 1.959963984540054;

describe('sequentialRho', () => {
  it('is √((−2 ln α + ln(1 − 2 ln α)) / N*)', () => {
    // α = 0.05 by hand: −2 ln 0.05 = 5.9914645, ln 6.9914645 = 1.9446910, sum 7.9361555; / 5000 = 0.0015872311, √ = 0.0398400.
    expect(sequentialRho(0.05, 5000)).toBeCloseTo(0.0398400668, 9);
    expect(sequentialRho(0.05, 1000) / sequentialRho(0.05, 5000)).toBeCloseTo(Math.sqrt(5), 12);
  });
});

describe('confidenceSequenceHalfwidth', () => {
  it('evaluates the normal-mixture boundary σ √(2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α))', () => {
    // se = 0.02 at N = 2000, α = 0.05, N* = 5000 (ρ = 0.0398400668): Nρ² = 3.17446, so
    // σ = 0.02 √2000 = 0.894427, 2 · 4.17446 / (2000² · 0.00158723) = 0.00131513, ln(√4.17446 / 0.05) = 3.71053,
    // halfwidth = 0.894427 · √(0.00131513 · 3.71053) = 0.0624756.
    expect(confidenceSequenceHalfwidth(0.02, 2000, 0.05, sequentialRho(0.05, 5000))).toBeCloseTo(0.0624756, 6);
  });

  it('is always wider than the fixed-horizon interval, and narrowest (in standard errors) near N*', () => {
    const rho = sequentialRho(0.05, 5000);
    const inStandardErrors = (n: number) => confidenceSequenceHalfwidth(0.01, n, 0.05, rho) / 0.01;
    for (const n of [10, 500, 5000, 1e5, 1e7]) expect(inStandardErrors(n)).toBeGreaterThan(Z975);
    expect(inStandardErrors(5000)).toBeLessThan(inStandardErrors(2500));
    expect(inStandardErrors(5000)).toBeLessThan(inStandardErrors(10_000));
  });

  it('misses a true difference of 0 at most α of the time however often it is looked at (simulated A/A tests)', () => {
    // 300 A/A experiments of N(0, 1) units, looked at after every 100 units per arm up to 5000;
    // the fixed 95 % interval, looked at as often, excludes 0 at some look far more often than 5 %.
    const uniform = createSeededRandom(2103);
    const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const rho = sequentialRho(0.05, 5000);
    let sequentialMisses = 0;
    let fixedMisses = 0;
    for (let run = 0; run < 300; run++) {
      const sums = [0, 0, 0, 0]; // Σx, Σx² of each arm
      let sequentialMissed = false;
      let fixedMissed = false;
      for (let n = 1; n <= 5000; n++) {
        const [a, b] = [normal(), normal()];
        sums[0] += a;
        sums[1] += a * a;
        sums[2] += b;
        sums[3] += b * b;
        if (n % 100 !== 0) continue;
        const variance = (s: number, ss: number) => (ss - (s * s) / n) / (n - 1);
        const difference = (sums[2] - sums[0]) / n;
        const se = Math.sqrt((variance(sums[0], sums[1]) + variance(sums[2], sums[3])) / n);
        if (Math.abs(difference) > confidenceSequenceHalfwidth(se, 2 * n, 0.05, rho)) sequentialMissed = true;
        if (Math.abs(difference) > Z975 * se) fixedMissed = true;
      }
      if (sequentialMissed) sequentialMisses++;
      if (fixedMissed) fixedMisses++;
    }
    expect(sequentialMisses / 300).toBeLessThanOrEqual(0.05);
    expect(fixedMisses / 300).toBeGreaterThan(0.15);
  });
});

describe('alwaysValidPValue', () => {
  it('is the α at which the sequence’s edge touches 0 (found here by bisection on α)', () => {
    const [estimate, se, n] = [0.05, 0.015, 4000];
    const rho = sequentialRho(0.05, 5000);
    // The edge's distance from 0, estimate − halfwidth(α, with ρ held fixed), grows with α.
    let [low, high] = [1e-12, 1];
    for (let i = 0; i < 200; i++) {
      const middle = Math.sqrt(low * high);
      if (estimate - confidenceSequenceHalfwidth(se, n, middle, rho) > 0) high = middle;
      else low = middle;
    }
    expect(alwaysValidPValue(estimate, se, n, rho)).toBeCloseTo(low, 10);
    expect(alwaysValidPValue(-estimate, se, n, rho)).toBeCloseTo(low, 10);
  });

  it('is 1 when there is no difference, and never below the fixed-horizon p-value at N*', () => {
    const rho = sequentialRho(0.05, 5000);
    expect(alwaysValidPValue(0, 0.01, 5000, rho)).toBe(1);
    // z = 3 at N = N*: the fixed test's two-sided p is 0.0027 (normal table).
    expect(alwaysValidPValue(0.03, 0.01, 5000, rho)).toBeGreaterThan(0.0027);
  });
});
