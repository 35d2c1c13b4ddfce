// The coalition game behind Shapley attribution and its Shapley values: the
// players are channels; each observed channel set T (the distinct channels of
// a path) has a conversion rate r(T); a coalition S is worth
// v(S) = Σ_{T ⊆ S} r(T). Exact values enumerate all 2^n coalitions; sampled
// values average marginal contributions over seeded random orderings.
import type { AggregatedPath } from './paths.js';
import { createSeededRandom } from './seeded-random.js';

/** Channels and the conversion rate of each observed channel set. */
export interface CoalitionGame {
  /** The channels, sorted; a set's members are indices into this list. */
  players: string[];
  sets: { members: number[]; rate: number }[];
}

/**
 * Groups the paths with touches and journeys by their set of distinct
 * channels: r(T) = conversions / (conversions + nulls) of the journeys whose
 * channel set is exactly T.
 *
 * @example
 * buildCoalitionGame([{ touches: ['B', 'A', 'B'], conversions: 1, revenue: 9, nulls: 3 }])
 * // → { players: ['A', 'B'], sets: [{ members: [0, 1], rate: 0.25 }] }
 */
export function buildCoalitionGame(paths: readonly AggregatedPath[]): CoalitionGame {
  const grouped = new Map<string, { channels: string[]; conversions: number; journeys: number }>();
  for (const path of paths) {
    const journeys = path.conversions + path.nulls;
    if (path.touches.length === 0 || journeys === 0) continue;
    const channels = [...new Set(path.touches)].sort();
    const key = channels.join('\u001f');
    const found = grouped.get(key);
    if (found) {
      found.conversions += path.conversions;
      found.journeys += journeys;
    } else {
      grouped.set(key, { channels, conversions: path.conversions, journeys });
    }
  }
  const players = [...new Set([...grouped.values()].flatMap((g) => g.channels))].sort();
  const index = new Map(players.map((p, i) => [p, i]));
  const sets = [...grouped.values()].map((g) => ({ members: g.channels.map((c) => index.get(c)!), rate: g.conversions / g.journeys }));
  return { players, sets };
}

/** v(all players) = Σ r(T) over the observed sets. */
export function grandCoalitionValue(game: CoalitionGame): number {
  return game.sets.reduce((sum, set) => sum + set.rate, 0);
}

/**
 * Exact Shapley values, φ_j = Σ_{S ∌ j} |S|! (n − |S| − 1)! / n! · (v(S ∪ {j}) − v(S)),
 * in O(2^n · n): v of every coalition comes from one subset-sum (zeta)
 * transform of the observed rates, then one pass over the coalitions adds
 * each player's weighted marginal contributions. Memory is 2^n numbers, so
 * the caller bounds n.
 *
 * @example exactShapleyValues({ players: ['A', 'B'], sets: [{ members: [0, 1], rate: 0.5 }] }) // → [0.25, 0.25]
 */
export function exactShapleyValues(game: CoalitionGame): Float64Array {
  const n = game.players.length;
  const size = 2 ** n;
  const worth = new Float64Array(size);
  for (const set of game.sets) worth[maskOf(set.members)] += set.rate;
  for (let bit = 1; bit < size; bit <<= 1) {
    for (let mask = 0; mask < size; mask++) if (mask & bit) worth[mask] += worth[mask ^ bit];
  }
  // weight[s] = s! (n − s − 1)! / n! = 1 / (n · C(n − 1, s))
  const weight = new Float64Array(n);
  let binomial = 1;
  for (let s = 0; s < n; s++) {
    weight[s] = 1 / (n * binomial);
    binomial = (binomial * (n - 1 - s)) / (s + 1);
  }
  const values = new Float64Array(n);
  for (let mask = 0; mask < size; mask++) {
    const w = weight[popCount(mask)];
    for (let j = 0; j < n; j++) {
      const bit = 1 << j;
      if (!(mask & bit)) values[j] += w * (worth[mask | bit] - worth[mask]);
    }
  }
  return values;
}

/**
 * Shapley values estimated from `samples` random orderings of the players
 * (seeded): a player's estimate is its mean marginal contribution, its
 * standard error the sample standard deviation over √samples. Each ordering
 * costs Σ|T| over the observed sets: a set's rate joins the marginal
 * contribution of whichever of its members completes it.
 *
 * @example sampleShapleyValues(game, 2000, 7) // → { values: Float64Array [...], standardErrors: Float64Array [...] }
 */
export function sampleShapleyValues(game: CoalitionGame, samples: number, seed: number): { values: Float64Array; standardErrors: Float64Array } {
  const n = game.players.length;
  const next = createSeededRandom(seed);
  const setsOf: number[][] = Array.from({ length: n }, () => []);
  game.sets.forEach((set, t) => set.members.forEach((j) => setsOf[j].push(t)));
  const missing = new Int32Array(game.sets.length);
  const order = Array.from({ length: n }, (_, j) => j);
  const mean = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let k = 1; k <= samples; k++) {
    shuffle(order, next);
    game.sets.forEach((set, t) => (missing[t] = set.members.length));
    for (const j of order) {
      let contribution = 0;
      for (const t of setsOf[j]) if (--missing[t] === 0) contribution += game.sets[t].rate;
      // Welford's running mean and sum of squared deviations.
      const delta = contribution - mean[j];
      mean[j] += delta / k;
      squares[j] += delta * (contribution - mean[j]);
    }
  }
  const standardErrors = squares.map((s) => Math.sqrt(s / (samples - 1) / samples));
  return { values: mean, standardErrors };
}

function shuffle(items: number[], next: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function maskOf(members: readonly number[]): number {
  return members.reduce((mask, j) => mask | (1 << j), 0);
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
