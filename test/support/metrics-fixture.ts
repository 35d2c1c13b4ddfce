// A data set for comparing metric results across engines: every source, so
// every catalog metric has rows to work on. Workspace currency USD; EUR money
// converted with fx rates (one day without a rate of its own, one before any
// rate); ad rows at campaign and ad grain; campaigns with objectives; events
// with sessions, ad and email clicks, purchases (one order sent twice),
// emails, scroll, video and social events; lifecycle with MRR, churn and
// reactivation; orders incl. a refunded one and one in EUR; daily, monthly
// and unallocated costs; surveys of each kind. Spans February to April 2026
// and the same weeks of 2025 (for previous_year).
import { createWorkspace } from '../../src/access/workspaces.js';
import { LocalBackend } from '../../src/cli/local-backend.js';
import { refreshWorkspace } from '../../src/warehouse/derive-scheduler.js';
import type { SourceName } from '../../src/model/sources.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

export type DataSet = Partial<Record<SourceName, Record<string, unknown>[]>>;

const LOAD_ORDER: SourceName[] = ['campaigns', 'fx_rates', 'ad_performance', 'costs', 'lifecycle', 'orders', 'surveys', 'events'];

/** Creates a workspace, loads every record through the normal ingestion path and refreshes the derived view. */
export async function loadWorkspace(warehouse: Warehouse, name: string, data: DataSet, options: { currency?: string; timezone?: string } = {}): Promise<void> {
  await createWorkspace(warehouse, name, options);
  const backend = new LocalBackend(warehouse, name, 'test');
  for (const source of LOAD_ORDER) {
    const records = data[source];
    if (!records || records.length === 0) continue;
    const summary = await backend.importRecords({ source, records: records.map((value, index) => ({ index, value })), origin: 'test' });
    if (summary.rejected > 0) throw new Error(`${name}/${source} rejected records: ${JSON.stringify(summary)}`);
  }
  await refreshWorkspace(warehouse, name);
}

const SHOP = 'https://shop.example';
const GOOGLE = `${SHOP}/?utm_source=google&utm_medium=cpc&utm_campaign=C1&utm_content=A1`;
const META = `${SHOP}/?utm_source=facebook&utm_medium=paid_social&utm_campaign=C2`;
const MAIL = `${SHOP}/?utm_source=newsletter&utm_medium=email&utm_campaign=N1`;
let seq = 0;
const ev = (type: string, timestamp: string, anonymous_id: string, extra: Record<string, unknown> = {}) => ({
  event_id: `e${++seq}`, type, timestamp, anonymous_id, ...extra,
});

