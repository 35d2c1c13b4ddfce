import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { ValidationError } from '../core/errors.js';
import { sampleSizeForMean, sampleSizeForRate } from './sample-size.js';

// Normal quantiles from a table: z₀.₉₇₅ = 1.959964, z₀.₈ = 0.841621, z₀.₉ = 1.281552.
const Z975 = 1.959963984540054;
const Z80 = 0.8416212335729143;
const Z90 = 1.2815515655446004;

describe('sampleSizeForRate', () => {
  it('works out 50 % against 75 % at power 0.9 by hand (the example of R’s power.prop.test)', () => {
    // p̄ = 0.625: 1.959964 · √(2 · 0.625 · 0.375) = 1.341896; 1.281552 · √(0.25 + 0.1875) = 0.847667;
    // (2.189563 / 0.25)² = 76.707 → 77 per variant.
    const result = sampleSizeForRate({ baseline: 0.5, mde: 0.25, mdeType: 'absolute', power: 0.9 });
    const byHand = ((Z975 * Math.sqrt(2 * 0.625 * 0.375) + Z90 * Math.sqrt(0.25 + 0.1875)) / 0.25) ** 2;
    expect(result.exact).toBeCloseTo(byHand, 10);
    expect(result.exact).toBeCloseTo(76.707, 3);
    expect(result.perVariant).toBe(77);
  });

  it('reads a relative mde against the baseline: +10 % of 10 % is 11 %', () => {
    const relative = sampleSizeForRate({ baseline: 0.1, mde: 0.1, mdeType: 'relative' });
    const absolute = sampleSizeForRate({ baseline: 0.1, mde: 0.01, mdeType: 'absolute' });
    expect(relative.absoluteEffect).toBeCloseTo(0.01, 15);
    expect(relative.exact).toBeCloseTo(absolute.exact, 8);
    // (1.959964 · √(2 · 0.105 · 0.895) + 0.841621 · √(0.09 + 0.0979))² / 0.01² = (0.849707 + 0.364820)² · 10⁴ = 14750.8
    expect(relative.perVariant).toBe(14_751);
  });

  it('gives the promised power when the pooled z test is run on simulated experiments of that size', () => {
    // 20 % against 25 %: n per variant, then 2000 simulated experiments at that n tested at α = 0.05.
    const { perVariant } = sampleSizeForRate({ baseline: 0.2, mde: 0.05, mdeType: 'absolute' });
    const random = createSeededRandom(42);
    const draw = (p: number) => {
      let k = 0;
      for (let i = 0; i < perVariant; i++) if (random() < p) k++;
      return k;
    };
    let rejected = 0;
    for (let run = 0; run < 2000; run++) {
      const [a, b] = [draw(0.2), draw(0.25)];
      const pooled = (a + b) / (2 * perVariant);
      const z = (b - a) / perVariant / Math.sqrt((pooled * (1 - pooled) * 2) / perVariant);
      if (Math.abs(z) > Z975) rejected++;
    }
    // Binomial(2000, 0.8) lies within ±0.025 of 0.8 with probability above 0.99.
    expect(Math.abs(rejected / 2000 - 0.8)).toBeLessThan(0.025);
  });

  it('refuses a baseline outside (0, 1), an effect of 0 or one that leaves (0, 1), and bad levels', () => {
    expect(() => sampleSizeForRate({ baseline: 0, mde: 0.1, mdeType: 'relative' })).toThrow(ValidationError);
    expect(() => sampleSizeForRate({ baseline: 0.1, mde: 0, mdeType: 'relative' })).toThrow(/mde must be a number other than 0/);
    expect(() => sampleSizeForRate({ baseline: 0.9, mde: 0.2, mdeType: 'absolute' })).toThrow(/treatment's rate would be/);
    expect(() => sampleSizeForRate({ baseline: 0.1, mde: 0.1, mdeType: 'relative', power: 1 })).toThrow(/power must be/);
    expect(() => sampleSizeForRate({ baseline: 0.1, mde: 0.1, mdeType: 'relative', alpha: 0 })).toThrow(/alpha must be/);
  });
});

describe('sampleSizeForMean', () => {
  it('gives 2σ²(z₀.₉₇₅ + z₀.₈)²/Δ²: 62.79 → 63 per variant for Δ = σ/2 (Cohen’s d = 0.5)', () => {
    const result = sampleSizeForMean({ sd: 1, mde: 0.5, mdeType: 'absolute' });
    expect(result.exact).toBeCloseTo((2 * (Z975 + Z80) ** 2) / 0.25, 10);
    expect(result.perVariant).toBe(63);
  });

  it('agrees with Lehr’s rule of thumb n ≈ 16 σ²/Δ² (α = 0.05, power 0.8) within 2 %', () => {
    const result = sampleSizeForMean({ mean: 50, sd: 20, mde: 0.04, mdeType: 'relative' });
    expect(result.absoluteEffect).toBeCloseTo(2, 12);
    expect(result.exact / ((16 * 400) / 4)).toBeGreaterThan(0.98);
    expect(result.exact / ((16 * 400) / 4)).toBeLessThan(1.0);
  });

  it('needs the mean for a relative effect, and a positive sd', () => {
    expect(() => sampleSizeForMean({ sd: 1, mde: 0.1, mdeType: 'relative' })).toThrow(/mean \(the baseline, not 0\)/);
    expect(() => sampleSizeForMean({ sd: 0, mde: 0.1, mdeType: 'absolute' })).toThrow(/sd must be/);
  });
});
