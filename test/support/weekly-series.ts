// Daily series with a weekly pattern, a trend and seeded Gaussian noise, with
// spikes and drops injected at known days: the ground truth the anomaly
// detectors are measured against.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';
import { addDays } from '../../src/core/time.js';

/** Offsets of each weekday from the level, in units of the pattern's amplitude (they sum to 0). */
export const WEEKLY_SHAPE = [0.6, 0.5, 0.4, 0.3, 0.2, -0.9, -1.1];

export interface WeeklySeries {
  dates: string[];
  values: number[];
  /** True on the days an anomaly was injected. */
  injected: boolean[];
  /** The noise's standard deviation. */
  noise: number;
}

export interface WeeklySeriesOptions {
  seed: number;
  days: number;
  /** Days of the series (by index) to inject an anomaly on, each `size` noise σ up or down. */
  anomalies?: readonly { at: number; size: number }[];
  level?: number;
  /** The pattern's amplitude as a fraction of the level. */
  amplitude?: number;
  /** Change of the level per day, as a fraction of the level. */
  slope?: number;
  /** Noise σ as a fraction of the level. */
  noise?: number;
  first?: string;
}

/** Standard normal draws (Box–Muller) from a seeded uniform stream. */
export function normalDraws(uniform: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * yₜ = level·(1 + slope·t) + amplitude·level·WEEKLY_SHAPE[t mod 7] + noise·level·εₜ, plus the anomalies.
 *
 * @example weeklySeries({ seed: 1, days: 84, anomalies: [{ at: 60, size: 8 }] })
 */
export function weeklySeries(options: WeeklySeriesOptions): WeeklySeries {
  const { seed, days, level = 1000, amplitude = 0.3, slope = 0, noise = 0.04, first = '2026-01-05' } = options;
  const normal = normalDraws(createSeededRandom(seed));
  const sigma = noise * level;
  const values = Array.from({ length: days }, (_, t) => level * (1 + slope * t) + amplitude * level * WEEKLY_SHAPE[t % 7] + sigma * normal());
  const injected = new Array<boolean>(days).fill(false);
  for (const { at, size } of options.anomalies ?? []) {
    values[at] += size * sigma;
    injected[at] = true;
  }
  return { dates: values.map((_, t) => addDays(first, t)), values, injected, noise: sigma };
}
