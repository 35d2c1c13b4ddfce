// The order-k Markov chain of a set of paths: its transient states are
// (start) and the tuples of the last k channels seen; (conversion) and (null)
// absorb. Transitions are counted in journeys: a path taken by c converting
// and n non-converting journeys adds c + n to each of its steps, c to its
// step into (conversion) and n to its step into (null).
import type { TransientSystem } from './absorbing-chain.js';
import type { AggregatedPath } from './paths.js';

export const START = '(start)';
export const CONVERSION = '(conversion)';
export const NULL = '(null)';

/** An order-k chain with its journey counts (state 0 is (start), the empty tuple). */
export interface MarkovChain {
  order: number;
  /** Every channel on a path with journeys, sorted. */
  channels: string[];
  /** Each transient state's tuple of channels, oldest first; the first k − 1 steps have shorter tuples. */
  states: string[][];
  /** Transition probabilities among transient states. */
  system: TransientSystem;
  /** Journeys along each edge of system (same positions as system.column). */
  edgeJourneys: Float64Array;
  /** Journeys leaving each state, ending in (conversion) from it, ending in (null) from it. */
  outJourneys: Float64Array;
  conversionJourneys: Float64Array;
  nullJourneys: Float64Array;
  /** Revenue of the conversions reached from each state (the state of their last touch). */
  conversionRevenue: Float64Array;
}

/** One transition of the chain, for display. */
export interface Transition {
  from: string;
  to: string;
  probability: number;
}

const KEY_SEPARATOR = '\u001f';

/**
 * Counts the order-k chain of the paths (paths without touches or journeys are
 * left out: they never enter the chain). Repeated touches of one channel are
 * kept as self-transitions; they change the reported probabilities but not
 * any absorption probability.
 *
 * @example
 * const chain = buildMarkovChain([{ touches: ['Email', 'Search'], conversions: 1, revenue: 30, nulls: 1 }], 2);
 * chain.states // → [[], ['Email'], ['Email', 'Search']]
 */
export function buildMarkovChain(paths: readonly AggregatedPath[], order: number): MarkovChain {
  const stateIndex = new Map<string, number>([['', 0]]);
  const states: string[][] = [[]];
  const rows: Map<number, number>[] = [new Map()];
  const conversion: number[] = [0];
  const nulls: number[] = [0];
  const revenue: number[] = [0];
  const channels = new Set<string>();
  const intern = (tuple: string[]): number => {
    const key = tuple.join(KEY_SEPARATOR);
    let index = stateIndex.get(key);
    if (index === undefined) {
      index = states.length;
      stateIndex.set(key, index);
      states.push(tuple);
      rows.push(new Map());
      conversion.push(0);
      nulls.push(0);
      revenue.push(0);
    }
    return index;
  };
  for (const path of paths) {
    const journeys = path.conversions + path.nulls;
    if (path.touches.length === 0 || journeys === 0) continue;
    let from = 0;
    path.touches.forEach((touch, i) => {
      channels.add(touch);
      const to = intern(path.touches.slice(Math.max(0, i + 1 - order), i + 1));
      rows[from].set(to, (rows[from].get(to) ?? 0) + journeys);
      from = to;
    });
    conversion[from] += path.conversions;
    nulls[from] += path.nulls;
    revenue[from] += path.revenue;
  }
  return assemble(order, [...channels].sort(), states, rows, conversion, nulls, revenue);
}

function assemble(order: number, channels: string[], states: string[][], rows: Map<number, number>[], conversion: number[], nulls: number[], revenue: number[]): MarkovChain {
  const size = states.length;
  const edges = rows.reduce((n, row) => n + row.size, 0);
  const rowStart = new Int32Array(size + 1);
  const column = new Int32Array(edges);
  const probability = new Float64Array(edges);
  const edgeJourneys = new Float64Array(edges);
  const outJourneys = new Float64Array(size);
  let e = 0;
  for (let s = 0; s < size; s++) {
    rowStart[s] = e;
    let out = conversion[s] + nulls[s];
    for (const journeys of rows[s].values()) out += journeys;
    outJourneys[s] = out;
    for (const [to, journeys] of [...rows[s]].sort((x, y) => x[0] - y[0])) {
      column[e] = to;
      edgeJourneys[e] = journeys;
      probability[e] = out > 0 ? journeys / out : 0;
      e++;
    }
  }
  rowStart[size] = e;
  return {
    order,
    channels,
    states,
    system: { size, rowStart, column, probability },
    edgeJourneys,
    outJourneys,
    conversionJourneys: Float64Array.from(conversion),
    nullJourneys: Float64Array.from(nulls),
    conversionRevenue: Float64Array.from(revenue),
  };
}

/** A state's display name: (start), or its channels joined by ' > '. */
export function labelState(tuple: readonly string[]): string {
  return tuple.length === 0 ? START : tuple.join(' > ');
}

/**
 * The chain's transitions with their probabilities, sorted by from and to. When
 * there are more than `limit`, the ones taken by the most journeys are kept.
 *
 * @example listTransitions(chain, 1000) // → { transitions: [{ from: '(start)', to: 'Email', probability: 1 }, …], total: <all transitions> }
 */
export function listTransitions(chain: MarkovChain, limit: number): { transitions: Transition[]; total: number } {
  const all: (Transition & { journeys: number })[] = [];
  const { system } = chain;
  for (let s = 0; s < system.size; s++) {
    const from = labelState(chain.states[s]);
    const out = chain.outJourneys[s];
    for (let e = system.rowStart[s]; e < system.rowStart[s + 1]; e++) {
      all.push({ from, to: labelState(chain.states[system.column[e]]), probability: system.probability[e], journeys: chain.edgeJourneys[e] });
    }
    if (chain.conversionJourneys[s] > 0) all.push({ from, to: CONVERSION, probability: chain.conversionJourneys[s] / out, journeys: chain.conversionJourneys[s] });
    if (chain.nullJourneys[s] > 0) all.push({ from, to: NULL, probability: chain.nullJourneys[s] / out, journeys: chain.nullJourneys[s] });
  }
  const byName = (x: Transition, y: Transition) => compareText(x.from, y.from) || compareText(x.to, y.to);
  const kept = all.length > limit ? [...all].sort((x, y) => y.journeys - x.journeys || byName(x, y)).slice(0, limit) : all;
  return { transitions: kept.sort(byName).map(({ from, to, probability }) => ({ from, to, probability })), total: all.length };
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
