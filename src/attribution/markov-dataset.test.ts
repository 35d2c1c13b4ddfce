import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../demo/random.js';
import { attributeMarkov } from './markov.js';
import type { AggregatedPath } from './paths.js';

// ChannelAttribution's public sample (../shared/datasets/README.md): 10,000 paths over
// 12 channels, 19,785 conversions and 68,602 non-converting journeys. Read in place.
function readChannelAttributionData(): AggregatedPath[] {
  const lines = readFileSync(new URL('../../../shared/datasets/ChannelAttribution_Data.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [touches, conversions, revenue, nulls] = line.split(';');
    return { touches: touches.split(' > '), conversions: Number(conversions), revenue: Number(revenue), nulls: Number(nulls) };
  });
}

const data = readChannelAttributionData();

/**
 * A second, independent order-1 computation: count the transitions, then push the
 * journeys' probability mass through the chain step by step (power iteration)
 * until less than 1e-18 of it is still in transit. The mass absorbed into
 * (conversion) is P(conversion); the expected visits to each state times its
 * mean revenue per step is the expected revenue. "Without c" drops the mass
 * that would enter c (it goes to (null)).
 */
function powerIterate(paths: AggregatedPath[], without?: string): { conversion: number; revenue: number } {
  const next = new Map<string, Map<string, number>>();
  const out = new Map<string, number>();
  const revenueFrom = new Map<string, number>();
  const count = (from: string, to: string, journeys: number) => {
    if (!next.has(from)) next.set(from, new Map());
    next.get(from)!.set(to, (next.get(from)!.get(to) ?? 0) + journeys);
    out.set(from, (out.get(from) ?? 0) + journeys);
  };
  for (const p of paths) {
    if (p.touches.length === 0 || p.conversions + p.nulls === 0) continue;
    let from = 'START';
    for (const touch of p.touches) {
      count(from, touch, p.conversions + p.nulls);
      from = touch;
    }
    if (p.conversions > 0) count(from, 'CONVERSION', p.conversions);
    if (p.nulls > 0) count(from, 'NULL', p.nulls);
    revenueFrom.set(from, (revenueFrom.get(from) ?? 0) + p.revenue);
  }
  let mass = new Map<string, number>([['START', 1]]);
  let conversion = 0;
  let revenue = 0;
  for (let step = 0; step < 100_000; step++) {
    const moved = new Map<string, number>();
    let inTransit = 0;
    for (const [state, m] of mass) {
      revenue += (m * (revenueFrom.get(state) ?? 0)) / out.get(state)!;
      for (const [to, journeys] of next.get(state)!) {
        const flow = (m * journeys) / out.get(state)!;
        if (to === 'CONVERSION') conversion += flow;
        else if (to !== 'NULL' && to !== without) {
          moved.set(to, (moved.get(to) ?? 0) + flow);
          inTransit += flow;
        }
      }
    }
    mass = moved;
    if (inTransit < 1e-18) return { conversion, revenue };
  }
  throw new Error('power iteration did not finish');
}

const relativeClose = (actual: number, expected: number, tolerance: number) => Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

