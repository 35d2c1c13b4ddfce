// How sure an attribution is: percentile bootstrap intervals per key, from
// resampling the journeys behind the paths. A journey on a path either
// converted or not, so the journeys are counts in (path, converted?) cells;
// a resample draws as many journeys as there were, with replacement — one
// multinomial draw over the cells, O(cells) per resample whatever the number
// of journeys (see multinomial-sampler.ts) — and runs the model on it.
import { QueryError, ValidationError } from '../core/errors.js';
import { sampleMultinomial } from './multinomial-sampler.js';
import type { AggregatedPath, Credits } from './paths.js';
import { createSeededRandom } from './seeded-random.js';

/** Any attribution model with its parameters fixed. */
export type CreditPaths = (paths: AggregatedPath[]) => Credits;

export interface BootstrapOptions {
  /** Resampled data sets. Default 200. */
  resamples?: number;
  /** Seeds the resampling: the same seed gives the same intervals. */
  seed: number;
  /** Coverage of each interval, in (0, 1). Default 0.9. */
  level?: number;
  /** Keys in fewer converting journeys than this are flagged. Default 30. */
  minJourneys?: number;
  /** The key touchless conversions are credited to (as in the model). Default 'Direct'. */
  noTouchKey?: string;
}

export interface Interval {
  low: number;
  high: number;
}

export interface KeyInterval {
  conversions: Interval;
  revenue: Interval;
  /** Converting journeys whose path holds the key. */
  convertingJourneys: number;
  /** Too few converting journeys for the interval (or the credit) to be trusted. */
  fewPaths: boolean;
}

export const DEFAULT_MIN_JOURNEYS = 30;

/**
 * Percentile bootstrap intervals of each key's credited conversions and
 * revenue. A resampled converting journey carries its path's mean revenue per
 * conversion. A key missing from a resample's credits counts as 0 there.
 *
 * @example
 * const credit = (paths) => creditHeuristic('linear', paths);
 * bootstrapIntervals(paths, credit, { seed: 1 }).get('Search');
 * // → { conversions: { low: 41.5, high: 58 }, revenue: { … }, convertingJourneys: 73, fewPaths: false }
 */
export function bootstrapIntervals(paths: readonly AggregatedPath[], credit: CreditPaths, options: BootstrapOptions): Map<string, KeyInterval> {
  const resamples = options.resamples ?? 200;
  const level = options.level ?? 0.9;
  if (!Number.isInteger(resamples) || resamples < 1) throw new ValidationError(`resamples must be a whole number ≥ 1, not ${resamples}`, { field: 'resamples' });
  if (!(level > 0 && level < 1)) throw new ValidationError(`the interval level must be between 0 and 1, not ${level}`, { field: 'level' });
  checkJourneyCounts(paths);

  const cells = paths.flatMap((path) => [path.conversions, path.nulls]);
  const journeys = cells.reduce((a, b) => a + b, 0);
  const random = createSeededRandom(options.seed);
  const draws = new Map<string, { conversions: Float64Array; revenue: Float64Array }>();
  for (let r = 0; r < resamples; r++) {
    const counts = sampleMultinomial(random, journeys, cells);
    for (const [key, value] of credit(rebuildPaths(paths, counts))) {
      let found = draws.get(key);
      if (found === undefined) {
        found = { conversions: new Float64Array(resamples), revenue: new Float64Array(resamples) };
        draws.set(key, found);
      }
      found.conversions[r] = value.conversions;
      found.revenue[r] = value.revenue;
    }
  }

  const lowQ = (1 - level) / 2;
  const highQ = (1 + level) / 2;
  const journeysByKey = countConvertingJourneys(paths, options.noTouchKey);
  const minJourneys = options.minJourneys ?? DEFAULT_MIN_JOURNEYS;
  const intervals = new Map<string, KeyInterval>();
  for (const [key, { conversions, revenue }] of draws) {
    conversions.sort();
    revenue.sort();
    const converting = journeysByKey.get(key) ?? 0;
    intervals.set(key, {
      conversions: { low: quantileOfSorted(conversions, lowQ), high: quantileOfSorted(conversions, highQ) },
      revenue: { low: quantileOfSorted(revenue, lowQ), high: quantileOfSorted(revenue, highQ) },
      convertingJourneys: converting,
      fewPaths: converting < minJourneys,
    });
  }
  return intervals;
}

/**
 * Converting journeys per key: the conversions of every path holding the key
 * (once per journey, however often the key recurs on its path); touchless
 * conversions count for `noTouchKey`.
 *
 * @example countConvertingJourneys([{ touches: ['A', 'B', 'A'], conversions: 4, revenue: 0, nulls: 9 }]) // → Map { 'A' => 4, 'B' => 4 }
 */
export function countConvertingJourneys(paths: readonly AggregatedPath[], noTouchKey = 'Direct'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) {
    if (path.conversions === 0) continue;
    const keys = path.touches.length === 0 ? [noTouchKey] : new Set(path.touches);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + path.conversions);
  }
  return counts;
}

/**
 * Whether a key rests on too few converting journeys (fewer than `minimum`,
 * default 30) for its credit to mean much: its interval gets a warning.
 *
 * @example fewPaths([{ touches: ['Podcast'], conversions: 3, revenue: 90, nulls: 40 }], 'Podcast') // → true
 */
export function fewPaths(paths: readonly AggregatedPath[], key: string, minimum = DEFAULT_MIN_JOURNEYS, noTouchKey = 'Direct'): boolean {
  let converting = 0;
  for (const path of paths) {
    const holds = path.touches.length === 0 ? key === noTouchKey : path.touches.includes(key);
    if (holds) converting += path.conversions;
  }
  return converting < minimum;
}

/** The paths with resampled counts; a converting journey keeps its path's mean revenue per conversion. */
function rebuildPaths(paths: readonly AggregatedPath[], counts: readonly number[]): AggregatedPath[] {
  const rebuilt: AggregatedPath[] = [];
  paths.forEach((path, i) => {
    const conversions = counts[2 * i];
    const nulls = counts[2 * i + 1];
    if (conversions === 0 && nulls === 0) return; // no journey drawn: the path is absent from this resample
    const revenue = conversions === 0 ? 0 : (path.revenue / path.conversions) * conversions;
    rebuilt.push({ ...path, conversions, revenue, nulls });
  });
  return rebuilt;
}

function checkJourneyCounts(paths: readonly AggregatedPath[]): void {
  paths.forEach((path, i) => {
    for (const field of ['conversions', 'nulls'] as const) {
      const n = path[field];
      if (!Number.isInteger(n) || n < 0) throw new QueryError(`bootstrap intervals resample whole journeys, but path ${i} has ${n} ${field}`, { path: i, field });
    }
    if (path.conversions === 0 && path.revenue !== 0) throw new QueryError(`bootstrap intervals cannot resample path ${i}: revenue ${path.revenue} without a conversion`, { path: i });
  });
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}
