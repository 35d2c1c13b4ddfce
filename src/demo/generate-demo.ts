// Entry point of the demo data set: a seeded, pure generator of 90 days of a
// fictional outdoor-apparel shop's marketing data, in DATA.md's record shapes.
// Same options → same records, byte for byte; no clock, no I/O, no Math.random.

import { createPeriod } from './demo-clock.js';
import { createPlanContext, journeyEvents, planJourneys } from './generate-journeys.js';
import { generateAdPerformance, generateCampaigns } from './generate-ads.js';
import { generateCosts } from './generate-costs.js';
import { generateSurveys } from './generate-feedback.js';
import { generateFxRates } from './generate-fx-rates.js';

export interface DemoOptions {
  /** Number of days, the last one being `end`. */
  days: number;
  seed: number;
  /** 'YYYY-MM-DD', last day included, UTC. */
  end: string;
  /** Distinct people visiting (default 50,000); media and non-media costs scale with it. */
  visitors?: number;
}

export interface DemoDataSet {
  campaigns: Record<string, unknown>[];
  ad_performance: Record<string, unknown>[];
  costs: Record<string, unknown>[];
  fx_rates: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  lifecycle: Record<string, unknown>[];
  surveys: Record<string, unknown>[];
  /** Lazy and re-iterable: each iteration re-generates the same events, visitor by visitor. */
  events(): Iterable<Record<string, unknown>>;
}

export const DEFAULT_VISITORS = 50_000;

/**
 * Generates the demo data set.
 * @example
 * const demo = generateDemo({ days: 90, seed: 42, end: '2026-03-31' });
 * for (const event of demo.events()) send(event);
 */
export function generateDemo(options: DemoOptions): DemoDataSet {
  const visitors = options.visitors ?? DEFAULT_VISITORS;
  if (!Number.isInteger(visitors) || visitors < 1) throw new Error(`demo visitors must be a positive integer, got ${visitors}`);
  if (!Number.isInteger(options.seed)) throw new Error(`demo seed must be an integer, got ${options.seed}`);
  const period = createPeriod(options.days, options.end);
  const seed = options.seed >>> 0;
  const ctx = createPlanContext(period, seed);
  const journeys = planJourneys(ctx, visitors);
  const adPerformance = generateAdPerformance(period, journeys.adTally, seed);
  return {
    campaigns: generateCampaigns(period, adPerformance, ctx.sends),
    ad_performance: adPerformance,
    costs: generateCosts(period, visitors / DEFAULT_VISITORS, seed),
    fx_rates: generateFxRates(period, seed),
    orders: journeys.orders,
    lifecycle: journeys.lifecycle,
    surveys: generateSurveys(period, journeys.orders, seed),
    events: () => journeyEvents(ctx, visitors),
  };
}