describe('markov attribution on ChannelAttribution_Data.csv', () => {
  const result = attributeMarkov(data);
  const channels = [...new Set(data.flatMap((p) => p.touches))].sort();

  it('reads the published totals', () => {
    expect(data).toHaveLength(10_000);
    expect(channels).toHaveLength(12);
    expect(data.reduce((n, p) => n + p.conversions, 0)).toBe(19_785);
    expect(data.reduce((n, p) => n + p.nulls, 0)).toBe(68_602);
  });

  it('matches power iteration of the transition matrix to 1e-9: P(conversion), removal effects, credits', () => {
    const full = powerIterate(data);
    expect(relativeClose(result.removalEffects.conversionProbability, full.conversion, 1e-12)).toBe(true);
    expect(relativeClose(result.removalEffects.revenuePerJourney, full.revenue, 1e-12)).toBe(true);
    const effects = new Map(channels.map((c) => [c, powerIterate(data, c)]));
    const conversionEffect = (c: string) => 1 - effects.get(c)!.conversion / full.conversion;
    const revenueEffect = (c: string) => 1 - effects.get(c)!.revenue / full.revenue;
    const conversionSum = channels.reduce((s, c) => s + conversionEffect(c), 0);
    const revenueSum = channels.reduce((s, c) => s + revenueEffect(c), 0);
    const totalRevenue = data.reduce((s, p) => s + p.revenue, 0);
    for (const c of channels) {
      expect(relativeClose(result.removalEffects.conversion.get(c)!, conversionEffect(c), 1e-9), c).toBe(true);
      expect(relativeClose(result.removalEffects.revenue.get(c)!, revenueEffect(c), 1e-9), c).toBe(true);
      expect(relativeClose(result.credits.get(c)!.conversions, (19_785 * conversionEffect(c)) / conversionSum, 1e-9), c).toBe(true);
      expect(relativeClose(result.credits.get(c)!.revenue, (totalRevenue * revenueEffect(c)) / revenueSum, 1e-9), c).toBe(true);
    }
  });

  // A chain counted from journeys reproduces their conversion rate for any order: the
  // expected visits to state s per journey, n_s / J (n_s = journeys leaving s, J = all
  // journeys), solve the same flow equations ν = e_start + νQ as the fundamental
  // matrix row of (start), so P(conversion) = Σ_s (n_s / J)(c_s / n_s) = C / J, and the
  // expected revenue per journey is R / J.
  it('reproduces the conversion rate and revenue per journey at orders 1 to 3', () => {
    const totalRevenue = data.reduce((s, p) => s + p.revenue, 0);
    for (const order of [1, 2, 3]) {
      const { removalEffects } = order === 1 ? result : attributeMarkov(data, { order });
      expect(relativeClose(removalEffects.conversionProbability, 19_785 / 88_387, 1e-12), `order ${order}`).toBe(true);
      expect(relativeClose(removalEffects.revenuePerJourney, totalRevenue / 88_387, 1e-12), `order ${order}`).toBe(true);
    }
  });

  it('conserves conversions and revenue to 1e-9 and never has a negative removal effect, at orders 1 to 3', () => {
    const totalRevenue = data.reduce((s, p) => s + p.revenue, 0);
    for (const order of [1, 2, 3]) {
      const r = order === 1 ? result : attributeMarkov(data, { order });
      const credits = [...r.credits.values()];
      expect(Math.abs(credits.reduce((s, c) => s + c.conversions, 0) - 19_785)).toBeLessThan(1e-9 * 19_785);
      expect(Math.abs(credits.reduce((s, c) => s + c.revenue, 0) - totalRevenue)).toBeLessThan(1e-9 * totalRevenue);
      for (const effect of [...r.removalEffects.conversion.values(), ...r.removalEffects.revenue.values()]) {
        expect(effect).toBeGreaterThanOrEqual(0);
        expect(effect).toBeLessThanOrEqual(1);
      }
      for (const credit of credits) expect(credit.conversions).toBeGreaterThanOrEqual(0);
    }
  });

  it('lists every order-1 transition, each row summing to 1', () => {
    // 12 channels: (start) → 12 channels, and each channel → 12 channels, (conversion), (null) at most.
    expect(result.transitionCount).toBe(result.transitions.length);
    expect(result.transitionCount).toBeLessThanOrEqual(12 + 12 * 14);
    const rows = new Map<string, number>();
    for (const t of result.transitions) rows.set(t.from, (rows.get(t.from) ?? 0) + t.probability);
    expect(rows.size).toBe(13);
    for (const [from, total] of rows) expect(Math.abs(total - 1), from).toBeLessThan(1e-12);
  });

  it('is deterministic', () => {
    expect(attributeMarkov(data)).toEqual(result);
  });
});

describe('markov chain estimated from journeys of a known chain', () => {
  // Three channels with loops and self-loops; B never repeats itself.
  const truth: Record<string, Record<string, number>> = {
    start: { A: 0.5, B: 0.3, C: 0.2 },
    A: { A: 0.1, B: 0.3, C: 0.1, conversion: 0.2, null: 0.3 },
    B: { A: 0.2, C: 0.3, conversion: 0.1, null: 0.4 },
    C: { A: 0.1, B: 0.1, C: 0.2, conversion: 0.3, null: 0.3 },
  };
  const rng = createRandom(20_240_611);
  const aggregated = new Map<string, AggregatedPath>();
  const departures = new Map<string, number>();
  for (let journey = 0; journey < 20_000; journey++) {
    const touches: string[] = [];
    let state = 'start';
    for (;;) {
      departures.set(state, (departures.get(state) ?? 0) + 1);
      const options = Object.keys(truth[state]);
      state = options[rng.weightedIndex(options.map((o) => truth[state][o]))];
      if (state === 'conversion' || state === 'null') break;
      touches.push(state);
    }
    const key = touches.join('>');
    const found = aggregated.get(key) ?? { touches, conversions: 0, revenue: 0, nulls: 0 };
    if (state === 'conversion') {
      found.conversions += 1;
      found.revenue += 25;
    } else found.nulls += 1;
    aggregated.set(key, found);
  }
  const result = attributeMarkov([...aggregated.values()]);

  // Given n departures from s, the journeys taking s→t are Binomial(n, p): the estimate
  // p̂ = count / n has standard deviation √(p(1 − p)/n). Each check allows 4 of them.
  it('recovers every transition probability within 4 standard deviations', () => {
    const name = (s: string) => (s === 'start' ? '(start)' : s === 'conversion' ? '(conversion)' : s === 'null' ? '(null)' : s);
    let checked = 0;
    for (const [from, row] of Object.entries(truth)) {
      const n = departures.get(from)!;
      for (const [to, p] of Object.entries(row)) {
        const estimate = result.transitions.find((t) => t.from === name(from) && t.to === name(to));
        expect(estimate, `${from}→${to}`).toBeDefined();
        expect(Math.abs(estimate!.probability - p), `${from}→${to}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
        checked++;
      }
    }
    expect(checked).toBe(17);
    expect(result.transitions).toHaveLength(17); // no transition the true chain lacks (B→B)
  });
});
