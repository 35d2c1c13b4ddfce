// Markov chain attribution (KPIS.md ATTRIBUTION, `markov`): the paths become
// an absorbing chain of order k, each channel's removal effect is how much the
// probability of converting falls when the channel is taken out, and the
// conversions and revenue are shared in proportion to the removal effects.
// Everything is solved exactly (no simulation), so a result is deterministic.
import { ValidationError } from '../core/errors.js';
import { solveAbsorbing } from './absorbing-chain.js';
import { checkPaths } from './check-paths.js';
import { buildMarkovChain, listTransitions, type MarkovChain, type Transition } from './markov-chain.js';
import { chooseMarkovOrder, type OrderSelection } from './markov-order.js';
import { addCredit, type AggregatedPath, type Credits } from './paths.js';

export interface MarkovOptions {
  /** Order k of the chain (default 1), or 'auto' to choose 1..4 on held-out journeys. */
  order?: number | 'auto';
  /** Key credited with the conversions of paths without touches (default 'Direct'). */
  noTouchKey?: string;
  /** Seed of the held-out split for order 'auto' (default 1). */
  seed?: number;
  /** Fraction of journeys held out for order 'auto' (default 0.2). */
  holdout?: number;
  /** Most transitions returned (default 1000; those taken by the most journeys). */
  transitionLimit?: number;
}

/** What the chain makes of each channel when it is removed. */
export interface RemovalEffects {
  /** P(conversion) from (start), and per channel 1 − P(conversion without it) / P(conversion). */
  conversionProbability: number;
  conversion: Map<string, number>;
  /** Expected revenue per journey from (start), and the same ratio for it. */
  revenuePerJourney: number;
  revenue: Map<string, number>;
}

export interface MarkovResult {
  order: number;
  /** How order 'auto' scored each candidate (absent when the order was given). */
  orderSelection?: OrderSelection;
  credits: Credits;
  removalEffects: RemovalEffects;
  /** Transitions of the chain, at most transitionLimit of them, and how many there are in all. */
  transitions: Transition[];
  transitionCount: number;
}

/**
 * Credits conversions and revenue with the order-k Markov chain of the paths.
 *
 * Conversions: channel c gets (total conversions) × RE_c / Σ RE, RE the
 * removal effect on P(conversion). Revenue goes through the value chain
 * (ChannelAttribution's value model, in expectation): a conversion reached
 * from a state is worth that state's mean conversion revenue, the chain's
 * expected revenue per journey is solved like P(conversion), and revenue is
 * shared by the removal effects on it — so channels that lead to larger
 * orders get a larger share of the revenue than of the conversions. Both
 * sums equal the totals. Paths without touches credit `noTouchKey` and stay
 * out of the chain.
 *
 * @example
 * const { credits } = attributeMarkov([
 *   { touches: ['Email', 'Search'], conversions: 3, revenue: 90, nulls: 5 },
 *   { touches: ['Search'], conversions: 1, revenue: 20, nulls: 9 },
 * ]);
 * credits.get('Search') // → { conversions: …, revenue: … }; Σ conversions = 4, Σ revenue = 110
 */
export function attributeMarkov(paths: readonly AggregatedPath[], options: MarkovOptions = {}): MarkovResult {
  checkPaths(paths);
  const requested = options.order ?? 1;
  if (requested !== 'auto' && !(Number.isInteger(requested) && requested >= 1)) {
    throw new ValidationError(`the Markov order must be a whole number ≥ 1 or 'auto', got ${requested}`);
  }
  const orderSelection = requested === 'auto' ? chooseMarkovOrder(paths, { seed: options.seed, holdout: options.holdout }) : undefined;
  const order = orderSelection?.order ?? (requested as number);
  const chain = buildMarkovChain(paths, order);
  const effects = removalEffects(chain);
  const credits: Credits = new Map();
  let touchedConversions = 0;
  let touchedRevenue = 0;
  for (const path of paths) {
    if (path.touches.length > 0) {
      touchedConversions += path.conversions;
      touchedRevenue += path.revenue;
    }
  }
  const conversionShares = normalise(effects.conversion, touchedConversions, 'conversions');
  const revenueShares = normalise(effects.revenue, touchedRevenue, 'revenue');
  for (const channel of chain.channels) {
    addCredit(credits, channel, touchedConversions * conversionShares.get(channel)!, touchedRevenue * revenueShares.get(channel)!);
  }
  for (const path of paths) {
    if (path.touches.length === 0 && (path.conversions > 0 || path.revenue > 0)) addCredit(credits, options.noTouchKey ?? 'Direct', path.conversions, path.revenue);
  }
  const { transitions, total } = listTransitions(chain, options.transitionLimit ?? 1000);
  return { order, orderSelection, credits, removalEffects: effects, transitions, transitionCount: total };
}

/**
 * Removal effects of every channel of the chain, on P(conversion) and on the
 * expected revenue per journey. "Without c" redirects every transition into a
 * state whose tuple contains c to (null). Removing a channel can only lower
 * either value, so the effects lie in [0, 1] (a rounding residue below 0 is
 * set to 0); with nothing to lose (no conversions) every effect is 0.
 *
 * @example removalEffects(buildMarkovChain(paths, 1)).conversion.get('Email') // → a number in [0, 1]
 */
export function removalEffects(chain: MarkovChain): RemovalEffects {
  const { system } = chain;
  const perStep = (amount: Float64Array) => amount.map((value, s) => (chain.outJourneys[s] > 0 ? value / chain.outJourneys[s] : 0));
  const rightSides = [perStep(chain.conversionJourneys), perStep(chain.conversionRevenue)];
  const [conversion, revenue] = solveAbsorbing(system, rightSides);
  const full = { conversion: conversion[0], revenue: revenue[0] };
  const stateHas = chain.states.map((tuple) => new Set(tuple));
  const conversionEffects = new Map<string, number>();
  const revenueEffects = new Map<string, number>();
  for (const channel of chain.channels) {
    const kept = Uint8Array.from(stateHas, (has) => (has.has(channel) ? 0 : 1));
    const [withoutConversion, withoutRevenue] = solveAbsorbing(system, rightSides, kept);
    conversionEffects.set(channel, effectOf(full.conversion, withoutConversion[0]));
    revenueEffects.set(channel, effectOf(full.revenue, withoutRevenue[0]));
  }
  return { conversionProbability: full.conversion, conversion: conversionEffects, revenuePerJourney: full.revenue, revenue: revenueEffects };
}

function effectOf(full: number, without: number): number {
  return full > 0 ? Math.max(0, 1 - without / full) : 0;
}

/** Each channel's share of the total; all 0 when there is nothing to share. */
function normalise(effects: Map<string, number>, total: number, what: string): Map<string, number> {
  let sum = 0;
  for (const effect of effects.values()) sum += effect;
  if (sum === 0 && total > 0) throw new Error(`markov: ${total} ${what} to share but every removal effect is 0`);
  return new Map([...effects].map(([channel, effect]) => [channel, sum > 0 ? effect / sum : 0]));
}
