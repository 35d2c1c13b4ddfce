// Who a visitor is before they do anything: their devices, browsers, cookie
// ids and country, or a crawler that requests pages in rapid bursts.

import { DAY_MS } from './demo-clock.js';
import type { DemoPeriod } from './demo-clock.js';
import { BOT_USER_AGENTS, blogPaths, collectionPaths, COUNTRIES, COUNTRY_WEIGHTS, DEVICE_WEIGHTS, DEVICES, productPaths, USER_AGENTS } from './demo-site.js';
import { AUDIENCE, sourceIndex } from './demo-world.js';
import type { PageVisit, SessionPlan, VisitorProfile } from './journey-plan.js';
import { deriveSeed, type Random } from './random.js';

/** A v4-shaped UUID, the usual form of analytics cookie ids. */
function anonymousId(rng: Random): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
}

/** @example planProfile(rng).anonymousIds[0] // '3f9c…' */
export function planProfile(rng: Random): VisitorProfile {
  const bot = rng.chance(AUDIENCE.botShare);
  const main = bot ? 'desktop' : rng.weightedPick(DEVICES, DEVICE_WEIGHTS);
  const second = main === 'mobile' ? 'desktop' : 'mobile';
  return {
    anonymousIds: [anonymousId(rng), anonymousId(rng)],
    devices: [main, second],
    userAgents: [bot ? rng.pick(BOT_USER_AGENTS) : rng.pick(USER_AGENTS[main]), rng.pick(USER_AGENTS[second])],
    country: bot ? 'US' : rng.weightedPick(COUNTRIES, COUNTRY_WEIGHTS),
    bot,
  };
}

const CRAWLABLE = ['/', ...productPaths, ...collectionPaths, ...blogPaths];

/** A crawler: one to three bursts of page views a few seconds apart, nothing else. */
export function planBotSessions(rng: Random, period: DemoPeriod, seed: number, index: number): SessionPlan[] {
  const direct = sourceIndex('direct');
  const sessions: SessionPlan[] = [];
  const bursts = rng.int(1, 3);
  const slot = period.days / bursts;
  for (let b = 0; b < bursts; b++) {
    const start = period.startMs + Math.floor((b + rng.uniform(0.05, 0.9)) * slot * DAY_MS);
    const pages: PageVisit[] = [];
    let at = start;
    for (let i = rng.int(5, 30); i > 0; i--) {
      const dwell = rng.int(800, 5000);
      pages.push({ path: rng.pick(CRAWLABLE), at, dwell });
      at += dwell;
    }
    sessions.push({ start, source: direct, ad: -1, device: 0, pages, seed: deriveSeed(seed, index, 2, b) });
  }
  return sessions;
}
