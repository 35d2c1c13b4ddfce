import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { attributeMarkov } from './markov.js';
import type { AggregatedPath } from './paths.js';

const path = (touches: string[], conversions: number, revenue: number, nulls: number): AggregatedPath => ({ touches, conversions, revenue, nulls });

function expectCredit(result: ReturnType<typeof attributeMarkov>, key: string, conversions: number, revenue: number): void {
  const credit = result.credits.get(key);
  expect(credit, key).toBeDefined();
  expect(credit!.conversions).toBeCloseTo(conversions, 12);
  expect(credit!.revenue).toBeCloseTo(revenue, 12);
}

function sums(result: ReturnType<typeof attributeMarkov>): { conversions: number; revenue: number } {
  let conversions = 0;
  let revenue = 0;
  for (const credit of result.credits.values()) {
    conversions += credit.conversions;
    revenue += credit.revenue;
  }
  return { conversions, revenue };
}

// Two channels with a loop between them, worked by hand.
//   A > B   1 conversion (revenue 10), 0 nulls
//   A       1 conversion (revenue 40), 1 null
//   B > A   0 conversions, 1 null
//   B       1 conversion (revenue 20), 1 null
//   (none)  1 conversion (revenue 5)            → Direct, outside the chain
// Journeys per step: start→A 1+2 = 3, start→B 1+2 = 3;
//   A: →B 1, →conv 1, →null 1+1 = 2 (4 out);  B: →A 1, →conv 1+1 = 2, →null 1 (4 out).
// P: start→A 1/2, start→B 1/2; A→B 1/4, A→conv 1/4, A→null 1/2; B→A 1/4, B→conv 1/2, B→null 1/4.
// Absorption into conversion: x_A = 1/4 + x_B/4, x_B = 1/2 + x_A/4
//   → x_A = 2/5, x_B = 3/5, x_start = (2/5 + 3/5)/2 = 1/2.
// Without A (B→A goes to null): x_B = 1/2, x_start = 1/4 → RE_A = 1 − (1/4)/(1/2) = 1/2.
// Without B: x_A = 1/4, x_start = 1/8 → RE_B = 1 − (1/8)/(1/2) = 3/4.
// Conversions with touches: 3 → A 3 × (1/2)/(5/4) = 1.2, B 3 × (3/4)/(5/4) = 1.8.
// Revenue chain: a step out of A ends in a conversion worth 40/4 = 10 on average, out of B 30/4 = 7.5.
//   y_A = 10 + y_B/4, y_B = 7.5 + y_A/4 → y_A = 38/3, y_B = 32/3, y_start = 35/3.
//   Without A: y_B = 7.5, y_start = 3.75 → RE = 1 − 3.75/(35/3) = 19/28.
//   Without B: y_A = 10, y_start = 5 → RE = 1 − 15/35 = 16/28.
//   Revenue with touches 70 → A 70 × 19/35 = 38, B 70 × 16/35 = 32.
const loop = [path(['A', 'B'], 1, 10, 0), path(['A'], 1, 40, 1), path(['B', 'A'], 0, 0, 1), path(['B'], 1, 20, 1), path([], 1, 5, 0)];

