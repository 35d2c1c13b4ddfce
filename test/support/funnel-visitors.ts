// Visitors and CRM records for the funnels view's browser test, on top of the
// dashboard data set (whose buyers view a page and buy five minutes later):
// people who click a campaign's ad, may view a page, put something in the
// cart (a custom add_to_cart event) and buy — some within minutes, some days
// later, some past a week — each campaign converting at its own rate; organic
// visitors who mostly only look; and leads who move through the lifecycle
// stages. Seeded; every record is dated up to `end`. The counts a funnel must
// give are worked out by the test from these records.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';
import { DASHBOARD_CAMPAIGNS, type DashboardData } from './dashboard-data.js';

export interface LifecycleRecord {
  customer_id: string;
  stage: 'lead' | 'mql' | 'sql' | 'customer';
  timestamp: string;
  channel: string;
}

export interface FunnelVisitors {
  events: Record<string, unknown>[];
  lifecycle: LifecycleRecord[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Per campaign: the chance a clicker views a page, adds to the cart, and (having added) buys. */
const RATES: Record<string, { view: number; cart: number; buy: number }> = {
  c_brand: { view: 0.92, cart: 0.6, buy: 0.7 },
  c_generic: { view: 0.85, cart: 0.45, buy: 0.45 },
  c_prospect: { view: 0.75, cart: 0.35, buy: 0.3 },
  c_retarget: { view: 0.8, cart: 0.5, buy: 0.55 },
};

export function generateFunnelVisitors(data: DashboardData, end: string, seed = 29): FunnelVisitors {
  const next = createSeededRandom(seed);
  const last = Date.parse(`${end}T23:59:59Z`);
  const events: Record<string, unknown>[] = [];
  const lifecycle: LifecycleRecord[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low));
  let n = 0;
  const event = (anonymous_id: string, type: string, at: number, extra: Record<string, unknown>) => {
    if (at <= last) events.push({ event_id: `fv-${++n}`, type, timestamp: iso(at), anonymous_id, ...extra });
    return at <= last;
  };
  /** A delay to buy: mostly within the hour, some hours later, some days (past a week for a few). */
  const buyDelay = () => {
    const roll = next();
    return roll < 0.6 ? between(2 * MINUTE, 50 * MINUTE) : roll < 0.85 ? between(2 * HOUR, 30 * HOUR) : between(2 * DAY, 12 * DAY);
  };

  for (const date of data.days) {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    for (const campaign of DASHBOARD_CAMPAIGNS) {
      const rates = RATES[campaign.id];
      const source = campaign.platform === 'google_ads' ? 'google' : 'facebook';
      const landing = `https://shop.example/?utm_source=${source}&utm_medium=cpc&utm_campaign=${campaign.id}`;
      const clickers = 2 + Math.floor(next() * 5);
      for (let i = 0; i < clickers; i++) {
        const visitor = `ad-${campaign.id}-${date}-${i}`;
        const click = midnight + between(6 * 3600, 20 * 3600) * SECOND;
        event(visitor, 'ad_click', click, { campaign_id: campaign.id, url: landing });
        if (next() >= rates.view) continue;
        const view = click + between(3, 120) * SECOND;
        if (!event(visitor, 'page_view', view, { url: landing })) continue;
        if (next() >= rates.cart) continue;
        const cart = view + between(30, 900) * SECOND;
        if (!event(visitor, 'add_to_cart', cart, { url: 'https://shop.example/cart' })) continue;
        if (next() >= rates.buy) continue;
        const revenue = Math.round((25 + next() * 150) * 100) / 100;
        event(visitor, 'purchase', cart + buyDelay(), { url: 'https://shop.example/thanks', order_id: `${visitor}-order`, revenue });
      }
    }
    // Organic visitors: most only look; a few put something in the cart, fewer buy.
    const lookers = 3 + Math.floor(next() * 4);
    for (let i = 0; i < lookers; i++) {
      const visitor = `organic-${date}-${i}`;
      const view = midnight + between(7 * 3600, 22 * 3600) * SECOND;
      event(visitor, 'page_view', view, { url: 'https://shop.example/journal', referrer: 'https://duckduckgo.com/' });
      if (next() >= 0.25) continue;
      const cart = view + between(60, 1200) * SECOND;
      if (!event(visitor, 'add_to_cart', cart, { url: 'https://shop.example/cart' })) continue;
      if (next() >= 0.4) continue;
      event(visitor, 'purchase', cart + buyDelay(), { url: 'https://shop.example/thanks', order_id: `${visitor}-order`, revenue: 60 });
    }
    // Leads: each qualifies, is accepted by sales and becomes a customer with falling chances, days apart.
    const leads = Math.floor(next() * 3);
    for (let i = 0; i < leads; i++) {
      const customer = `lead-${date}-${i}`;
      const channel = ['Paid Search', 'Paid Social', 'Email'][Math.floor(next() * 3)];
      let at = midnight + between(9 * 3600, 17 * 3600) * SECOND;
      const stages = ['lead', 'mql', 'sql', 'customer'] as const;
      const chances = [1, 0.6, 0.55, 0.5];
      for (let k = 0; k < stages.length; k++) {
        if (k > 0) {
          if (next() >= chances[k]) break;
          at += between(1 * DAY, 12 * DAY) + between(0, 6 * 3600) * SECOND;
        }
        if (at > last) break;
        lifecycle.push({ customer_id: customer, stage: stages[k], timestamp: iso(at), channel });
      }
    }
  }
  return { events, lifecycle };
}
