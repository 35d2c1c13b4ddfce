// Normal–normal shrinkage of ROAS, worked out by hand.
import { describe, expect, it } from 'vitest';
import { shrinkNormal } from './normal-shrinkage.js';
import type { ShrinkageFit } from './shrinkage.js';

describe('shrinkNormal', () => {
  it('shrinks each ROAS by its conversions', () => {
    // ROAS: A 1000 / 1000 = 1 on 10 conversions, B 4000 / 1000 = 4 on 40, C 3000 / 1000 = 3 on 30. Pooled μ = 8/3.
    // One conversion's variance with cv 1: 2 μ² = 128/9.
    // Spread: (10 (5/3)² + 40 (4/3)² + 30 (1/3)²) / 80 = 23/18; noise at the mean 80/3 conversions: (128/9) / (80/3) = 8/15.
    // τ² = 23/18 − 8/15 = 67/90. A: precision 10 / (128/9) = 45/64, prior precision 90/67;
    // shrunk = (45/64 × 1 + 8/3 × 90/67) / (45/64 + 90/67) ≈ 2.0940, P(worse) = Φ((8/3 − 2.0940) × √2.0464) = Φ(0.8192) ≈ 0.7937.
    const fit = shrinkNormal(
      [{ numerator: 1000, denominator: 1000, events: 10 }, { numerator: 4000, denominator: 1000, events: 40 }, { numerator: 3000, denominator: 1000, events: 30 }],
      { scale: 1, workspace: 8 / 3, worseWhen: 'lower' },
    ) as ShrinkageFit;
    expect(fit.prior.parameters.sd).toBeCloseTo(Math.sqrt(67 / 90), 10);
    const shrunkA = (45 / 64 + (8 / 3) * (90 / 67)) / (45 / 64 + 90 / 67);
    expect(fit.estimates[0].shrunk).toBeCloseTo(shrunkA, 10);
    expect(fit.estimates[0].probabilityWorse).toBeCloseTo(0.7937, 3);
  });

  it('needs each segment’s events', () => {
    expect(shrinkNormal([{ numerator: 1, denominator: 1 }], { scale: 1, workspace: 1, worseWhen: 'lower' })).toHaveProperty('problem');
  });
});
