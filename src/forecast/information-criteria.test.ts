import { describe, expect, it } from 'vitest';
import { correctedAic, minimumObservations, parameterCount, residualVariance } from './information-criteria.js';

describe('parameterCount (smoothing parameters + initial states + σ²)', () => {
  it('counts each model by hand', () => {
    expect(parameterCount({ trend: 'none', season: 'none', period: 1 })).toBe(1 + 1 + 1);
    expect(parameterCount({ trend: 'additive', season: 'none', period: 1 })).toBe(2 + 2 + 1);
    expect(parameterCount({ trend: 'damped', season: 'none', period: 1 })).toBe(3 + 2 + 1);
    expect(parameterCount({ trend: 'additive', season: 'additive', period: 12 })).toBe(3 + 2 + 11 + 1);
    expect(parameterCount({ trend: 'damped', season: 'multiplicative', period: 7 })).toBe(4 + 2 + 6 + 1);
    expect(minimumObservations({ trend: 'none', season: 'none', period: 1 })).toBe(5);
  });
});

describe('correctedAic', () => {
  it('is −2 log L of Gaussian errors at σ² = SSE/T, plus 2k, plus 2k(k+1)/(T−k−1)', () => {
    // T = 10, SSE = 100, k = 3: log L = −5·(ln(2π·10) + 1)
    const logLikelihood = -5 * (Math.log(2 * Math.PI * 10) + 1);
    expect(correctedAic(100, 10, 3, 1)).toBeCloseTo(-2 * logLikelihood + 6 + 24 / 6, 10);
  });

  it('stays finite for a perfect fit, and the smaller model then wins', () => {
    const small = correctedAic(0, 20, 3, 50);
    const large = correctedAic(0, 20, 5, 50);
    expect(Number.isFinite(small)).toBe(true);
    expect(small).toBeLessThan(large);
    expect(correctedAic(0, 20, 3, 0)).toBe(correctedAic(0, 20, 3, 1));
  });

  it('divides the SSE by the degrees of freedom left for σ̂²', () => {
    expect(residualVariance(100, 10, 3)).toBe(12.5);
  });
});
