import { describe, expect, it } from 'vitest';
import { fitSaturation } from './fit-saturation.js';

describe('fitSaturation', () => {
  it('recovers an exponential curve from exact points', () => {
    // 10·(1 − e^(−a/10)) at a = 5, 10, 20, 40, 80.
    const adstock = [5, 10, 20, 40, 80];
    const fit = fitSaturation('exponential', adstock, adstock.map((a) => 10 * (1 - Math.exp(-a / 10))));
    expect(fit.curve).toMatchObject({ family: 'exponential' });
    expect(fit.curve.beta).toBeCloseTo(10, 6);
    expect(fit.curve.gamma).toBeCloseTo(10, 6);
    expect(fit.sse).toBeLessThan(1e-12);
    expect(fit.gammaAtUpperBound).toBe(false);
  });

  it('recovers a Hill curve from exact points', () => {
    const adstock = [50, 100, 200, 300, 500, 800, 1200, 2000];
    const fit = fitSaturation('hill', adstock, adstock.map((a) => (3000 * a ** 1.8) / (a ** 1.8 + 500 ** 1.8)));
    expect(fit.curve.family).toBe('hill');
    if (fit.curve.family !== 'hill') return;
    expect(fit.curve.beta).toBeCloseTo(3000, 3);
    expect(fit.curve.alpha).toBeCloseTo(1.8, 6);
    expect(fit.curve.gamma).toBeCloseTo(500, 4);
  });

  it('says when the data show no bend: outcome proportional to adstock', () => {
    const adstock = [1, 2, 3, 4, 5, 6, 7, 8];
    const fit = fitSaturation('exponential', adstock, adstock.map((a) => 3 * a));
    expect(fit.gammaAtUpperBound).toBe(true);
    expect(fit.sse / adstock.reduce((s, a) => s + (3 * a) ** 2, 0)).toBeLessThan(1e-4);
  });
});
