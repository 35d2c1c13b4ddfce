import { describe, expect, it } from 'vitest';
import type { Saturation } from './saturation.js';
import { fromLogParameters, inverseSlope, logParameters, saturate, saturationGradient, saturationSlope, slopePeak } from './saturation.js';

const HILL: Saturation = { family: 'hill', beta: 3000, alpha: 1.8, gamma: 500 };
const EXP: Saturation = { family: 'exponential', beta: 100, gamma: 10 };
const CURVES: Saturation[] = [HILL, EXP, { family: 'hill', beta: 50, alpha: 0.7, gamma: 20 }, { family: 'hill', beta: 8, alpha: 1, gamma: 3 }];

describe('saturate', () => {
  it('matches hand-computed values', () => {
    expect(saturate(HILL, 500)).toBeCloseTo(1500, 9); // half the ceiling at γ
    expect(saturate(HILL, 1000)).toBeCloseTo(2330.686160387213, 8); // 3000 / (1 + 0.5^1.8)
    expect(saturate(EXP, 10)).toBeCloseTo(100 * (1 - Math.exp(-1)), 10);
    expect(saturate(EXP, 30)).toBeCloseTo(95.02129316321360, 10); // 100·(1 − e⁻³)
  });

  it('is 0 at no adstock and approaches β far out', () => {
    for (const c of CURVES) {
      expect(saturate(c, 0)).toBe(0);
      expect(saturate(c, 1e12)).toBeCloseTo(c.beta, 3);
    }
  });
});

describe('saturationSlope', () => {
  it('matches hand-computed values', () => {
    expect(saturationSlope(HILL, 500)).toBeCloseTo((3000 * 1.8) / (4 * 500), 10); // βα/(4γ) at γ
    expect(saturationSlope(HILL, 1000)).toBeCloseTo(0.9359763017646895, 10);
    expect(saturationSlope(EXP, 0)).toBe(10);
    expect(saturationSlope(EXP, 10)).toBeCloseTo(10 / Math.E, 12);
  });

  it('agrees with a central difference of saturate', () => {
    for (const c of CURVES) {
      for (const a of [0.5, 3, 17, 250, 800, 4000]) {
        const h = a * 1e-6;
        expect(saturationSlope(c, a)).toBeCloseTo((saturate(c, a + h) - saturate(c, a - h)) / (2 * h), 5);
      }
    }
  });

  it('has the right limits at zero', () => {
    expect(saturationSlope(HILL, 0)).toBe(0);
    expect(saturationSlope({ family: 'hill', beta: 8, alpha: 1, gamma: 4 }, 0)).toBe(2);
    expect(saturationSlope({ family: 'hill', beta: 8, alpha: 0.5, gamma: 4 }, 0)).toBe(Infinity);
  });
});

describe('slopePeak and inverseSlope', () => {
  it('puts the peak of an S-curve at γ((α − 1)/(α + 1))^(1/α)', () => {
    const s: Saturation = { family: 'hill', beta: 1, alpha: 3, gamma: 100 };
    const peak = slopePeak(s);
    expect(peak).toBeCloseTo(79.37005259840998, 9); // 100 · 0.5^(1/3)
    expect(saturationSlope(s, peak)).toBeGreaterThan(saturationSlope(s, peak * 0.99));
    expect(saturationSlope(s, peak)).toBeGreaterThan(saturationSlope(s, peak * 1.01));
    expect(slopePeak(EXP)).toBe(0);
    expect(slopePeak({ family: 'hill', beta: 1, alpha: 0.8, gamma: 1 })).toBe(0);
  });

  it('inverts the exponential slope in closed form: a = γ·ln(β/(γm))', () => {
    expect(inverseSlope(EXP, 10 / Math.E)).toBeCloseTo(10, 12);
    expect(inverseSlope(EXP, 1)).toBeCloseTo(10 * Math.log(10), 12);
    expect(inverseSlope(EXP, 20)).toBe(0); // steeper than the curve ever is
  });

  it('finds the adstock on the falling branch where a Hill slope equals m', () => {
    for (const c of CURVES) {
      for (const a of [2, 40, 700, 5000]) {
        if (a <= slopePeak(c)) continue;
        const m = saturationSlope(c, a);
        expect(inverseSlope(c, m) / a).toBeCloseTo(1, 8);
      }
    }
  });
});

describe('log-parameters', () => {
  it('round-trip', () => {
    for (const c of CURVES) {
      const back = fromLogParameters(c.family, logParameters(c));
      for (const [k, v] of Object.entries(c)) if (k !== 'family') expect((back as unknown as Record<string, number>)[k]).toBeCloseTo(v as number, 10);
    }
  });

  it('give gradients that agree with central differences', () => {
    for (const c of CURVES) {
      const p = logParameters(c);
      for (const a of [1, 30, 600]) {
        const g = saturationGradient(c, a);
        p.forEach((_, i) => {
          const h = 1e-6;
          const up = [...p];
          const down = [...p];
          up[i] += h;
          down[i] -= h;
          const numeric = (saturate(fromLogParameters(c.family, up), a) - saturate(fromLogParameters(c.family, down), a)) / (2 * h);
          expect(g[i]).toBeCloseTo(numeric, 4);
        });
      }
    }
  });
});
