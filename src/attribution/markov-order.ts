// Choosing the order of the Markov chain from the data: each order 1..4 is
// fitted on a seeded 80 % of the journeys and scored by the log-likelihood of
// the other 20 %. A higher order fits its training journeys better but spreads
// them over more states; held out, the extra states only pay when the data
// really depend on more than the last channel.
import { QueryError, ValidationError } from '../core/errors.js';
import type { AggregatedPath } from './paths.js';
import { createSeededRandom } from './seeded-random.js';

/** Held-out log-likelihood (natural log, summed over journeys) of one order. */
export interface OrderScore {
  order: number;
  logLikelihood: number;
}

/** The chosen order and how every candidate scored. */
export interface OrderSelection {
  order: number;
  scores: OrderScore[];
  trainingJourneys: number;
  heldOutJourneys: number;
}

export interface OrderSelectionOptions {
  /** Highest order tried (default 4). */
  maxOrder?: number;
  /** Fraction of journeys held out (default 0.2). */
  holdout?: number;
  /** Seed of the split (default 1). */
  seed?: number;
}

/**
 * Additive (Krichevsky–Trofimov, ½) smoothing of the next-symbol counts, so a
 * transition the training journeys never took costs a finite penalty instead
 * of −∞; an unseen context predicts every symbol equally.
 */
export const SMOOTHING = 0.5;

/**
 * Picks the order in 1..maxOrder whose chain gives the held-out journeys the
 * highest log-likelihood (ties go to the lower order).
 *
 * @example chooseMarkovOrder(paths, { seed: 7 }) // → { order: 2, scores: [{ order: 1, logLikelihood: -51234.5 }, …], … }
 */
export function chooseMarkovOrder(paths: readonly AggregatedPath[], options: OrderSelectionOptions = {}): OrderSelection {
  const maxOrder = options.maxOrder ?? 4;
  const { training, heldOut } = splitJourneys(paths, options.holdout ?? 0.2, options.seed ?? 1);
  const trainingJourneys = countJourneys(training);
  const heldOutJourneys = countJourneys(heldOut);
  if (trainingJourneys === 0 || heldOutJourneys === 0) {
    throw new QueryError('too few journeys with touches to choose a Markov order; give the order explicitly', { training_journeys: trainingJourneys, held_out_journeys: heldOutJourneys });
  }
  const channels = new Set(paths.flatMap((p) => p.touches));
  const scores: OrderScore[] = [];
  for (let order = 1; order <= maxOrder; order++) scores.push({ order, logLikelihood: scoreMarkovOrder(training, heldOut, order, channels.size) });
  const best = scores.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
  return { order: best.order, scores, trainingJourneys, heldOutJourneys };
}

/**
 * Splits every journey of the paths with touches at random (seeded) into a
 * training and a held-out set; each journey is held out with probability
 * `holdout`. Revenue follows the converting journeys. Counts must be whole.
 *
 * @example splitJourneys(paths, 0.2, 1) // → { training: [...], heldOut: [...] }, the same on every run
 */
export function splitJourneys(paths: readonly AggregatedPath[], holdout: number, seed: number): { training: AggregatedPath[]; heldOut: AggregatedPath[] } {
  if (!(holdout > 0 && holdout < 1)) throw new ValidationError(`holdout must be between 0 and 1, got ${holdout}`);
  const next = createSeededRandom(seed);
  const training: AggregatedPath[] = [];
  const heldOut: AggregatedPath[] = [];
  paths.forEach((path, index) => {
    if (path.touches.length === 0) return;
    if (!Number.isInteger(path.conversions) || !Number.isInteger(path.nulls)) {
      throw new ValidationError(`choosing the Markov order splits whole journeys, but path ${index} has fractional counts`);
    }
    let conversionsOut = 0;
    let nullsOut = 0;
    for (let j = 0; j < path.conversions; j++) if (next() < holdout) conversionsOut++;
    for (let j = 0; j < path.nulls; j++) if (next() < holdout) nullsOut++;
    const revenueOut = path.conversions > 0 ? (path.revenue * conversionsOut) / path.conversions : 0;
    const part = (conversions: number, nulls: number, revenue: number): AggregatedPath => ({ touches: path.touches, conversions, revenue, nulls });
    if (conversionsOut + nullsOut < path.conversions + path.nulls) training.push(part(path.conversions - conversionsOut, path.nulls - nullsOut, path.revenue - revenueOut));
    if (conversionsOut + nullsOut > 0) heldOut.push(part(conversionsOut, nullsOut, revenueOut));
  });
  return { training, heldOut };
}

/**
 * Log-likelihood of the held-out journeys under the order-k chain counted on
 * the training journeys: each step's next symbol (a channel, (conversion) or
 * (null): channelCount + 2 symbols) given the last k channels, with
 * SMOOTHING added to every count.
 *
 * @example
 * // training: one journey A → conversion; held out: one journey A → null; 1 channel, 3 symbols
 * // P(A | start) = 1.5 / 2.5, P(null | A) = 0.5 / 2.5
 * scoreMarkovOrder([pathA(1, 0)], [pathA(0, 1)], 1, 1) // → ln 0.6 + ln 0.2
 */
export function scoreMarkovOrder(training: readonly AggregatedPath[], heldOut: readonly AggregatedPath[], order: number, channelCount: number): number {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const add = (context: string, symbol: string, journeys: number) => {
    let row = counts.get(context);
    if (!row) counts.set(context, (row = new Map()));
    row.set(symbol, (row.get(symbol) ?? 0) + journeys);
    totals.set(context, (totals.get(context) ?? 0) + journeys);
  };
  for (const path of training) walkPath(path, order, (context, symbol, journeys) => add(context, symbol, journeys));
  const symbols = channelCount + 2;
  let logLikelihood = 0;
  for (const path of heldOut) {
    walkPath(path, order, (context, symbol, journeys) => {
      const seen = counts.get(context)?.get(symbol) ?? 0;
      const total = totals.get(context) ?? 0;
      logLikelihood += journeys * Math.log((seen + SMOOTHING) / (total + SMOOTHING * symbols));
    });
  }
  return logLikelihood;
}

const END_CONVERSION = '\u0000conversion';
const END_NULL = '\u0000null';

/** Calls visit(context, next symbol, journeys) for each step of the path, the two endings included. */
function walkPath(path: AggregatedPath, order: number, visit: (context: string, symbol: string, journeys: number) => void): void {
  const journeys = path.conversions + path.nulls;
  if (path.touches.length === 0 || journeys === 0) return;
  let context = '';
  path.touches.forEach((touch, i) => {
    visit(context, touch, journeys);
    context = path.touches.slice(Math.max(0, i + 1 - order), i + 1).join('\u001f');
  });
  if (path.conversions > 0) visit(context, END_CONVERSION, path.conversions);
  if (path.nulls > 0) visit(context, END_NULL, path.nulls);
}

function countJourneys(paths: readonly AggregatedPath[]): number {
  return paths.reduce((n, p) => n + p.conversions + p.nulls, 0);
}
