import { describe, expect, it } from 'vitest';
import { PARAMETER_BOUNDS, freeParameterCount, paramsFromPoint, pointFromParams } from './parameter-bounds.js';
import type { SmoothingModel } from './smoothing.js';

const FULL: SmoothingModel = { trend: 'damped', season: 'multiplicative', period: 12 };

describe('paramsFromPoint', () => {
  it('keeps every point inside the bounds, however far out', () => {
    const { margin } = PARAMETER_BOUNDS;
    for (const x of [-1000, -40, -1, 0, 1, 40, 1000]) {
      for (const y of [-1000, 0, 1000]) {
        const p = paramsFromPoint(FULL, [x, y, -x, y]);
        expect(p.alpha).toBeGreaterThanOrEqual(margin);
        expect(p.alpha).toBeLessThanOrEqual(1 - margin);
        expect(p.beta).toBeGreaterThanOrEqual(margin);
        expect(p.beta).toBeLessThanOrEqual(1 - margin);
        expect(p.gamma).toBeGreaterThan(0);
        expect(p.gamma).toBeLessThan(1 - p.alpha);
        expect(p.phi).toBeGreaterThanOrEqual(0.8);
        expect(p.phi).toBeLessThanOrEqual(0.98);
      }
    }
  });

  it('is undone by pointFromParams', () => {
    const params = { alpha: 0.3, beta: 0.05, gamma: 0.5, phi: 0.9 };
    const back = paramsFromPoint(FULL, pointFromParams(FULL, params));
    expect(back.alpha).toBeCloseTo(0.3, 12);
    expect(back.beta).toBeCloseTo(0.05, 12);
    expect(back.gamma).toBeCloseTo(0.5, 12);
    expect(back.phi).toBeCloseTo(0.9, 12);
  });

  it('gives null for the components a model lacks, and a coordinate per parameter it has', () => {
    const simple: SmoothingModel = { trend: 'none', season: 'none', period: 1 };
    expect(paramsFromPoint(simple, [0])).toEqual({ alpha: 0.5, beta: null, gamma: null, phi: null });
    expect(freeParameterCount(simple)).toBe(1);
    expect(freeParameterCount({ trend: 'additive', season: 'additive', period: 4 })).toBe(3);
    expect(freeParameterCount(FULL)).toBe(4);
  });
});