describe('markov attribution, order 1', () => {
  it('matches the chain solved by hand: absorption, removal effects, credit', () => {
    const result = attributeMarkov(loop);
    expect(result.order).toBe(1);
    expect(result.removalEffects.conversionProbability).toBeCloseTo(1 / 2, 14);
    expect(result.removalEffects.conversion.get('A')).toBeCloseTo(1 / 2, 14);
    expect(result.removalEffects.conversion.get('B')).toBeCloseTo(3 / 4, 14);
    expect(result.removalEffects.revenuePerJourney).toBeCloseTo(35 / 3, 12);
    expect(result.removalEffects.revenue.get('A')).toBeCloseTo(19 / 28, 14);
    expect(result.removalEffects.revenue.get('B')).toBeCloseTo(16 / 28, 14);
    expectCredit(result, 'A', 1.2, 38);
    expectCredit(result, 'B', 1.8, 32);
    expectCredit(result, 'Direct', 1, 5);
    expect(result.credits.size).toBe(3);
  });

  it('lists the transition matrix with its probabilities', () => {
    const { transitions, transitionCount } = attributeMarkov(loop);
    expect(transitions).toEqual([
      { from: '(start)', to: 'A', probability: 1 / 2 },
      { from: '(start)', to: 'B', probability: 1 / 2 },
      { from: 'A', to: '(conversion)', probability: 1 / 4 },
      { from: 'A', to: '(null)', probability: 1 / 2 },
      { from: 'A', to: 'B', probability: 1 / 4 },
      { from: 'B', to: '(conversion)', probability: 1 / 2 },
      { from: 'B', to: '(null)', probability: 1 / 4 },
      { from: 'B', to: 'A', probability: 1 / 4 },
    ]);
    expect(transitionCount).toBe(8);
  });

  it('keeps the transitions taken by the most journeys under a limit', () => {
    // A→null (2 journeys) and B→conv (2) and the two start steps (3 each) outrank the 1-journey steps.
    const { transitions, transitionCount } = attributeMarkov(loop, { transitionLimit: 4 });
    expect(transitionCount).toBe(8);
    expect(transitions.map((t) => `${t.from}→${t.to}`)).toEqual(['(start)→A', '(start)→B', 'A→(null)', 'B→(conversion)']);
  });

  it('credits a path without touches to the noTouchKey, merging with a channel of that name', () => {
    // Direct is also a channel here: it takes the no-touch conversion on top of its chain credit.
    // Chain: start→Direct (2 journeys), Direct→conv 1, →null 1; removing Direct leaves nothing: RE = 1, all credit.
    const result = attributeMarkov([path(['Direct'], 1, 8, 1), path([], 2, 6, 0)]);
    expectCredit(result, 'Direct', 3, 14);
    const renamed = attributeMarkov([path(['Email'], 1, 8, 1), path([], 2, 6, 0)], { noTouchKey: '(no touch)' });
    expectCredit(renamed, 'Email', 1, 8);
    expectCredit(renamed, '(no touch)', 2, 6);
  });

  it('credits nothing and loses nothing when no journey converted', () => {
    const result = attributeMarkov([path(['A', 'B'], 0, 0, 4), path(['B'], 0, 0, 2)]);
    expect(result.removalEffects.conversionProbability).toBe(0);
    expect([...result.removalEffects.conversion.values()]).toEqual([0, 0]);
    expect(sums(result)).toEqual({ conversions: 0, revenue: 0 });
  });

  it('is deterministic: two runs give identical results', () => {
    expect(attributeMarkov(loop, { order: 2 })).toEqual(attributeMarkov(loop, { order: 2 }));
  });
});

// Order 2 by hand. Paths:
//   P1 A > B > A  1 conversion (revenue 6), 0 nulls
//   P2 B > A      0 conversions, 1 null
//   P3 A > B      1 conversion (revenue 4), 1 null
//   P4 A          1 conversion (revenue 2), 0 nulls
// Order-2 states: (A), (B) for the first step, then (A,B), (B,A).
//   start: →(A) 1+2+1 = 4, →(B) 1 → 4/5, 1/5
//   (A): →(A,B) 1+2 = 3, →conv 1 (P4) → 3/4, 1/4
//   (B): →(B,A) 1 → 1
//   (A,B): →(B,A) 1 (P1), →conv 1, →null 1 (P3) → 1/3 each
//   (B,A): →conv 1 (P1), →null 1 (P2) → 1/2 each
// x_(B,A) = 1/2, x_(A,B) = 1/3 + 1/6 = 1/2, x_(A) = 1/4 + 3/8 = 5/8, x_(B) = 1/2,
// x_start = 4/5 · 5/8 + 1/5 · 1/2 = 3/5.
// Without A every state but (B) goes, and (B)→(B,A) becomes null: x_start = 0, RE_A = 1.
// Without B: (A)→(A,B) becomes null, x_(A) = 1/4, x_start = 1/5, RE_B = 1 − (1/5)/(3/5) = 2/3.
// Conversions 3: A 3 × 1/(5/3) = 1.8, B 3 × (2/3)/(5/3) = 1.2.
// Revenue per step: (A) 2/4, (A,B) 4/3, (B,A) 6/2 = 3.
//   y_(B,A) = 3, y_(A,B) = 4/3 + 1 = 7/3, y_(A) = 1/2 + 7/4 = 9/4, y_(B) = 3, y_start = 9/5 + 3/5 = 12/5.
//   Without A: 0 → RE 1. Without B: y_(A) = 1/2, y_start = 2/5 → RE = 1 − (2/5)/(12/5) = 5/6.
//   Revenue 12: A 12 × 1/(11/6) = 72/11, B 12 × (5/6)/(11/6) = 60/11.
// Order 1 on the same paths, for contrast:
//   start→A 4/5, →B 1/5; A: →B 3, →conv 2, →null 1 (of 6); B: →A 2, →conv 1, →null 1 (of 4).
//   x_A = 1/3 + x_B/2, x_B = 1/4 + x_A/2 → x_A = 11/18, x_B = 5/9, x_start = 3/5.
//   Without A: x_start = 1/5 · 1/4 = 1/20 → RE_A = 11/12. Without B: x_start = 4/5 · 1/3 → RE_B = 5/9.
//   Conversion shares: A 33/53, B 20/53.
const second = [path(['A', 'B', 'A'], 1, 6, 0), path(['B', 'A'], 0, 0, 1), path(['A', 'B'], 1, 4, 1), path(['A'], 1, 2, 0)];