/** One visitor's visit: an optional click, a landing page view, more pages, a scroll, maybe a purchase. */
function visit(person: string, day: string, hour: number, url: string, extra: { click?: string; order?: string; revenue?: number; currency?: string; user?: string; device?: string; bounce?: boolean; message?: string } = {}) {
  const at = (minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const common = { ...(extra.user ? { user_id: extra.user } : {}), properties: { device: extra.device ?? 'desktop', country: 'US' } };
  const out: Record<string, unknown>[] = [];
  const clickProps = extra.message ? { ...common.properties, message_id: extra.message } : common.properties;
  if (extra.click) out.push(ev(extra.click, at(0), person, { url, ...common, properties: clickProps, ...(extra.message ? { campaign_id: 'N1' } : {}) }));
  out.push(ev('page_view', at(2), person, { url, ...common }));
  if (extra.bounce) return out;
  out.push(ev('page_view', at(5), person, { url: `${SHOP}/p/${person}`, ...common }));
  out.push(ev('scroll', at(6), person, { url: `${SHOP}/p/${person}`, properties: { percent: 25 + (seq % 4) * 25 } }));
  if (extra.order) {
    out.push(ev('purchase', at(9), person, { url: `${SHOP}/checkout`, order_id: extra.order, revenue: extra.revenue ?? 50, ...(extra.currency ? { currency: extra.currency } : {}), ...common }));
  }
  return out;
}

function events(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const days = ['2026-03-02', '2026-03-03', '2026-03-09', '2026-03-16', '2026-03-31', '2026-04-01', '2025-03-03', '2025-03-10'];
  days.forEach((day, i) => {
    out.push(...visit(`g${i}`, day, 10, GOOGLE, { click: 'ad_click', order: `og${i}`, revenue: 40 + i * 10.25, device: 'mobile', user: `cust_g${i}` }));
    out.push(...visit(`m${i}`, day, 13, META, { order: i % 2 ? `om${i}` : undefined, revenue: 19.99, currency: 'EUR' }));
    out.push(...visit(`n${i}`, day, 3, MAIL, { click: 'email_click', order: i % 3 === 0 ? `on${i}` : undefined, revenue: 33.33, user: `cust_n${i}`, message: `msg${i}` }));
    out.push(...visit(`d${i}`, day, 18, `${SHOP}/`, { order: i % 2 ? undefined : `od${i}`, revenue: 12, device: 'tablet' }));
    out.push(...visit(`s${i}`, day, 20, `${SHOP}/blog`, { bounce: i % 2 === 0 }));
    // Emails of a send to three people.
    for (const p of [`n${i}`, `x${i}`, `y${i}`]) {
      out.push(ev('email_sent', `${day}T01:00:00Z`, p, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
      out.push(ev('email_delivered', `${day}T01:01:00Z`, p, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    }
    out.push(ev('email_open', `${day}T02:00:00Z`, `n${i}`, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    out.push(ev('email_open', `${day}T02:10:00Z`, `n${i}`, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    out.push(ev('email_open', `${day}T02:00:00Z`, `x${i}`, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    out.push(ev('email_bounce', `${day}T01:02:00Z`, `y${i}`, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    if (i % 2) out.push(ev('email_unsubscribe', `${day}T02:30:00Z`, `x${i}`, { campaign_id: 'N1', properties: { message_id: `msg${i}` } }));
    // Video and social.
    out.push(ev('video_start', `${day}T13:07:00Z`, `m${i}`, { url: `${SHOP}/v`, properties: { video_id: 'v1' } }));
    out.push(ev(i % 2 ? 'video_complete' : 'video_progress', `${day}T13:08:00Z`, `m${i}`, { url: `${SHOP}/v`, properties: { video_id: 'v1', percent: i % 2 ? 100 : 50 } }));
    out.push(ev('social_impression', `${day}T16:00:00Z`, `soc${i}`, { campaign_id: 'C2' }));
    out.push(ev(['social_like', 'social_share', 'social_comment'][i % 3], `${day}T16:01:00Z`, `soc${i}`, { campaign_id: 'C2' }));
    out.push(ev('ad_impression', `${day}T09:00:00Z`, `g${i}`, { campaign_id: 'C1' }));
    out.push(ev('lead', `${day}T10:20:00Z`, `g${i}`, { url: `${SHOP}/form`, user_id: `cust_g${i}` }));
  });
  // The same order sent twice; a bot.
  out.push(ev('purchase', '2026-03-02T10:10:00Z', 'g0', { url: `${SHOP}/checkout`, order_id: 'og0', revenue: 40, user_id: 'cust_g0' }));
  out.push(ev('page_view', '2026-03-03T05:00:00Z', 'bot', { url: `${SHOP}/`, user_agent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }));
  return out;
}

const adDays = ['2026-02-27', '2026-03-02', '2026-03-03', '2026-03-09', '2026-03-16', '2026-03-31', '2026-04-01', '2025-03-03', '2025-03-10'];

function adRows(): Record<string, unknown>[] {
  return adDays.flatMap((date, i) => [
    { date, platform: 'google_ads', campaign_id: 'C1', impressions: 1000 + i, clicks: 40 + i, cost: 60.5 + i, platform_conversions: 3, platform_conversion_value: 150.25, reach: 800 },
    // Ad grain on some days: those rows supersede the campaign row.
    ...(i % 2
      ? [
          { date, platform: 'google_ads', campaign_id: 'C1', ad_group_id: 'G1', ad_id: 'A1', impressions: 600, clicks: 30, cost: 35.1, reach: 500 },
          { date, platform: 'google_ads', campaign_id: 'C1', ad_group_id: 'G1', ad_id: 'A2', impressions: 400, clicks: 12, cost: 24.9, reach: 300 },
        ]
      : []),
    { date, platform: 'meta_ads', campaign_id: 'C2', impressions: 2000, clicks: 20, cost: 33.33, currency: 'EUR', reach: 1500, likes: 5, shares: 2, comments: 1, platform_conversions: 1, platform_conversion_value: 19.99 },
    { date, platform: 'tiktok_ads', campaign_id: 'T9', campaign_name: 'Untracked', impressions: 300, clicks: 3, cost: 7.77 },
  ]);
}

export const METRICS_DATA: DataSet = {
  campaigns: [
    { campaign_id: 'C1', name: 'Spring Search', platform: 'google_ads', channel: 'Paid Search', objective: 'conversion' },
    { campaign_id: 'C2', name: 'Brand Social', platform: 'meta_ads', objective: 'awareness' },
    { campaign_id: 'N1', name: 'Newsletter', channel: 'Email', objective: 'retention' },
  ],
  fx_rates: [
    { date: '2025-01-01', currency: 'EUR', rate: 1.05 },
    { date: '2026-03-01', currency: 'EUR', rate: 1.1 },
    { date: '2026-03-10', currency: 'EUR', rate: 1.123456 },
  ],
  ad_performance: adRows(),
  costs: [
    { cost_id: 'k1', date: '2026-03-02', category: 'tools', amount: 100, channel: 'Paid Search' },
    { cost_id: 'k2', date: '2026-03-01', category: 'salaries', amount: 3100, period: 'month' },
    { cost_id: 'k3', date: '2026-03-05', category: 'agency', amount: 250, currency: 'EUR', campaign_id: 'C2' },
    { cost_id: 'k4', date: '2026-02-15', category: 'content', amount: 1000, currency: 'EUR', period: 'month', channel: 'Email' },
    { cost_id: 'k5', date: '2025-03-03', category: 'events', amount: 500 },
  ],
  lifecycle: [
    { customer_id: 'cust_g0', stage: 'lead', timestamp: '2026-03-02T10:20:00Z' },
    { customer_id: 'cust_g0', stage: 'mql', timestamp: '2026-03-02T11:00:00Z' },
    { customer_id: 'cust_g0', stage: 'sql', timestamp: '2026-03-04T11:00:00Z' },
    { customer_id: 'cust_g0', stage: 'opportunity', timestamp: '2026-03-05T11:00:00Z' },
    { customer_id: 'cust_g0', stage: 'customer', timestamp: '2026-03-06T11:00:00Z', mrr: 99.5 },
    { customer_id: 'cust_g0', stage: 'churned', timestamp: '2026-03-20T11:00:00Z' },
    { customer_id: 'cust_g0', stage: 'reactivated', timestamp: '2026-04-01T11:00:00Z' },
    { customer_id: 'cust_n0', stage: 'lead', timestamp: '2026-03-02T04:00:00Z', channel: 'Email', campaign_id: 'N1' },
    { customer_id: 'cust_n0', stage: 'customer', timestamp: '2026-03-03T04:00:00Z', mrr: 49 },
    { customer_id: 'cust_n0', stage: 'customer', timestamp: '2026-03-17T04:00:00Z', mrr: 59 },
    { customer_id: 'crm1', stage: 'lead', timestamp: '2026-02-20T12:00:00Z', channel: 'Referral' },
    { customer_id: 'crm1', stage: 'mql', timestamp: '2026-03-01T12:00:00Z' },
    { customer_id: 'crm1', stage: 'customer', timestamp: '2026-03-10T12:00:00Z', mrr: 200 },
    { customer_id: 'crm1', stage: 'churned', timestamp: '2026-03-25T12:00:00Z' },
    { customer_id: 'crm2', stage: 'lead', timestamp: '2026-03-09T12:00:00Z', campaign_id: 'C2' },
    { customer_id: 'crm2', stage: 'customer', timestamp: '2025-03-04T12:00:00Z', mrr: 10 },
    { customer_id: 'crm3', stage: 'customer', timestamp: '2026-02-10T12:00:00Z' },
  ],
  orders: [
    { order_id: 'r1', customer_id: 'cust_g0', timestamp: '2026-03-06T12:00:00Z', revenue: 120 },
    { order_id: 'r2', customer_id: 'cust_g0', timestamp: '2026-03-20T12:00:00Z', revenue: 80.1, gross_margin: 0.5 },
    { order_id: 'r3', customer_id: 'crm1', timestamp: '2026-03-11T02:00:00Z', revenue: 99.99, currency: 'EUR' },
    { order_id: 'r4', customer_id: 'crm1', timestamp: '2026-03-12T12:00:00Z', revenue: 50, status: 'refunded' },
    { order_id: 'r5', customer_id: 'shop1', timestamp: '2026-03-16T12:00:00Z', revenue: 75.25 },
    { order_id: 'r6', customer_id: 'shop1', timestamp: '2026-03-31T23:30:00Z', revenue: 10 },
    { order_id: 'r7', customer_id: 'shop2', timestamp: '2025-03-10T12:00:00Z', revenue: 30 },
    { order_id: 'r8', customer_id: 'cust_n0', timestamp: '2026-03-04T12:00:00Z', revenue: 60, status: 'cancelled' },
  ],
  surveys: [
    { response_id: 's1', kind: 'nps', score: 10, timestamp: '2026-03-03T12:00:00Z', customer_id: 'cust_g0', campaign_id: 'C1' },
    { response_id: 's2', kind: 'nps', score: 6, timestamp: '2026-03-09T12:00:00Z' },
    { response_id: 's3', kind: 'nps', score: 8, timestamp: '2026-03-16T12:00:00Z', campaign_id: 'C2' },
    { response_id: 's4', kind: 'csat', score: 4, timestamp: '2026-03-04T12:00:00Z' },
    { response_id: 's5', kind: 'csat', score: 5, timestamp: '2026-03-31T12:00:00Z', campaign_id: 'N1' },
    { response_id: 's6', kind: 'ces', score: 3, timestamp: '2026-03-10T12:00:00Z' },
    { response_id: 's7', kind: 'nps', score: 9, timestamp: '2025-03-04T12:00:00Z' },
  ],
  events: events(),
};
