// A small, seeded marketing data set for the dashboard's browser tests, with
// the sums the tests expect worked out here from the records themselves (not
// by Beacon): four campaigns on two platforms, two ads each, and buyers who
// arrive on one campaign's link and buy in the same visit — so every
// attribution model credits each order to that campaign.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';

export interface DashboardCampaign {
  id: string;
  name: string;
  platform: 'google_ads' | 'meta_ads';
  channel: 'Paid Search' | 'Paid Social';
}

export const DASHBOARD_CAMPAIGNS: readonly DashboardCampaign[] = [
  { id: 'c_brand', name: 'Brand Search', platform: 'google_ads', channel: 'Paid Search' },
  { id: 'c_generic', name: 'Generic Search', platform: 'google_ads', channel: 'Paid Search' },
  { id: 'c_prospect', name: 'Prospecting', platform: 'meta_ads', channel: 'Paid Social' },
  { id: 'c_retarget', name: 'Retargeting', platform: 'meta_ads', channel: 'Paid Social' },
];

export interface AdRow {
  date: string;
  platform: string;
  campaign_id: string;
  campaign_name: string;
  ad_group_id: string;
  ad_id: string;
  impressions: number;
  clicks: number;
  cost: number;
}

export interface Order {
  date: string;
  campaign_id: string;
  revenue: number;
}

export interface DashboardData {
  days: string[];
  ads: AdRow[];
  orders: Order[];
  events: Record<string, unknown>[];
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `days` days of data ending on `end`. */
export function generateDashboardData(end: string, days: number, seed = 7): DashboardData {
  const next = createSeededRandom(seed);
  const dates = Array.from({ length: days }, (_, i) => addDays(end, i - days + 1));
  const ads: AdRow[] = [];
  const orders: Order[] = [];
  const events: Record<string, unknown>[] = [];
  for (const date of dates) {
    for (const campaign of DASHBOARD_CAMPAIGNS) {
      for (const ad of ['a', 'b']) {
        const impressions = 500 + Math.floor(next() * 1500);
        const clicks = Math.floor(impressions * (0.01 + next() * 0.03));
        ads.push({
          date,
          platform: campaign.platform,
          campaign_id: campaign.id,
          campaign_name: campaign.name,
          ad_group_id: `${campaign.id}_group`,
          ad_id: `${campaign.id}_${ad}`,
          impressions,
          clicks,
          cost: Math.round(clicks * (0.4 + next() * 1.2) * 100) / 100,
        });
      }
      const buyers = Math.floor(next() * 4);
      for (let i = 0; i < buyers; i++) {
        const revenue = Math.round((20 + next() * 180) * 100) / 100;
        const visitor = `${campaign.id}-${date}-${i}`;
        const source = campaign.platform === 'google_ads' ? 'google' : 'facebook';
        orders.push({ date, campaign_id: campaign.id, revenue });
        events.push(
          { event_id: `${visitor}-view`, type: 'page_view', timestamp: `${date}T10:00:00Z`, anonymous_id: visitor, url: `https://shop.example/?utm_source=${source}&utm_medium=cpc&utm_campaign=${campaign.id}` },
          { event_id: `${visitor}-buy`, type: 'purchase', timestamp: `${date}T10:05:00Z`, anonymous_id: visitor, url: 'https://shop.example/thanks', revenue, order_id: `${visitor}-order` },
        );
      }
    }
  }
  return { days: dates, ads, orders, events };
}

export interface Scope {
  from: string;
  to: string;
  channel?: string;
  campaign?: string;
}

export interface Sums {
  cost: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
}

const campaignOf = new Map(DASHBOARD_CAMPAIGNS.map((c) => [c.id, c]));
const inScope = (scope: Scope, date: string, campaignId: string) =>
  date >= scope.from &&
  date <= scope.to &&
  (!scope.channel || campaignOf.get(campaignId)!.channel === scope.channel) &&
  (!scope.campaign || campaignId === scope.campaign);

/** The paid-media sums of a scope, added up from the records. */
export function sums(data: DashboardData, scope: Scope): Sums {
  const total: Sums = { cost: 0, impressions: 0, clicks: 0, conversions: 0, revenue: 0 };
  for (const row of data.ads.filter((r) => inScope(scope, r.date, r.campaign_id))) {
    total.cost += row.cost;
    total.impressions += row.impressions;
    total.clicks += row.clicks;
  }
  for (const order of data.orders.filter((o) => inScope(scope, o.date, o.campaign_id))) {
    total.conversions += 1;
    total.revenue += order.revenue;
  }
  return total;
}
