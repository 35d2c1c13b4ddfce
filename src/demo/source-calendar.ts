// When each arrival route runs and how hard it is pushed on a given day. The
// response curve lives here because three generators must agree on it: traffic
// (clicks), journeys (conversion rate) and ads (price per click).

import { periodFraction, type DemoPeriod } from './demo-clock.js';
import type { TrafficSource } from './demo-world.js';

/** Whether a source can bring visits on a day (email only arrives through sends). */
export function isSourceLive(source: TrafficSource, period: DemoPeriod, day: number): boolean {
  if (source.kind !== 'paid') return source.kind === 'organic';
  const f = periodFraction(period, day);
  return f >= source.activeFrom && f <= source.activeTo;
}

/** Spend multiplier of the day relative to the campaign's base level. */
export function spendMultiplier(source: TrafficSource, period: DemoPeriod, day: number): number {
  if (source.kind !== 'paid' || !source.curve) return 1;
  const { spendFrom, spendTo } = source.curve;
  return spendFrom + (spendTo - spendFrom) * periodFraction(period, day);
}

/** Clicks bought per unit of base volume: spend^elasticity (1 without a curve). */
export function clickMultiplier(source: TrafficSource, period: DemoPeriod, day: number): number {
  if (source.kind !== 'paid' || !source.curve) return 1;
  return Math.pow(spendMultiplier(source, period, day), source.curve.clickElasticity);
}

/** Conversion-rate multiplier so that conversions ∝ spend^conversionElasticity. */
export function cvrMultiplier(source: TrafficSource, period: DemoPeriod, day: number): number {
  if (source.kind !== 'paid' || !source.curve) return 1;
  const { clickElasticity, conversionElasticity } = source.curve;
  return Math.pow(spendMultiplier(source, period, day), conversionElasticity - clickElasticity);
}

/** Price-per-click multiplier so that cost ∝ spend: clicks·cpc = spend. */
export function cpcMultiplier(source: TrafficSource, period: DemoPeriod, day: number): number {
  if (source.kind !== 'paid' || !source.curve) return 1;
  return Math.pow(spendMultiplier(source, period, day), 1 - source.curve.clickElasticity);
}
