// How Shapley attribution hands out conversions: each observed channel set's
// own conversions and revenue are split among its channels by their Shapley
// values in the game restricted to that set. A channel's credit therefore
// grows with the conversions of the sets it is in (volume) and with how much
// it lifts their conversion rates (the rates of the smaller sets within them).
import type { AggregatedPath, Credits } from './paths.js';
import { addCredit } from './paths.js';

interface ChannelSet {
  channels: string[];
  conversions: number;
  revenue: number;
  journeys: number;
}

/**
 * Credits by channel set: for an observed set T with conversions, channel
 * c ∈ T weighs w_c(T) = Σ_{U ⊆ T observed, U ∋ c} r(U) / |U| — its Shapley
 * value in the game v(S) = Σ_{U ⊆ S} r(U) restricted to T, r(U) the
 * conversion rate of journeys whose channel set is exactly U — and gets
 * conversions(T) × w_c(T) / Σ_{j ∈ T} w_j(T), revenue likewise. Exact for
 * any number of channels. Paths without touches credit `noTouchKey`.
 *
 * @example
 * creditByChannelSets([
 *   { touches: ['Email'], conversions: 1, revenue: 10, nulls: 3 },            // r({Email}) = 1/4
 *   { touches: ['Email', 'Search'], conversions: 3, revenue: 30, nulls: 1 }, // r({Email, Search}) = 3/4
 * ], 'Direct')
 * // {Email, Search}: w_Email = 1/4 + 3/8 = 5/8, w_Search = 3/8 → Email 1 + 3·5/8 = 2.875, Search 1.125
 */
export function creditByChannelSets(paths: readonly AggregatedPath[], noTouchKey: string): Credits {
  const sets = channelSets(paths);
  const rates = new Map([...sets.values()].map((s) => [s, s.journeys === 0 ? 0 : s.conversions / s.journeys]));
  const credits: Credits = new Map();
  for (const path of paths) {
    if (path.touches.length === 0 && (path.conversions > 0 || path.revenue > 0)) addCredit(credits, noTouchKey, path.conversions, path.revenue);
  }
  const all = [...sets.values()];
  for (const target of all) {
    if (target.conversions === 0 && target.revenue === 0) continue;
    const members = new Set(target.channels);
    const weights = new Map(target.channels.map((c) => [c, 0]));
    for (const subset of all) {
      if (subset.channels.length > members.size || !subset.channels.every((c) => members.has(c))) continue;
      const share = rates.get(subset)! / subset.channels.length;
      for (const c of subset.channels) weights.set(c, weights.get(c)! + share);
    }
    const sum = [...weights.values()].reduce((a, b) => a + b, 0);
    for (const [channel, weight] of weights) {
      // A set with conversions has r(T) > 0, so sum > 0; equal shares guard the impossible case.
      const share = sum > 0 ? weight / sum : 1 / weights.size;
      addCredit(credits, channel, target.conversions * share, target.revenue * share);
    }
  }
  return credits;
}

function channelSets(paths: readonly AggregatedPath[]): Map<string, ChannelSet> {
  const sets = new Map<string, ChannelSet>();
  for (const path of paths) {
    if (path.touches.length === 0) continue;
    const channels = [...new Set(path.touches)].sort();
    const key = channels.join('\u001f');
    const found = sets.get(key) ?? { channels, conversions: 0, revenue: 0, journeys: 0 };
    found.conversions += path.conversions;
    found.revenue += path.revenue;
    found.journeys += path.conversions + path.nulls;
    sets.set(key, found);
  }
  return sets;
}
