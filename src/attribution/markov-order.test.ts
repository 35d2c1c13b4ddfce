import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../demo/random.js';
import { attributeMarkov } from './markov.js';
import { chooseMarkovOrder, scoreMarkovOrder, splitJourneys } from './markov-order.js';
import type { AggregatedPath } from './paths.js';

const path = (touches: string[], conversions: number, revenue: number, nulls: number): AggregatedPath => ({ touches, conversions, revenue, nulls });

/** Aggregates generated journeys (touches, converted?) into paths, 10 of revenue per conversion. */
function aggregate(journeys: { touches: string[]; converted: boolean }[]): AggregatedPath[] {
  const byPath = new Map<string, AggregatedPath>();
  for (const { touches, converted } of journeys) {
    const key = touches.join('>');
    const found = byPath.get(key) ?? path(touches, 0, 0, 0);
    if (converted) {
      found.conversions++;
      found.revenue += 10;
    } else found.nulls++;
    byPath.set(key, found);
  }
  return [...byPath.values()];
}

const CHANNELS = ['A', 'B', 'C'];

/** Order 1: the next step depends on the last channel only. */
function firstOrderJourney(rng: Random): { touches: string[]; converted: boolean } {
  const touches = [rng.pick(CHANNELS)];
  for (;;) {
    const last = touches[touches.length - 1];
    const u = rng.next();
    const end = last === 'C' ? 0.45 : 0.3;
    if (u < end) return { touches, converted: rng.chance(last === 'A' ? 0.5 : 0.2) };
    touches.push(rng.weightedPick(CHANNELS, last === 'A' ? [1, 3, 1] : last === 'B' ? [2, 1, 2] : [1, 1, 3]));
  }
}

/** Order 2: after x > y the journey goes back to x with probability 0.8, and converts more after a bounce. */
function secondOrderJourney(rng: Random): { touches: string[]; converted: boolean } {
  const touches = [rng.pick(CHANNELS)];
  for (;;) {
    const last = touches[touches.length - 1];
    const before = touches[touches.length - 2];
    if (rng.chance(0.3)) return { touches, converted: rng.chance(before !== undefined && before !== last ? 0.6 : 0.1) };
    if (before !== undefined && rng.chance(0.8)) touches.push(before);
    else touches.push(rng.pick(CHANNELS.filter((c) => c !== last)));
  }
}

describe('choosing the Markov order on held-out journeys', () => {
  it('scores a held-out journey with the smoothed training counts (by hand)', () => {
    // Training: one journey A → conversion. Held out: one journey A → null. 1 channel: 3 symbols.
    // P(A | start) = (1 + ½) / (1 + 3 · ½) = 0.6; P(null | A) = (0 + ½) / (1 + 3 · ½) = 0.2.
    expect(scoreMarkovOrder([path(['A'], 1, 5, 0)], [path(['A'], 0, 0, 1)], 1, 1)).toBeCloseTo(Math.log(0.6) + Math.log(0.2), 14);
    // Order 2 on A > B (2 channels, 4 symbols), trained on A > B → conversion ×3, held out A > B → null ×2:
    // P(A | start) = 3.5 / 5, P(B | A) = 3.5 / 5, P(null | A,B) = 0.5 / 5, each twice.
    const twice = 2 * (2 * Math.log(3.5 / 5) + Math.log(0.5 / 5));
    expect(scoreMarkovOrder([path(['A', 'B'], 3, 0, 0)], [path(['A', 'B'], 0, 0, 2)], 2, 2)).toBeCloseTo(twice, 12);
  });

  it('splits every journey once, holding out about the asked fraction, the same way each run', () => {
    const paths = aggregate(Array.from({ length: 5000 }, (_, i) => firstOrderJourney(createRandom(i))));
    const { training, heldOut } = splitJourneys(paths, 0.2, 3);
    const journeys = (ps: AggregatedPath[]) => ps.reduce((n, p) => n + p.conversions + p.nulls, 0);
    expect(journeys(training) + journeys(heldOut)).toBe(5000);
    // Held-out count ~ Binomial(5000, 0.2): mean 1000, sd √(5000 · 0.2 · 0.8) ≈ 28.3.
    expect(Math.abs(journeys(heldOut) - 1000)).toBeLessThan(4 * Math.sqrt(5000 * 0.2 * 0.8));
    const revenue = (ps: AggregatedPath[]) => ps.reduce((n, p) => n + p.revenue, 0);
    expect(revenue(training) + revenue(heldOut)).toBeCloseTo(revenue(paths), 9);
    expect(splitJourneys(paths, 0.2, 3)).toEqual({ training, heldOut });
    expect(splitJourneys(paths, 0.2, 4)).not.toEqual({ training, heldOut });
  });

  it('picks order 1 for journeys from an order-1 chain', () => {
    const rng = createRandom(11);
    const paths = aggregate(Array.from({ length: 30_000 }, () => firstOrderJourney(rng)));
    const selection = chooseMarkovOrder(paths, { seed: 5 });
    expect(selection.order).toBe(1);
    expect(selection.scores.map((s) => s.order)).toEqual([1, 2, 3, 4]);
  });

  it('picks order 2 for journeys from an order-2 chain, and attributeMarkov reports the choice', () => {
    const rng = createRandom(12);
    const paths = aggregate(Array.from({ length: 30_000 }, () => secondOrderJourney(rng)));
    const result = attributeMarkov(paths, { order: 'auto', seed: 5 });
    expect(result.order).toBe(2);
    const scores = result.orderSelection!.scores;
    // Knowing the channel before the last predicts the bounce (0.8 of the steps), so order 2 gains a lot on order 1.
    expect(scores[1].logLikelihood - scores[0].logLikelihood).toBeGreaterThan(1000);
    expect(result.orderSelection!.trainingJourneys + result.orderSelection!.heldOutJourneys).toBe(30_000);
    expect(attributeMarkov(paths, { order: 'auto', seed: 5 })).toEqual(result);
  });
});
