import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitSmoothing } from './fit-smoothing.js';
import type { SmoothingModel } from './smoothing.js';

// Box & Jenkins' airline passengers, monthly 1949–1960 (../shared/datasets/README.md).
const AIR = readFileSync(new URL('../../../shared/datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

const ADDITIVE: SmoothingModel = { trend: 'additive', season: 'additive', period: 12 };
const MULTIPLICATIVE: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 12 };

/**
 * The textbook start written out again: 2×12 moving average over the first
 * four years by its weight vector, seasonal means of the ratios (or
 * differences), normalised; the line through the first ten adjusted values
 * solved from the normal equations.
 */
function textbookStart(y: number[], m: number, kind: 'additive' | 'multiplicative') {
  const weights = [0.5, ...Array<number>(m - 1).fill(1), 0.5].map((w) => w / m);
  const bySeason: number[][] = Array.from({ length: m }, () => []);
  for (let centre = m / 2; centre + m / 2 < 4 * m; centre++) {
    const average = weights.reduce((sum, w, i) => sum + w * y[centre - m / 2 + i], 0);
    bySeason[centre % m].push(kind === 'additive' ? y[centre] - average : y[centre] / average);
  }
  const raw = bySeason.map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
  const centreOf = raw.reduce((a, b) => a + b, 0) / m;
  const s = raw.map((v) => (kind === 'additive' ? v - centreOf : v / centreOf));
  let [n, st, stt, sy, sty] = [0, 0, 0, 0, 0];
  for (let t = 1; t <= 10; t++) {
    const adjusted = kind === 'additive' ? y[t - 1] - s[(t - 1) % m] : y[t - 1] / s[(t - 1) % m];
    n += 1;
    st += t;
    stt += t * t;
    sy += adjusted;
    sty += t * adjusted;
  }
  const slope = (n * sty - st * sy) / (n * stt - st * st);
  return { level: (sy - slope * st) / n, slope, season: s };
}

/** FPP's Holt-Winters equations with one array per component, indexed by time. */
function textbookFitted(y: number[], m: number, kind: 'additive' | 'multiplicative', p: { alpha: number; beta: number; gamma: number }) {
  const start = textbookStart(y, m, kind);
  const level = [start.level];
  const slope = [start.slope];
  const season = [...start.season]; // season[t + m − 1] is sₜ; sₜ for t = 1 − m … 0 come first
  const fitted: number[] = [];
  for (let t = 1; t <= y.length; t++) {
    const yt = y[t - 1];
    const s = season[t - 1];
    const base = level[t - 1] + slope[t - 1];
    fitted.push(kind === 'additive' ? base + s : base * s);
    level[t] = kind === 'additive' ? p.alpha * (yt - s) + (1 - p.alpha) * base : (p.alpha * yt) / s + (1 - p.alpha) * base;
    slope[t] = p.beta * (level[t] - level[t - 1]) + (1 - p.beta) * slope[t - 1];
    season[t + m - 1] = kind === 'additive' ? p.gamma * (yt - base) + (1 - p.gamma) * s : (p.gamma * yt) / base + (1 - p.gamma) * s;
  }
  return { fitted, sse: y.reduce((sum, yt, i) => sum + (yt - fitted[i]) ** 2, 0) };
}

describe('fitSmoothing on AirPassengers', () => {
  const additive = fitSmoothing(AIR, ADDITIVE);
  const multiplicative = fitSmoothing(AIR, MULTIPLICATIVE);

  it('fits multiplicative seasonality clearly better than additive, by SSE and by AICc', () => {
    expect(multiplicative.sse).toBeLessThan(0.85 * additive.sse);
    expect(multiplicative.aicc).toBeLessThan(additive.aicc - 10);
    expect(multiplicative.converged).toBe(true);
    expect(additive.converged).toBe(true);
  });

  it('reports fitted values that follow the textbook recursions at the fitted parameters', () => {
    for (const [fit, kind] of [
      [additive, 'additive'],
      [multiplicative, 'multiplicative'],
    ] as const) {
      const params = { alpha: fit.params.alpha, beta: fit.params.beta as number, gamma: fit.params.gamma as number };
      const own = textbookFitted(AIR, 12, kind, params);
      expect(fit.fitted).toHaveLength(AIR.length);
      own.fitted.forEach((v, t) => expect(fit.fitted[t]).toBeCloseTo(v, 8));
      expect(fit.sse).toBeCloseTo(own.sse, 6);
    }
  });

  it('reports the AICc of FPP §8.6 with k = 3 + 2 + 11 + 1 = 17', () => {
    const T = AIR.length;
    const k = 17;
    const aicc = T * Math.log((2 * Math.PI * multiplicative.sse) / T) + T + 2 * k + (2 * k * (k + 1)) / (T - k - 1);
    expect(multiplicative.aicc).toBeCloseTo(aicc, 8);
    expect(multiplicative.parameterCount).toBe(17);
    expect(multiplicative.sigma2).toBeCloseTo(multiplicative.sse / (T - 16), 8);
  });

  it('finds a minimum: no nearby admissible parameters give a lower SSE', () => {
    for (const [fit, kind] of [
      [additive, 'additive'],
      [multiplicative, 'multiplicative'],
    ] as const) {
      const at = { alpha: fit.params.alpha, beta: fit.params.beta as number, gamma: fit.params.gamma as number };
      for (const key of ['alpha', 'beta', 'gamma'] as const) {
        for (const step of [-1e-3, 1e-3]) {
          const moved = { ...at, [key]: at[key] + step };
          if (moved.alpha <= 0 || moved.beta <= 0 || moved.gamma <= 0 || moved.gamma >= 1 - moved.alpha) continue;
          expect(textbookFitted(AIR, 12, kind, moved).sse).toBeGreaterThan(fit.sse);
        }
      }
    }
  });

  it('keeps the parameters inside the bounds and gives the same fit every time', () => {
    const { alpha, beta, gamma, phi } = multiplicative.params;
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    expect(beta).toBeGreaterThan(0);
    expect(beta).toBeLessThan(1);
    expect(gamma).toBeGreaterThan(0);
    expect(gamma).toBeLessThan(1 - alpha);
    expect(phi).toBeNull();
    expect(fitSmoothing(AIR, MULTIPLICATIVE)).toEqual(multiplicative);
  });

  it('keeps φ within [0.8, 0.98] for a damped trend', () => {
    const damped = fitSmoothing(AIR, { ...MULTIPLICATIVE, trend: 'damped' });
    expect(damped.params.phi).toBeGreaterThanOrEqual(0.8);
    expect(damped.params.phi).toBeLessThanOrEqual(0.98);
    expect(damped.name).toBe('multiplicative-damped');
  });
});

describe('fitSmoothing on a short series', () => {
  // A level that wanders: simple smoothing should follow it closely (α high).
  const values = [10, 12, 11, 15, 18, 17, 21, 20, 24, 26, 25, 29];

  /** Simple smoothing written out: ℓ₀ from the least-squares line through the first ten values. */
  function sesSse(alpha: number): number {
    const first = values.slice(0, 10);
    const meanT = 5.5;
    const meanY = first.reduce((a, b) => a + b, 0) / 10;
    const slope = first.reduce((s, y, i) => s + (i + 1 - meanT) * (y - meanY), 0) / first.reduce((s, _, i) => s + (i + 1 - meanT) ** 2, 0);
    let level = meanY - slope * meanT;
    let sse = 0;
    for (const y of values) {
      sse += (y - level) ** 2;
      level = alpha * y + (1 - alpha) * level;
    }
    return sse;
  }

  it('finds the α a fine grid finds, for simple smoothing', () => {
    const fit = fitSmoothing(values, { trend: 'none', season: 'none', period: 1 });
    let gridBest = Infinity;
    for (let a = 0.0001; a <= 0.9999; a += 0.0001) gridBest = Math.min(gridBest, sesSse(a));
    expect(fit.sse).toBeCloseTo(sesSse(fit.params.alpha), 10);
    expect(fit.sse).toBeLessThanOrEqual(gridBest + 1e-9);
    expect(fit.params).toMatchObject({ beta: null, gamma: null, phi: null });
  });

  it('fits a trending series better with Holt than with simple smoothing', () => {
    const simple = fitSmoothing(values, { trend: 'none', season: 'none', period: 1 });
    const holt = fitSmoothing(values, { trend: 'additive', season: 'none', period: 1 });
    expect(holt.sse).toBeLessThan(simple.sse);
  });
});
