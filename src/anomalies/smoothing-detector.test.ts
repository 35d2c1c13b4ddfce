// The Holt-Winters detector on daily series with a weekly pattern and seeded
// noise (test/support/weekly-series.ts): spikes and drops injected at known
// days are flagged; a spike in the training data is clipped before the final
// fit; an anomaly enters the state exactly as its clipped value would, and a
// missing value as its forecast would.
import { describe, expect, it } from 'vitest';
import { fitSmoothing } from '../forecast/fit-smoothing.js';
import { weeklySeries } from '../../test/support/weekly-series.js';
import { thresholdOf } from './point-score.js';
import { fitDetector, minimumSmoothingHistory, rollForward, suits } from './smoothing-detector.js';

const Z = thresholdOf(0.99);
const TRAINING = 56;

function split(series: { dates: string[]; values: number[] }) {
  const all = series.dates.map((date, t) => ({ date, value: series.values[t] }));
  return { history: all.slice(0, TRAINING), points: all.slice(TRAINING) };
}

describe('how much history the seasonal models need', () => {
  it('two full seasons, and σ on 10 more errors than the k − 1 estimates (k: α, γ, ℓ₀, m − 1 indices, σ² — and β with a trend)', () => {
    // day: k = 2 + 1 + 6 + 1 = 10 → 9 + 10 = 19 > 14; week: k = 55 → 64 < 104; month: k = 15 → 24 = 24.
    expect([7, 52, 12].map(minimumSmoothingHistory)).toEqual([19, 104, 24]);
    // With a trend, k = 12 for days: 21 values.
    expect(suits({ trend: 'additive', season: 'additive', period: 7 }, 20)).toBe(false);
    expect(suits({ trend: 'additive', season: 'additive', period: 7 }, 21)).toBe(true);
  });
});

describe('fitDetector and rollForward', () => {
  it('flags the spike and the drop injected into four weeks after eight clean ones, and little else', () => {
    const series = weeklySeries({ seed: 1, days: 84, anomalies: [{ at: 60, size: 10 }, { at: 71, size: -10 }] });
    const { history, points } = split(series);
    const detector = fitDetector(history, 7, Z)!;
    expect(detector.model.season).toBe('additive');
    // σ̂ near the noise's σ (40) it was generated with.
    expect(detector.sigma / series.noise).toBeGreaterThan(0.7);
    expect(detector.sigma / series.noise).toBeLessThan(1.4);
    const judged = rollForward(detector, points, Z).points;
    expect(judged.find((p) => p.date === series.dates[60])).toMatchObject({ anomaly: true, severity: 'high', direction: 'above' });
    expect(judged.find((p) => p.date === series.dates[71])).toMatchObject({ anomaly: true, severity: 'high', direction: 'below' });
    const others = judged.filter((p) => p.date !== series.dates[60] && p.date !== series.dates[71]);
    expect(others.filter((p) => p.anomaly).length).toBeLessThanOrEqual(1);
    expect(others.every((p) => p.severity !== 'high' && p.severity !== 'medium')).toBe(true);
  });

  it('clips a spike in the training data before the final fit, so σ stays near that of the same series without it', () => {
    const spiked = weeklySeries({ seed: 2, days: TRAINING, anomalies: [{ at: 30, size: 15 }] });
    const detector = fitDetector(split(spiked).history, 7, Z)!;
    const clean = fitDetector(split(weeklySeries({ seed: 2, days: TRAINING })).history, 7, Z)!;
    expect(detector.cleaned).toContain(spiked.dates[30]);
    expect(detector.sigma / clean.sigma).toBeLessThan(1.15);
    // Fitted on the raw values, the same model's σ̂ takes the spike in.
    const raw = fitSmoothing(spiked.values, detector.model);
    expect(Math.sqrt(raw.sigma2) / clean.sigma).toBeGreaterThan(1.5);
  });

  it('lets an anomaly into the state only as far as its interval’s bound', () => {
    const spiked = weeklySeries({ seed: 3, days: 84, anomalies: [{ at: 60, size: 20 }] });
    const { history, points } = split(spiked);
    const detector = fitDetector(history, 7, Z)!;
    const judged = rollForward(detector, points, Z).points;
    const spike = judged[60 - TRAINING];
    expect(spike.anomaly).toBe(true);
    // The same series with the spike replaced by its upper bound: every expectation after it is the same.
    const bounded = points.map((p, i) => (i === 60 - TRAINING ? { ...p, value: spike.upper } : p));
    const again = rollForward(detector, bounded, Z).points;
    expect(again[60 - TRAINING].anomaly).toBe(false);
    for (let i = 60 - TRAINING + 1; i < points.length; i++) expect(again[i].expected).toBeCloseTo(judged[i].expected, 9);
    // Without the spike at all the expectations after it move by far less than the spike's 20 σ would have moved them.
    const clean = rollForward(detector, split(weeklySeries({ seed: 3, days: 84 })).points, Z).points;
    const shift = Math.max(...judged.slice(60 - TRAINING + 1).map((p, i) => Math.abs(p.expected - clean[60 - TRAINING + 1 + i].expected)));
    expect(shift).toBeLessThan(Z * detector.sigma);
    expect(judged.slice(60 - TRAINING + 1).some((p) => p.anomaly && p.severity !== 'low')).toBe(false);
  });

  it('skips a day without a value and carries its forecast forward in its place', () => {
    const series = weeklySeries({ seed: 4, days: 70 });
    const { history, points } = split(series);
    const detector = fitDetector(history, 7, Z)!;
    const gap = 5;
    // A point's expectation does not depend on its own value: read the forecast of the gap day from any value.
    const forecast = rollForward(detector, points.map((p, i) => (i === gap ? { ...p, value: 0 } : p)), Z).points[gap].expected;
    const missing = rollForward(detector, points.map((p, i) => ({ date: p.date, value: i === gap ? null : p.value })), Z);
    const filled = rollForward(detector, points.map((p, i) => (i === gap ? { ...p, value: forecast } : p)), Z);
    expect(missing.skipped).toEqual([points[gap].date]);
    expect(missing.points).toHaveLength(points.length - 1);
    expect(missing.points.map((p) => p.expected)).toEqual(filled.points.filter((_, i) => i !== gap).map((p) => p.expected));
  });

  it('has no fit for a history shorter than the simplest model needs', () => {
    const { history } = split(weeklySeries({ seed: 5, days: TRAINING }));
    expect(fitDetector(history.slice(0, 18), 7, Z)).toBeUndefined();
    expect(fitDetector(history.slice(0, 19), 7, Z)?.model.trend).toBe('none');
  });
});
