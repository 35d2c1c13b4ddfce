import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { createRandom } from '../demo/random.js';
import type { AggregatedPath } from './paths.js';
import { attributeShapley, EXACT_SHAPLEY_LIMIT } from './shapley.js';
import { buildCoalitionGame, exactShapleyValues, sampleShapleyValues } from './shapley-game.js';

const path = (touches: string[], conversions: number, revenue: number, nulls: number): AggregatedPath => ({ touches, conversions, revenue, nulls });

/**
 * The second method: with v(S) = Σ_{T ⊆ S} r(T) each observed set's rate is a
 * Harsanyi dividend, so φ_c = Σ_{T ∋ c} r(T) / |T| (Zhao et al.'s simplified
 * Shapley value). Computed straight from the paths, without the module.
 */
function simplifiedShapley(paths: AggregatedPath[]): Map<string, number> {
  const sets = new Map<string, { channels: string[]; conversions: number; journeys: number }>();
  for (const p of paths) {
    if (p.touches.length === 0 || p.conversions + p.nulls === 0) continue;
    const channels = [...new Set(p.touches)].sort();
    const entry = sets.get(channels.join(',')) ?? { channels, conversions: 0, journeys: 0 };
    entry.conversions += p.conversions;
    entry.journeys += p.conversions + p.nulls;
    sets.set(channels.join(','), entry);
  }
  const phi = new Map<string, number>();
  for (const { channels, conversions, journeys } of sets.values()) {
    for (const c of channels) phi.set(c, (phi.get(c) ?? 0) + conversions / journeys / channels.length);
  }
  return phi;
}

function totals(credits: Map<string, { conversions: number; revenue: number }>): { conversions: number; revenue: number } {
  let conversions = 0;
  let revenue = 0;
  for (const c of credits.values()) {
    conversions += c.conversions;
    revenue += c.revenue;
  }
  return { conversions, revenue };
}

// Three channels by hand.
//   exact set {A}:      A            1 conv (rev 10), 3 nulls      r = 1/4
//   exact set {B}:      B > B        1 conv (rev 20), 1 null       r = 1/2
//   exact set {A,B}:    A > B        2 conv (rev 20), 0 nulls
//                       B > A > A    1 conv (rev 10), 1 null       r = 3/4 (3 of 4 journeys)
//   exact set {A,C}:    C > A        0 conv, 2 nulls               r = 0
//   exact set {A,B,C}:  A > C > B    2 conv (rev 60), 2 nulls      r = 1/2
//   no touch:                        1 conv (rev 5)                → Direct
// v(S) = Σ_{T ⊆ S} r(T): v(∅) = 0, v(A) = 1/4, v(B) = 1/2, v(C) = 0, v(AB) = 3/2,
//   v(AC) = 1/4, v(BC) = 1/2, v(ABC) = 2.
// Marginal contributions over the 3! orderings (each weighted 1/6):
//        ABC    ACB    BAC    BCA    CAB    CBA     φ
//   A    1/4    1/4    1      3/2    1/4    3/2     19/4 / 6 = 19/24
//   B    5/4    7/4    1/2    1/2    7/4    1/2     25/4 / 6 = 25/24
//   C    1/2    0      1/2    0      0      0       1 / 6   =  4/24
// Σφ = 48/24 = 2 = v(ABC).
// Credit, set by set, by the Shapley weights of the game restricted to the set:
//   {A}: 1 conv, rev 10 → A.   {B}: 1 conv, rev 20 → B.
//   {A,B}: w_A = r(A) + r(AB)/2 = 1/4 + 3/8 = 5/8, w_B = 1/2 + 3/8 = 7/8 (sum 3/2):
//          3 conv → A 1.25, B 1.75; rev 30 → A 12.5, B 17.5.
//   {A,B,C}: w = the global φ above (19/24, 25/24, 4/24; sum 2):
//          2 conv → A 19/24, B 25/24, C 4/24; rev 60 → A 23.75, B 31.25, C 5.
//   Totals: A 1 + 1.25 + 19/24 = 73/24, B 1 + 1.75 + 25/24 = 91/24, C 4/24 (sum 7);
//           revenue A 46.25, B 68.75, C 5 (sum 120).
const three = [
  path(['A'], 1, 10, 3),
  path(['B', 'B'], 1, 20, 1),
  path(['A', 'B'], 2, 20, 0),
  path(['B', 'A', 'A'], 1, 10, 1),
  path(['C', 'A'], 0, 0, 2),
  path(['A', 'C', 'B'], 2, 60, 2),
  path([], 1, 5, 0),
];

/**
 * The per-set credit written plainly, as a second computation: journeys grouped
 * by their channel set; each set's conversions split by Σ r(U)/|U| over the
 * observed subsets U that hold the channel.
 */
