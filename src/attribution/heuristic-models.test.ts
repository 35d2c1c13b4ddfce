import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { creditHeuristic, HEURISTIC_MODELS } from './heuristic-models.js';
import type { AggregatedPath, Credits } from './paths.js';

/** Every key's credit equals the expected [conversions, revenue]; no other key is credited. */
function expectCredits(actual: Credits, expected: Record<string, [number, number]>): void {
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [key, [conversions, revenue]] of Object.entries(expected)) {
    expect(actual.get(key)!.conversions, `${key} conversions`).toBeCloseTo(conversions, 12);
    expect(actual.get(key)!.revenue, `${key} revenue`).toBeCloseTo(revenue, 10);
  }
}

// Four converting paths and one that did not convert. Totals: 8 conversions, 770 revenue.
const PATHS: AggregatedPath[] = [
  { touches: ['Search', 'Social', 'Direct'], daysBefore: [14, 7, 0], conversions: 2, revenue: 300, nulls: 5 },
  { touches: ['Direct'], daysBefore: [0], conversions: 1, revenue: 50, nulls: 10 },
  { touches: ['Email', 'Direct', 'Search', 'Email'], daysBefore: [21, 14, 7, 0], conversions: 4, revenue: 400, nulls: 0 },
  { touches: [], daysBefore: [], conversions: 1, revenue: 20, nulls: 0 },
  { touches: ['Social', 'Search'], daysBefore: [3, 1], conversions: 0, revenue: 0, nulls: 3 },
];

