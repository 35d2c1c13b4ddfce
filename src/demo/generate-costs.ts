// Non-media marketing costs: the team, the tools, two agency retainers, content
// production and one trade show. Amounts scale with the data set's size so
// fully loaded CAC and MER stay believable for small demo sets too.

import { DAY_MS, dayStartMs, isoDate, type DemoPeriod } from './demo-clock.js';
import { roundMoney } from './demo-money.js';
import type { CostRecord } from './demo-records.js';
import { PAID_SOURCES } from './demo-world.js';
import { firstMonthStart } from './generate-fx-rates.js';
import { createRandom, deriveSeed } from './random.js';
import { isSourceLive } from './source-calendar.js';

type MonthlyCost = Pick<CostRecord, 'category' | 'amount' | 'currency' | 'channel' | 'description'> & { key: string };

/** Recurring costs per month, at the default size (50,000 visitors). */
const MONTHLY: readonly MonthlyCost[] = [
  { key: 'salaries', category: 'salaries', amount: 21_000, currency: 'USD', description: 'Marketing team (3 FTE)' },
  { key: 'esp', category: 'tools', amount: 450, currency: 'USD', channel: 'Email', description: 'Email service provider' },
  { key: 'analytics', category: 'tools', amount: 380, currency: 'USD', description: 'Analytics and BI tools' },
  { key: 'design', category: 'tools', amount: 160, currency: 'USD', description: 'Design suite and stock photos' },
  { key: 'social-agency', category: 'agency', amount: 2_500, currency: 'USD', channel: 'Paid Social', description: 'Paid social agency retainer' },
  { key: 'seo-agency', category: 'agency', amount: 1_600, currency: 'GBP', channel: 'Organic Search', description: 'SEO agency retainer (UK)' },
];

const BLOG_ARTICLES_PER_MONTH = 4;

/** @example generateCosts(period, 1, 42).filter((c) => c.period === 'month') */
export function generateCosts(period: DemoPeriod, scale: number, seed: number): CostRecord[] {
  const rng = createRandom(deriveSeed(seed, 13));
  const rows: CostRecord[] = [];
  const amount = (usd: number): number => roundMoney(usd * scale);
  const dayOf = (fraction: number): string => isoDate(dayStartMs(period, Math.round(fraction * (period.days - 1))));

  const lastDay = period.endMs - DAY_MS;
  for (let month = new Date(firstMonthStart(period)); month.getTime() <= lastDay; month.setUTCMonth(month.getUTCMonth() + 1)) {
    const date = isoDate(month.getTime());
    const ym = date.slice(0, 7);
    for (const item of MONTHLY) {
      const { key, ...fields } = item;
      rows.push({ cost_id: `cost_${ym}_${key}`, date, ...fields, amount: amount(item.amount), period: 'month' });
    }
  }
  for (let day = 0, n = 0; day < period.days; day++) {
    // Freelance blog articles: about four a month, invoiced on publication.
    if (!rng.chance(BLOG_ARTICLES_PER_MONTH / 30)) continue;
    rows.push({
      cost_id: `cost_blog_${String(++n).padStart(3, '0')}`, date: isoDate(dayStartMs(period, day)), category: 'content',
      amount: amount(rng.uniform(280, 420)), currency: 'USD', channel: 'Organic Search', description: 'Freelance blog article',
    });
  }
  const tiktok = PAID_SOURCES.find((c) => c.platform === 'tiktok_ads');
  if (tiktok) {
    const firstLive = Array.from({ length: period.days }, (_, d) => d).find((d) => isSourceLive(tiktok, period, d)) ?? 0;
    rows.push({
      cost_id: 'cost_tiktok_creators', date: isoDate(dayStartMs(period, firstLive)), category: 'content', amount: amount(1_800),
      currency: 'USD', channel: tiktok.channel, campaign_id: tiktok.id, description: 'Creator fees for Trail Stories videos',
    });
  }
  rows.push(
    { cost_id: 'cost_photo_shoot', date: dayOf(0.2), category: 'content', amount: amount(3_400), currency: 'USD', description: 'Seasonal product photo shoot' },
    { cost_id: 'cost_trade_show', date: dayOf(0.4), category: 'events', amount: amount(7_500), currency: 'USD', description: 'Outdoor retailer trade show booth' },
    { cost_id: 'cost_influencer_gifting', date: dayOf(0.5), category: 'other', amount: amount(900), currency: 'USD', channel: 'Organic Social', description: 'Product seeding to outdoor influencers' },
  );
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cost_id < b.cost_id ? -1 : 1));
}
