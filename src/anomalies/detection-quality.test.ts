// How well the detector finds anomalies, measured on 200 generated daily
// series with a weekly pattern (level, pattern, trend and noise drawn per
// series; half with two spikes in the training weeks): eight weeks of history,
// then four weeks with three spikes or drops of 4–8 noise σ at random days.
// Recall (injected days flagged) and false-positive rate (other days flagged)
// of detectAnomalies against a plain threshold on the raw values, mean ± k sd
// of the history: at k = 3 it misses nearly everything, and loosened until it
// flags normal days as often as the detector does, it still finds far fewer.
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { weeklySeries, type WeeklySeries } from '../../test/support/weekly-series.js';
import { detectAnomalies } from './detect-anomalies.js';

const SERIES = 200;
const TRAINING = 56;
const JUDGED = 28;

interface Rates {
  recall: number;
  falsePositiveRate: number;
}

function generate(seed: number): WeeklySeries {
  const draw = createSeededRandom(10_000 + seed);
  const between = (low: number, high: number) => low + (high - low) * draw();
  const days = new Set<number>();
  while (days.size < 3) days.add(TRAINING + Math.floor(draw() * JUDGED));
  const anomalies = [...days].map((at) => ({ at, size: (draw() < 0.5 ? -1 : 1) * between(4, 8) }));
  if (seed % 2 === 0) for (let i = 0; i < 2; i++) anomalies.push({ at: 7 + Math.floor(draw() * (TRAINING - 7)), size: (draw() < 0.5 ? -1 : 1) * 8 });
  return weeklySeries({ seed, days: TRAINING + JUDGED, level: between(200, 2000), amplitude: between(0.2, 0.5), slope: between(-0.002, 0.004), noise: between(0.03, 0.06), anomalies });
}

const generated = Array.from({ length: SERIES }, (_, i) => generate(i + 1));

/** Recall and false-positive rate over the judged days of every series, given each series' flags for those days. */
function rates(flags: (series: WeeklySeries) => boolean[]): Rates {
  let found = 0;
  let missed = 0;
  let falseAlarms = 0;
  let quiet = 0;
  for (const series of generated) {
    flags(series).forEach((flagged, i) => {
      const truth = series.injected[TRAINING + i];
      if (truth) flagged ? found++ : missed++;
      else flagged ? falseAlarms++ : quiet++;
    });
  }
  return { recall: found / (found + missed), falsePositiveRate: falseAlarms / (falseAlarms + quiet) };
}

const methods = new Set<string>();
const detector = rates((series) => {
  const all = series.dates.map((date, t) => ({ date, value: series.values[t] }));
  const detection = detectAnomalies({ history: all.slice(0, TRAINING), points: all.slice(TRAINING), grain: 'day' });
  methods.add(detection.method);
  return detection.points.map((p) => p.anomaly);
});

/** Flags the judged days farther than k standard deviations from the mean of the raw history. */
const rawThreshold = (k: number) =>
  rates((series) => {
    const history = series.values.slice(0, TRAINING);
    const mean = history.reduce((a, b) => a + b, 0) / TRAINING;
    const sd = Math.sqrt(history.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (TRAINING - 1));
    return series.values.slice(TRAINING).map((v) => Math.abs(v - mean) > k * sd);
  });

describe('detection quality on generated weekly series', () => {
  it('the Holt-Winters detector finds most injected anomalies and flags few normal days', () => {
    expect([...methods]).toEqual(['holt_winters']);
    expect(detector.recall).toBeGreaterThan(0.85);
    expect(detector.falsePositiveRate).toBeLessThan(0.03);
  });

  it('mean ± 3 sd of the raw history misses most of them: the weekly swing hides them', () => {
    const raw = rawThreshold(3);
    expect(raw.recall).toBeLessThan(detector.recall / 4);
  });

  it('a raw threshold loosened until it flags normal days as often as the detector still finds far fewer', () => {
    let k = 3;
    while (k > 0 && rawThreshold(k).falsePositiveRate < detector.falsePositiveRate) k -= 0.25;
    const raw = rawThreshold(k);
    expect(raw.falsePositiveRate).toBeGreaterThanOrEqual(detector.falsePositiveRate);
    expect(raw.recall).toBeLessThan(detector.recall - 0.3);
  });
});