describe('markov attribution, order 2', () => {
  it('matches the order-2 chain solved by hand', () => {
    const result = attributeMarkov(second, { order: 2 });
    expect(result.order).toBe(2);
    expect(result.removalEffects.conversionProbability).toBeCloseTo(3 / 5, 14);
    expect(result.removalEffects.conversion.get('A')).toBeCloseTo(1, 14);
    expect(result.removalEffects.conversion.get('B')).toBeCloseTo(2 / 3, 14);
    expect(result.removalEffects.revenue.get('B')).toBeCloseTo(5 / 6, 14);
    expectCredit(result, 'A', 1.8, 72 / 11);
    expectCredit(result, 'B', 1.2, 60 / 11);
  });

  it('names the states by their tuples, shorter for the first step', () => {
    const { transitions } = attributeMarkov(second, { order: 2 });
    const probability = (from: string, to: string) => transitions.find((t) => t.from === from && t.to === to)?.probability;
    expect(probability('(start)', 'A')).toBeCloseTo(4 / 5, 15);
    expect(probability('A', 'A > B')).toBeCloseTo(3 / 4, 15);
    expect(probability('A > B', 'B > A')).toBeCloseTo(1 / 3, 15);
    expect(probability('B > A', '(null)')).toBeCloseTo(1 / 2, 15);
    expect(transitions).toHaveLength(10);
  });

  it('differs from order 1 on the same paths, which it also matches by hand', () => {
    const first = attributeMarkov(second, { order: 1 });
    expect(first.removalEffects.conversion.get('A')).toBeCloseTo(11 / 12, 14);
    expect(first.removalEffects.conversion.get('B')).toBeCloseTo(5 / 9, 14);
    expect(first.credits.get('A')!.conversions).toBeCloseTo((3 * 33) / 53, 12);
    expect(first.credits.get('B')!.conversions).toBeCloseTo((3 * 20) / 53, 12);
  });
});

describe('markov attribution input checks', () => {
  it('refuses an order that is not a whole number ≥ 1', () => {
    for (const order of [0, 1.5, -2]) expect(() => attributeMarkov(loop, { order })).toThrow(ValidationError);
  });

  it('refuses negative or non-finite counts and revenue without conversions, naming each path', () => {
    const bad = [path(['A'], -1, 0, 0), path(['B'], 1, Number.NaN, 0), path(['C'], 0, 5, 2)];
    try {
      attributeMarkov(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).status).toBe(400);
      expect((error as Error).message).toMatch(/path 0: conversions.*path 1: revenue.*path 2: revenue 5 without a conversion/);
    }
  });

  it('asks for an explicit order when too few journeys remain to hold some out', () => {
    const error = (() => {
      try {
        attributeMarkov([path(['A'], 1, 1, 0)], { order: 'auto' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).status).toBe(422);
  });
});
