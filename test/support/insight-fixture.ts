// A small hand-built data set for explaining a change and judging segments.
// Two weeks of paid media on two channels — Paid Search (google_ads, campaign
// g1) and Paid Social (meta_ads, campaign m1) — with purchases from visits
// tagged with each campaign's UTM parameters:
//
//                    previous 2026-11-01…07        current 2026-11-08…14
//                    cost  clicks  conversions     cost  clicks  conversions
//   Paid Search      600   600     30              660   600     30
//   Paid Social      400   400     20              440   400     14
//   workspace        1000  1000    50 (CPA 20)     1100  1000    44 (CPA 25)
//
// And one week (2026-10-01…07) of five campaigns' impressions and clicks for
// CTR by campaign: "big" at 1 % on 200,000 impressions, "tiny" with 0 clicks
// of 50 impressions, and three others near 3 %.

export const PREVIOUS = { from: '2026-11-01', to: '2026-11-07' };
export const CURRENT = { from: '2026-11-08', to: '2026-11-14' };
export const CTR_WEEK = { from: '2026-10-01', to: '2026-10-07' };

const GOOGLE = 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=g1';
const META = 'https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=m1';

export const adRows = (): Record<string, unknown>[] => [
  { date: '2026-11-03', platform: 'google_ads', campaign_id: 'g1', impressions: 30000, clicks: 600, cost: 600 },
  { date: '2026-11-03', platform: 'meta_ads', campaign_id: 'm1', impressions: 40000, clicks: 400, cost: 400 },
  { date: '2026-11-10', platform: 'google_ads', campaign_id: 'g1', impressions: 30000, clicks: 600, cost: 660 },
  { date: '2026-11-10', platform: 'meta_ads', campaign_id: 'm1', impressions: 40000, clicks: 400, cost: 440 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'big', impressions: 200000, clicks: 2000, cost: 5000 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'tiny', impressions: 50, clicks: 0, cost: 1 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'r1', impressions: 200000, clicks: 6000, cost: 5000 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'r2', impressions: 100000, clicks: 3000, cost: 2500 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'r3', impressions: 100000, clicks: 2900, cost: 2500 },
];

/** Each conversion: a landing page view from the campaign's ad, then a purchase a few minutes later. */
function buyers(prefix: string, count: number, day: string, url: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const person = `${prefix}${i}`;
    return [
      { event_id: `${person}-view`, type: 'page_view', timestamp: `${day}T12:00:00Z`, anonymous_id: person, url },
      { event_id: `${person}-buy`, type: 'purchase', timestamp: `${day}T12:05:00Z`, anonymous_id: person, url: 'https://shop.example/thanks', revenue: 50, order_id: `o-${person}` },
    ];
  }).flat();
}

export const events = (): Record<string, unknown>[] => [
  ...buyers('gp', 30, '2026-11-04', GOOGLE),
  ...buyers('mp', 20, '2026-11-04', META),
  ...buyers('gc', 30, '2026-11-11', GOOGLE),
  ...buyers('mc', 14, '2026-11-11', META),
];