function perSetCredit(paths: ReturnType<typeof path>[]): Map<string, number> {
  const sets: { key: string; members: string[]; conv: number; journeys: number }[] = [];
  for (const p of paths) {
    const members = [...new Set(p.touches)].sort();
    const key = members.join(',');
    let found = sets.find((x) => x.key === key);
    if (!found) sets.push((found = { key, members, conv: 0, journeys: 0 }));
    found.conv += p.conversions;
    found.journeys += p.conversions + p.nulls;
  }
  const credit = new Map<string, number>();
  for (const t of sets) {
    const w = new Map(t.members.map((c) => [c, 0]));
    for (const u of sets) {
      if (!u.members.every((c) => t.members.includes(c))) continue;
      for (const c of u.members) w.set(c, w.get(c)! + u.conv / u.journeys / u.members.length);
    }
    const sum = [...w.values()].reduce((a, b) => a + b, 0);
    for (const [c, x] of w) credit.set(c, (credit.get(c) ?? 0) + (sum > 0 ? (t.conv * x) / sum : 0));
  }
  return credit;
}

describe('shapley attribution', () => {
  it('matches the three-channel game worked by hand', () => {
    const result = attributeShapley(three);
    expect(result.method).toBe('exact');
    expect(result.values.get('A')).toBeCloseTo(19 / 24, 14);
    expect(result.values.get('B')).toBeCloseTo(25 / 24, 14);
    expect(result.values.get('C')).toBeCloseTo(4 / 24, 14);
    expect(result.totalValue).toBeCloseTo(2, 14);
    const expected: Record<string, [number, number]> = { A: [73 / 24, 46.25], B: [91 / 24, 68.75], C: [4 / 24, 5], Direct: [1, 5] };
    expect([...result.credits.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [key, [conversions, revenue]] of Object.entries(expected)) {
      expect(result.credits.get(key)!.conversions, key).toBeCloseTo(conversions, 12);
      expect(result.credits.get(key)!.revenue, key).toBeCloseTo(revenue, 12);
    }
  });

  it('gives interchangeable channels equal credit (symmetry)', () => {
    // Swapping X and Y maps the paths onto themselves.
    const result = attributeShapley([path(['X'], 1, 5, 4), path(['Y'], 1, 7, 4), path(['X', 'Y'], 3, 9, 1), path(['Y', 'X', 'Z'], 1, 2, 1), path(['X', 'Y', 'Z'], 1, 2, 1)]);
    expect(result.values.get('X')).toBeCloseTo(result.values.get('Y')!, 15);
    expect(result.credits.get('X')!.conversions).toBeCloseTo(result.credits.get('Y')!.conversions, 12);
    expect(result.values.get('X')! > result.values.get('Z')!).toBe(true);
  });

  it('gives a channel that never adds a conversion nothing (dummy)', () => {
    // D is only on a set that never converts: v(S ∪ {D}) = v(S) for every S.
    const result = attributeShapley([...three, path(['D', 'A'], 0, 0, 5), path(['D'], 0, 0, 3)]);
    expect(Math.abs(result.values.get('D')!)).toBeLessThanOrEqual(1e-15);
    expect(result.credits.get('D')?.conversions ?? 0).toBe(0); // no set D is in converts
    expect(result.values.get('A')).toBeCloseTo(19 / 24, 14); // nobody else changes
  });

  it('sums the Shapley values to v(all channels) (efficiency) and conserves credit', () => {
    const rng = createRandom(3);
    const channels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const paths = Array.from({ length: 300 }, () => {
      const conversions = rng.int(0, 4);
      return path(Array.from({ length: rng.int(0, 5) }, () => rng.pick(channels)), conversions, conversions * rng.uniform(5, 50), rng.int(0, 6));
    });
    const result = attributeShapley(paths);
    const simplified = simplifiedShapley(paths);
    const vAll = [...simplified.values()].reduce((a, b) => a + b, 0);
    const phiSum = [...result.values.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs(phiSum - vAll)).toBeLessThan(1e-12 * vAll);
    expect(Math.abs(result.totalValue - vAll)).toBeLessThan(1e-12 * vAll);
    const { conversions, revenue } = totals(result.credits);
    const expectedConversions = paths.reduce((s, p) => s + p.conversions, 0);
    const expectedRevenue = paths.reduce((s, p) => s + p.revenue, 0);
    expect(Math.abs(conversions - expectedConversions)).toBeLessThan(1e-9 * expectedConversions);
    expect(Math.abs(revenue - expectedRevenue)).toBeLessThan(1e-9 * expectedRevenue);
    for (const v of result.values.values()) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('matches the simplified Shapley value on ChannelAttribution_Data.csv (12 channels) to 1e-9', () => {
    const lines = readFileSync(new URL('../../../shared/datasets/ChannelAttribution_Data.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
    const paths = lines.slice(1).map((line) => {
      const [touches, c, v, n] = line.split(';');
      return path(touches.split(' > '), Number(c), Number(v), Number(n));
    });
    const result = attributeShapley(paths);
    const expected = simplifiedShapley(paths);
    expect(result.values.size).toBe(12);
    const bySet = perSetCredit(paths);
    for (const [channel, phi] of expected) {
      expect(Math.abs(result.values.get(channel)! - phi), channel).toBeLessThanOrEqual(1e-9 * Math.max(1, phi));
      expect(Math.abs(result.credits.get(channel)!.conversions - bySet.get(channel)!), channel).toBeLessThanOrEqual(1e-9 * 19_785);
    }
    expect(Math.abs(totals(result.credits).conversions - 19_785)).toBeLessThan(1e-9 * 19_785);
  });
});

describe('shapley by permutation sampling', () => {
  it('agrees with the exact values within 4 standard errors on 8 channels', () => {
    const rng = createRandom(8);
    const channels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const paths = Array.from({ length: 120 }, () => path([...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(channels)))], rng.int(0, 3), 0, rng.int(0, 5)));
    const game = buildCoalitionGame(paths);
    expect(game.players).toHaveLength(8);
    const exact = exactShapleyValues(game);
    const { values, standardErrors } = sampleShapleyValues(game, 4000, 17);
    for (let j = 0; j < 8; j++) {
      expect(standardErrors[j], game.players[j]).toBeGreaterThan(0);
      expect(Math.abs(values[j] - exact[j]), game.players[j]).toBeLessThanOrEqual(4 * standardErrors[j]);
    }
    // Every ordering's marginal contributions add up to v(all), so the estimates do too.
    const vAll = game.sets.reduce((s, t) => s + t.rate, 0);
    expect(Math.abs(values.reduce((a, b) => a + b, 0) - vAll)).toBeLessThan(1e-12 * vAll);
  });

  describe(`above ${EXACT_SHAPLEY_LIMIT} channels`, () => {
    const rng = createRandom(16);
    const channels = Array.from({ length: 18 }, (_, i) => `channel-${i}`);
    const paths = Array.from({ length: 400 }, () => {
      const conversions = rng.int(0, 3);
      return path(Array.from({ length: rng.int(1, 4) }, () => rng.pick(channels)), conversions, conversions * 12, rng.int(0, 5));
    });
    paths.push(path([], 2, 30, 0));

    it('refuses without sampling, naming the limit and the option', () => {
      try {
        attributeShapley(paths);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(QueryError);
        expect((error as QueryError).status).toBe(422);
        expect((error as Error).message).toContain('at most 15 channels');
        expect((error as Error).message).toContain('sampling: true');
      }
    });

    it('estimates with sampling: true, within 4 standard errors of the exact values, conserving credit', () => {
      const result = attributeShapley(paths, { sampling: true, samples: 3000, seed: 4 });
      expect(result.method).toBe('sampling');
      expect(result.values.size).toBe(18);
      const exact = simplifiedShapley(paths);
      for (const [channel, phi] of exact) {
        expect(Math.abs(result.values.get(channel)! - phi), channel).toBeLessThanOrEqual(4 * result.standardErrors!.get(channel)!);
      }
      const { conversions, revenue } = totals(result.credits);
      const expectedConversions = paths.reduce((s, p) => s + p.conversions, 0);
      expect(Math.abs(conversions - expectedConversions)).toBeLessThan(1e-9 * expectedConversions);
      expect(Math.abs(revenue - paths.reduce((s, p) => s + p.revenue, 0))).toBeLessThan(1e-9 * revenue);
      expect(result.credits.get('Direct')).toEqual({ conversions: 2, revenue: 30 });
      expect(attributeShapley(paths, { sampling: true, samples: 3000, seed: 4 })).toEqual(result);
    });

    it('refuses a sample count too small for a standard error', () => {
      expect(() => attributeShapley(paths, { sampling: true, samples: 1 })).toThrow(ValidationError);
    });
  });
});

describe('shapley credit follows volume', () => {
  it('two channels that always convert, one with ten times the journeys, get credit in proportion (not equal shares)', () => {
    // r({A}) = r({B}) = 1: the global values are equal (1 each), but A brings 10 conversions and B 1.
    const result = attributeShapley([path(['A'], 10, 100, 0), path(['B'], 1, 10, 0)]);
    expect(result.values.get('A')).toBe(result.values.get('B'));
    expect(result.credits.get('A')).toEqual({ conversions: 10, revenue: 100 });
    expect(result.credits.get('B')).toEqual({ conversions: 1, revenue: 10 });
  });
});