describe('creditHeuristic on hand-worked paths', () => {
  it('first_touch: each path to its first touch, the touchless one to Direct', () => {
    // P1 → Search (2, 300); P2 → Direct (1, 50); P3 → Email (4, 400); P4 → Direct (1, 20).
    expectCredits(creditHeuristic('first_touch', PATHS), { Search: [2, 300], Direct: [2, 70], Email: [4, 400] });
  });

  it('last_touch: each path to its last touch, Direct included', () => {
    // P1 → Direct (2, 300); P2 → Direct (1, 50); P3 → Email (4, 400); P4 → Direct (1, 20).
    expectCredits(creditHeuristic('last_touch', PATHS), { Direct: [4, 370], Email: [4, 400] });
  });

  it('last_non_direct: the last touch that is not Direct; Direct only when nothing else', () => {
    // P1 → Social (the last before the closing Direct) (2, 300); P2 is all Direct → Direct (1, 50);
    // P3 → Email (4, 400); P4 has no touch → Direct (1, 20).
    expectCredits(creditHeuristic('last_non_direct', PATHS), { Social: [2, 300], Direct: [2, 70], Email: [4, 400] });
  });

  it('linear: equal shares, a key appearing twice takes two', () => {
    // P1 thirds: Search, Social, Direct 2/3 conv, 100 rev each. P2: Direct (1, 50).
    // P3 quarters: Email 2/4 → (2, 200), Direct (1, 100), Search (1, 100). P4: Direct (1, 20).
    // Search 2/3 + 1 = 5/3, 200; Social 2/3, 100; Direct 2/3 + 1 + 1 + 1 = 11/3, 270; Email 2, 200.
    expectCredits(creditHeuristic('linear', PATHS), { Search: [5 / 3, 200], Social: [2 / 3, 100], Direct: [11 / 3, 270], Email: [2, 200] });
  });

  it('time_decay: weights 2^(−days/7) scaled to one conversion per path', () => {
    // P1 days 14, 7, 0 → weights 1/4, 1/2, 1 (Σ 7/4) → shares 1/7, 2/7, 4/7:
    //   Search (2/7, 300/7), Social (4/7, 600/7), Direct (8/7, 1200/7).
    // P3 days 21, 14, 7, 0 → 1/8, 1/4, 1/2, 1 (Σ 15/8) → 1/15, 2/15, 4/15, 8/15:
    //   Email 9/15 → (12/5, 240), Direct 2/15 → (8/15, 160/3), Search 4/15 → (16/15, 320/3).
    // Search 2/7 + 16/15 = 142/105, 300/7 + 320/3 = 3140/21; Social 4/7, 600/7;
    // Direct 8/7 + 1 + 8/15 + 1 = 386/105, 1200/7 + 50 + 160/3 + 20 = 6190/21; Email 12/5, 240.
    expectCredits(creditHeuristic('time_decay', PATHS), {
      Search: [142 / 105, 3140 / 21],
      Social: [4 / 7, 600 / 7],
      Direct: [386 / 105, 6190 / 21],
      Email: [12 / 5, 240],
    });
  });

  it('time_decay: a half-life of 10 days halves a touch 10 days out; old paths do not underflow', () => {
    // Days 10 and 0 with half-life 10 → weights 1/2 and 1 → shares 1/3, 2/3.
    const paths: AggregatedPath[] = [{ touches: ['A', 'B'], daysBefore: [10, 0], conversions: 3, revenue: 90, nulls: 0 }];
    expectCredits(creditHeuristic('time_decay', paths, { halfLifeDays: 10 }), { A: [1, 30], B: [2, 60] });
    // 20,000 and 20,010 days with half-life 1: 2^(−20000) is 0 in floating point, but the
    // ratio of the two weights is still 2^10 → shares 1/1025 and 1024/1025.
    const old: AggregatedPath[] = [{ touches: ['A', 'B'], daysBefore: [20_010, 20_000], conversions: 1025, revenue: 0, nulls: 0 }];
    expectCredits(creditHeuristic('time_decay', old, { halfLifeDays: 1 }), { A: [1, 0], B: [1024, 0] });
  });

  it('position_based: 40 % first, 40 % last, 20 % over the middle; one touch all', () => {
    // P1 (3 touches): Search 0.4 → (0.8, 120), Social 0.2 → (0.4, 60), Direct 0.4 → (0.8, 120).
    // P2 (1 touch): Direct (1, 50). P3 (4 touches): Email 0.4 + 0.4 → (3.2, 320),
    // Direct 0.1 → (0.4, 40), Search 0.1 → (0.4, 40). P4: Direct (1, 20).
    // Search 1.2, 160; Social 0.4, 60; Direct 0.8 + 1 + 0.4 + 1 = 3.2, 230; Email 3.2, 320.
    expectCredits(creditHeuristic('position_based', PATHS), { Search: [1.2, 160], Social: [0.4, 60], Direct: [3.2, 230], Email: [3.2, 320] });
  });

  it('position_based: two touches split the end weights in their ratio; custom weights apply', () => {
    const two: AggregatedPath[] = [{ touches: ['A', 'B'], conversions: 2, revenue: 10, nulls: 1 }];
    // Default 0.4 / 0.4 → 50/50.
    expectCredits(creditHeuristic('position_based', two), { A: [1, 5], B: [1, 5] });
    // 0.6 / 0.1 → 0.6/0.7 = 6/7 and 1/7.
    const weights = { first: 0.6, middle: 0.3, last: 0.1 };
    expectCredits(creditHeuristic('position_based', two, { positionWeights: weights }), { A: [12 / 7, 60 / 7], B: [2 / 7, 10 / 7] });
    // Three touches take the weights as given: 0.6, 0.3, 0.1 of 10 conversions.
    const three: AggregatedPath[] = [{ touches: ['A', 'B', 'C'], conversions: 10, revenue: 100, nulls: 0 }];
    expectCredits(creditHeuristic('position_based', three, { positionWeights: weights }), { A: [6, 60], B: [3, 30], C: [1, 10] });
    // All weight on the middle: two touches have no middle, so they split evenly.
    expectCredits(creditHeuristic('position_based', two, { positionWeights: { first: 0, middle: 1, last: 0 } }), { A: [1, 5], B: [1, 5] });
  });
});

describe('creditHeuristic keys', () => {
  it('passes over directKey (campaign rows use "(none)") and credits touchless paths to noTouchKey', () => {
    const paths: AggregatedPath[] = [
      { touches: ['spring_sale', '(none)'], conversions: 3, revenue: 30, nulls: 0 },
      { touches: ['(none)', '(none)'], conversions: 2, revenue: 20, nulls: 0 },
      { touches: ['Direct'], conversions: 1, revenue: 5, nulls: 0 }, // an ordinary key here
      { touches: [], conversions: 4, revenue: 40, nulls: 0 },
    ];
    const params = { directKey: '(none)', noTouchKey: '(none)' };
    expectCredits(creditHeuristic('last_non_direct', paths, params), { spring_sale: [3, 30], '(none)': [6, 60], Direct: [1, 5] });
  });

  it('last_non_direct gives Direct only the paths with nothing but Direct (or no touch), on random paths', () => {
    const arbitraryPaths = fc.array(
      fc.record({
        touches: fc.array(fc.constantFrom('Direct', 'Search', 'Email'), { maxLength: 6 }),
        conversions: fc.integer({ min: 0, max: 20 }),
        revenue: fc.integer({ min: 0, max: 500 }),
        nulls: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arbitraryPaths, (paths) => {
        const direct = creditHeuristic('last_non_direct', paths).get('Direct')?.conversions ?? 0;
        const allDirect = paths.filter((p) => p.touches.every((t) => t === 'Direct')).reduce((sum, p) => sum + p.conversions, 0);
        expect(direct).toBe(allDirect);
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('creditHeuristic conservation', () => {
  const arbitraryPath = fc
    .array(fc.record({ key: fc.constantFrom('Direct', 'Search', 'Email', 'Social', 'Display'), days: fc.double({ min: 0, max: 60, noNaN: true }) }), { maxLength: 9 })
    .chain((touches) =>
      fc.record({
        touches: fc.constant(touches.map((t) => t.key)),
        daysBefore: fc.constant(touches.map((t) => t.days)),
        conversions: fc.integer({ min: 0, max: 50 }),
        revenue: fc.double({ min: 0, max: 1000, noNaN: true }),
        nulls: fc.integer({ min: 0, max: 100 }),
      }),
    );
  const arbitraryWeights = fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b]) => ({ first: Math.min(a, b), middle: Math.max(a, b) - Math.min(a, b), last: 1 - Math.max(a, b) }));

  for (const model of HEURISTIC_MODELS) {
    it(`${model} hands out exactly the paths' conversions and revenue`, () => {
      fc.assert(
        fc.property(fc.array(arbitraryPath, { maxLength: 15 }), arbitraryWeights, fc.double({ min: 0.5, max: 30, noNaN: true }), (paths, weights, halfLifeDays) => {
          const credits = creditHeuristic(model, paths, { positionWeights: weights, halfLifeDays });
          let conversions = 0;
          let revenue = 0;
          for (const credit of credits.values()) {
            expect(credit.conversions).toBeGreaterThanOrEqual(0);
            conversions += credit.conversions;
            revenue += credit.revenue;
          }
          const totalConversions = paths.reduce((sum, p) => sum + p.conversions, 0);
          const totalRevenue = paths.reduce((sum, p) => sum + p.revenue, 0);
          expect(Math.abs(conversions - totalConversions)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(revenue - totalRevenue)).toBeLessThanOrEqual(1e-9);
        }),
        { seed: 424242, numRuns: 300 },
      );
    });
  }
});

describe('creditHeuristic errors', () => {
  it('time_decay without touch times is a 422 that says why', () => {
    const fromFile: AggregatedPath[] = [{ touches: ['Search'], conversions: 1, revenue: 10, nulls: 0 }];
    let caught: unknown;
    try {
      creditHeuristic('time_decay', fromFile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QueryError);
    expect((caught as QueryError).status).toBe(422);
    expect((caught as QueryError).message).toMatch(/time_decay needs the time of each touch.*path files do not carry/);
  });

  it('position weights that do not sum to 1 (within 1e-9) or fall outside [0, 1] are a 400', () => {
    const paths: AggregatedPath[] = [{ touches: ['A', 'B', 'C'], conversions: 1, revenue: 1, nulls: 0 }];
    const expectInvalid = (weights: { first: number; middle: number; last: number }) => {
      let caught: unknown;
      try {
        creditHeuristic('position_based', paths, { positionWeights: weights });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).status).toBe(400);
    };
    expectInvalid({ first: 0.4, middle: 0.2, last: 0.5 });
    expectInvalid({ first: 0.4, middle: 0.2, last: 0.4 + 2e-9 });
    expectInvalid({ first: 1.2, middle: -0.2, last: 0 });
    // 1e-10 off is within the tolerance.
    expect(() => creditHeuristic('position_based', paths, { positionWeights: { first: 0.4, middle: 0.2, last: 0.4 + 1e-10 } })).not.toThrow();
  });

  it('a half-life that is not above 0 is a 400', () => {
    const paths: AggregatedPath[] = [{ touches: ['A'], daysBefore: [1], conversions: 1, revenue: 1, nulls: 0 }];
    expect(() => creditHeuristic('time_decay', paths, { halfLifeDays: 0 })).toThrow(ValidationError);
    expect(() => creditHeuristic('time_decay', paths, { halfLifeDays: Number.NaN })).toThrow(ValidationError);
  });
});
