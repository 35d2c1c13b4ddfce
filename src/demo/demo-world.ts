// The demo world as data: every way a visit can arrive (paid campaigns, email,
// organic channels) with its volume, conversion profile, prices and response
// curve. Generators only read this table, so the story (which campaign wins,
// which one loses money, which one saturates) is tuned in one place.

import { blogPaths, collectionPaths, GIFTING_PATH, productPaths } from './demo-site.js';

export type ChannelGroup = 'Paid Search' | 'Paid Social' | 'Email' | 'Organic Search' | 'Organic Social' | 'Referral' | 'Direct';
export type Objective = 'awareness' | 'consideration' | 'conversion' | 'retention';
export type Currency = 'USD' | 'EUR' | 'GBP';

/** Weekday multipliers, Monday first. */
type WeekdayProfile = readonly [number, number, number, number, number, number, number];
const RETAIL: WeekdayProfile = [0.93, 0.94, 0.95, 0.98, 1.03, 1.13, 1.15];
const SEARCH: WeekdayProfile = [1.0, 0.99, 0.98, 0.99, 1.0, 1.05, 1.06];
const B2B: WeekdayProfile = [1.18, 1.2, 1.18, 1.13, 0.98, 0.42, 0.38];
const FLAT: WeekdayProfile = [1, 1, 1, 1, 1, 1, 1];

export interface AdSpec {
  readonly id: string;
  readonly name: string;
  readonly groupId: string;
  readonly groupName: string;
  /** Share of the campaign's clicks this ad wins. */
  readonly weight: number;
  /** Multiplier on the campaign CTR (better creatives earn more clicks per impression). */
  readonly ctrFactor: number;
}

/** How volume, price and conversion rate respond when spend is pushed up. */
export interface ResponseCurve {
  /** Spend multiplier at the first and at the last day (linear in between). */
  readonly spendFrom: number;
  readonly spendTo: number;
  /** clicks ∝ spend^clickElasticity, conversions ∝ spend^conversionElasticity. */
  readonly clickElasticity: number;
  readonly conversionElasticity: number;
}

interface SourceBase {
  readonly id: string;
  readonly channel: ChannelGroup;
  /** Relative weight among first visits, among later visits, among repeat-purchase visits. */
  readonly newWeight: number;
  readonly returningWeight: number;
  readonly repeatWeight: number;
  /** Purchase probability of a session arriving this way (before visitor intent). */
  readonly cvr: number;
  /** Mean order value of those purchases, USD. */
  readonly aov: number;
  /** Probability a session submits the corporate-gifting lead form. */
  readonly leadRate: number;
  readonly landingPaths: readonly string[];
  readonly weekday: WeekdayProfile;
}

export interface PaidSource extends SourceBase {
  readonly kind: 'paid';
  readonly name: string;
  readonly platform: 'google_ads' | 'meta_ads' | 'linkedin_ads' | 'tiktok_ads';
  readonly objective: Objective;
  readonly currency: Currency;
  /** Running window as fractions of the period. */
  readonly activeFrom: number;
  readonly activeTo: number;
  /** Days the campaign had been live before the period began (for start_date). */
  readonly liveDaysBefore: number;
  /** Cost per click or per thousand impressions, in the campaign currency. */
  readonly pricing: { readonly model: 'cpc'; readonly cpc: number } | { readonly model: 'cpm'; readonly cpm: number };
  readonly ctr: number;
  readonly curve?: ResponseCurve;
  readonly utmSources: readonly string[];
  readonly utmMedium: string;
  readonly clickIdParam: 'gclid' | 'fbclid' | 'ttclid' | 'li_fat_id';
  /** Share of landings that carry UTM tags (the rest carry only the click id). */
  readonly utmShare: number;
  readonly referrers: readonly string[];
  /** Share of clicks preceded by a first-party `ad_impression` event. */
  readonly impressionShare: number;
  /** Share of all visitors who see the ad without clicking (view-only impressions). */
  readonly viewOnlyShare: number;
  /**
   * Platforms over-claim: they report this multiple of the purchases first-party
   * data credits to the campaign (last non-direct touch, 30 days), through wider
   * windows, view-through and modelled conversions.
   */
  readonly overclaim: number;
  readonly engagement?: { readonly like: number; readonly share: number; readonly comment: number };
  readonly video?: { readonly viewRate: number; readonly completionRate: number };
  readonly ads: readonly AdSpec[];
}

export interface EmailSource extends SourceBase {
  readonly kind: 'email';
  readonly name: string;
  readonly objective: 'retention';
  /** Weekly on a weekday (0 = Monday), or a burst of sends at period fractions. */
  readonly cadence: { readonly weekly: number } | { readonly burst: readonly number[] };
  readonly sendHourUtc: number;
  readonly openRate: number;
  /** Clicks as a share of opens. */
  readonly clickRate: number;
}

export interface OrganicSource extends SourceBase {
  readonly kind: 'organic';
  readonly referrerSet: 'search' | 'social' | 'blog' | 'none';
}

export type TrafficSource = PaidSource | EmailSource | OrganicSource;

const NO_LEADS = 0;

function ads(prefix: string, specs: readonly (readonly [string, string, string, number, number])[]): AdSpec[] {
  return specs.map(([group, groupName, name, weight, ctrFactor], i) => ({
    id: `ad_${prefix}_${i + 1}`,
    name,
    groupId: `adg_${prefix}_${group}`,
    groupName,
    weight,
    ctrFactor,
  }));
}

export const PAID_SOURCES: readonly PaidSource[] = [
  {
    kind: 'paid', id: 'cmp_google_brand', name: 'Search – Brand', platform: 'google_ads', channel: 'Paid Search',
    objective: 'conversion', currency: 'USD', activeFrom: 0, activeTo: 1, liveDaysBefore: 400,
    newWeight: 5, returningWeight: 13, repeatWeight: 25, cvr: 0.062, aov: 96, leadRate: 0.001,
    pricing: { model: 'cpc', cpc: 0.82 }, ctr: 0.14, weekday: SEARCH,
    utmSources: ['google'], utmMedium: 'cpc', clickIdParam: 'gclid', utmShare: 0.9, referrers: ['https://www.google.com/'],
    impressionShare: 0.1, viewOnlyShare: 0, overclaim: 1.22, landingPaths: ['/', '/', '/collections/new-arrivals'],
    ads: ads('google_brand', [['core', 'Brand – Core', 'RSA – Official Store', 6, 1.05], ['core', 'Brand – Core', 'RSA – Free Shipping Over $75', 3, 0.95], ['products', 'Brand + Product', 'RSA – Brand Rain Jackets', 2, 0.9]]),
  },
  {
    kind: 'paid', id: 'cmp_google_generic', name: 'Search – Generic Outdoor Apparel', platform: 'google_ads', channel: 'Paid Search',
    objective: 'conversion', currency: 'USD', activeFrom: 0, activeTo: 1, liveDaysBefore: 180,
    newWeight: 10, returningWeight: 3, repeatWeight: 0, cvr: 0.022, aov: 88, leadRate: 0.003,
    pricing: { model: 'cpc', cpc: 1.38 }, ctr: 0.038, weekday: SEARCH,
    utmSources: ['google'], utmMedium: 'cpc', clickIdParam: 'gclid', utmShare: 0.9, referrers: ['https://www.google.com/'],
    impressionShare: 0.1, viewOnlyShare: 0, overclaim: 1.22, landingPaths: ['/collections/jackets', '/collections/footwear', '/collections/base-layers', '/collections/backpacks'],
    ads: ads('google_generic', [['jackets', 'Rain Jackets', 'RSA – Waterproof Jackets', 4, 1.1], ['boots', 'Hiking Boots', 'RSA – Trail-Ready Boots', 3, 1], ['layers', 'Base Layers', 'RSA – Merino Base Layers', 2, 0.85]]),
  },
  {
    // Spend is pushed up 5.5× over the period; the catalog audience is finite, so
    // clicks get dearer and less qualified: conversions ∝ spend^0.4.
    kind: 'paid', id: 'cmp_google_pmax', name: 'Performance Max – Shopping Catalog', platform: 'google_ads', channel: 'Paid Search',
    objective: 'conversion', currency: 'USD', activeFrom: 0, activeTo: 1, liveDaysBefore: 30,
    newWeight: 7, returningWeight: 0.8, repeatWeight: 0, cvr: 0.05, aov: 78, leadRate: NO_LEADS,
    pricing: { model: 'cpc', cpc: 0.55 }, ctr: 0.012, weekday: RETAIL,
    curve: { spendFrom: 1, spendTo: 5.5, clickElasticity: 0.65, conversionElasticity: 0.4 },
    utmSources: ['google'], utmMedium: 'cpc', clickIdParam: 'gclid', utmShare: 0.85, referrers: ['https://www.google.com/'],
    impressionShare: 0.15, viewOnlyShare: 0, overclaim: 1.22, landingPaths: productPaths,
    ads: ads('google_pmax', [['catalog', 'All Products', 'Product Feed – All Products', 5, 1], ['bestsellers', 'Asset Group – Bestsellers', 'Asset Group – Bestsellers', 3, 1.1]]),
  },
  {
    kind: 'paid', id: 'cmp_meta_prospecting', name: 'Meta – Prospecting Lookalikes', platform: 'meta_ads', channel: 'Paid Social',
    objective: 'consideration', currency: 'USD', activeFrom: 0, activeTo: 1, liveDaysBefore: 60,
    newWeight: 11, returningWeight: 2, repeatWeight: 0, cvr: 0.013, aov: 84, leadRate: NO_LEADS,
    pricing: { model: 'cpc', cpc: 0.74 }, ctr: 0.011, weekday: RETAIL,
    utmSources: ['facebook', 'instagram'], utmMedium: 'paid_social', clickIdParam: 'fbclid', utmShare: 0.95, referrers: ['https://l.facebook.com/', 'https://www.instagram.com/'],
    impressionShare: 0.55, viewOnlyShare: 0.12, overclaim: 1.35, landingPaths: [...productPaths.slice(0, 8), '/collections/new-arrivals'],
    engagement: { like: 0.004, share: 0.0006, comment: 0.0004 },
    ads: ads('meta_prospecting', [['lookalike', 'Lookalike 1% – Purchasers', 'Carousel – Fall Layers', 4, 1], ['lookalike', 'Lookalike 1% – Purchasers', 'UGC Video – Trail Test', 4, 1.2], ['interests', 'Interests – Hiking & Camping', 'Static – Rain Jacket', 2, 0.8]]),
  },
  {
    // Reported in EUR: the ad account was opened by the European entity.
    kind: 'paid', id: 'cmp_meta_retargeting', name: 'Meta – Retargeting Site Visitors 30d', platform: 'meta_ads', channel: 'Paid Social',
    objective: 'conversion', currency: 'EUR', activeFrom: 0, activeTo: 1, liveDaysBefore: 240,
    newWeight: 0, returningWeight: 12, repeatWeight: 12, cvr: 0.052, aov: 92, leadRate: NO_LEADS,
    pricing: { model: 'cpc', cpc: 0.78 }, ctr: 0.019, weekday: RETAIL,
    utmSources: ['facebook', 'instagram'], utmMedium: 'retargeting', clickIdParam: 'fbclid', utmShare: 0.95, referrers: ['https://l.facebook.com/', 'https://www.instagram.com/'],
    impressionShare: 0.6, viewOnlyShare: 0, overclaim: 1.35, landingPaths: [...productPaths, '/cart'],
    engagement: { like: 0.003, share: 0.0003, comment: 0.0002 },
    ads: ads('meta_retargeting', [['viewers', 'Product Viewers 14d', 'Dynamic Product Ad', 6, 1.1], ['carts', 'Cart Abandoners 7d', 'Free Shipping Reminder', 3, 0.9]]),
  },
  {
    // Corporate gifting on LinkedIn: dear clicks, few buyers. Money-losing by design.
    kind: 'paid', id: 'cmp_linkedin_gifting', name: 'LinkedIn – Corporate Gifting B2B', platform: 'linkedin_ads', channel: 'Paid Social',
    objective: 'conversion', currency: 'USD', activeFrom: 0, activeTo: 1, liveDaysBefore: 45,
    newWeight: 2.2, returningWeight: 0.5, repeatWeight: 0, cvr: 0.0035, aov: 160, leadRate: 0.05,
    pricing: { model: 'cpc', cpc: 8.6 }, ctr: 0.0045, weekday: B2B,
    utmSources: ['linkedin'], utmMedium: 'paid_social', clickIdParam: 'li_fat_id', utmShare: 1, referrers: ['https://www.linkedin.com/'],
    impressionShare: 0.4, viewOnlyShare: 0.01, overclaim: 1.4, landingPaths: [GIFTING_PATH],
    engagement: { like: 0.002, share: 0.0002, comment: 0.0003 },
    ads: ads('linkedin_gifting', [['hr', 'HR & People Ops Leaders', 'Sponsored Content – Team Gifts', 6, 1], ['office', 'Office & Facilities Managers', 'Document Ad – Gifting Catalog', 4, 0.9]]),
  },
  {
    kind: 'paid', id: 'cmp_tiktok_awareness', name: 'TikTok – Trail Stories Awareness', platform: 'tiktok_ads', channel: 'Paid Social',
    objective: 'awareness', currency: 'USD', activeFrom: 0.15, activeTo: 0.8, liveDaysBefore: 0,
    newWeight: 5, returningWeight: 0.5, repeatWeight: 0, cvr: 0.006, aov: 72, leadRate: NO_LEADS,
    pricing: { model: 'cpm', cpm: 6.5 }, ctr: 0.0042, weekday: RETAIL,
    utmSources: ['tiktok'], utmMedium: 'paid_social', clickIdParam: 'ttclid', utmShare: 0.9, referrers: ['https://www.tiktok.com/'],
    impressionShare: 0.7, viewOnlyShare: 0.18, overclaim: 1.35, landingPaths: ['/products/ridgeline-rain-jacket', '/products/granite-hiking-boots', '/products/basecamp-backpack-40l'],
    engagement: { like: 0.012, share: 0.0015, comment: 0.0009 }, video: { viewRate: 0.32, completionRate: 0.21 },
    ads: ads('tiktok_awareness', [['broad', 'Broad 18–34', 'Spark Ad – Creator Day Hike', 6, 1.15], ['broad', 'Broad 18–34', 'In-house – Jacket Rain Test', 4, 0.8]]),
  },
];

export const EMAIL_SOURCES: readonly EmailSource[] = [
  {
    kind: 'email', id: 'cmp_email_newsletter', name: 'Trail Notes – Weekly Newsletter', channel: 'Email', objective: 'retention',
    cadence: { weekly: 3 }, sendHourUtc: 15, openRate: 0.34, clickRate: 0.1,
    newWeight: 0, returningWeight: 0, repeatWeight: 0, cvr: 0.045, aov: 90, leadRate: NO_LEADS,
    landingPaths: ['/collections/new-arrivals', ...blogPaths.slice(0, 2), productPaths[0]], weekday: FLAT,
  },
  {
    kind: 'email', id: 'cmp_email_sale', name: 'Mid-Season Sale – Email Series', channel: 'Email', objective: 'retention',
    cadence: { burst: [0.55, 0.58, 0.62] }, sendHourUtc: 14, openRate: 0.38, clickRate: 0.16,
    newWeight: 0, returningWeight: 0, repeatWeight: 0, cvr: 0.065, aov: 82, leadRate: NO_LEADS,
    landingPaths: ['/collections/sale'], weekday: FLAT,
  },
];

export const ORGANIC_SOURCES: readonly OrganicSource[] = [
  {
    kind: 'organic', id: 'organic_search', channel: 'Organic Search', referrerSet: 'search',
    newWeight: 27, returningWeight: 14, repeatWeight: 15, cvr: 0.021, aov: 90, leadRate: 0.001,
    landingPaths: [...blogPaths, ...productPaths, ...collectionPaths.slice(0, 5), '/'], weekday: SEARCH,
  },
  {
    kind: 'organic', id: 'direct', channel: 'Direct', referrerSet: 'none',
    newWeight: 11, returningWeight: 32, repeatWeight: 48, cvr: 0.034, aov: 94, leadRate: 0.001,
    landingPaths: ['/', '/', '/', '/collections/new-arrivals', '/cart'], weekday: FLAT,
  },
  {
    kind: 'organic', id: 'organic_social', channel: 'Organic Social', referrerSet: 'social',
    newWeight: 8, returningWeight: 4, repeatWeight: 0, cvr: 0.009, aov: 80, leadRate: NO_LEADS,
    landingPaths: [...productPaths.slice(0, 6), blogPaths[1]], weekday: RETAIL,
  },
  {
    kind: 'organic', id: 'referral', channel: 'Referral', referrerSet: 'blog',
    newWeight: 5, returningWeight: 2, repeatWeight: 0, cvr: 0.026, aov: 98, leadRate: 0.002,
    landingPaths: ['/products/ridgeline-rain-jacket', '/products/granite-hiking-boots', '/products/basecamp-backpack-40l', '/collections/jackets'], weekday: FLAT,
  },
];

/** Every arrival route, in a fixed order: indexes into this list identify sources in plans. */
export const SOURCES: readonly TrafficSource[] = [...PAID_SOURCES, ...EMAIL_SOURCES, ...ORGANIC_SOURCES];

export function sourceIndex(id: string): number {
  const index = SOURCES.findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`unknown demo source ${id}`);
  return index;
}

/** Visitor-level behaviour that is not tied to one arrival route. */
export const AUDIENCE = {
  /** Share of visitors already on the mailing list (known customer ids) when the period starts. */
  subscriberShare: 0.12,
  botShare: 0.015,
  /** Sessions per visitor before email and repeat visits: weights for 1…6. */
  sessionCountWeights: [58, 20, 10, 6, 4, 2],
  meanDaysBetweenSessions: 6,
  /** First visits are drawn from this many days before the period too (their later visits fall inside). */
  priorVisitorDays: 42,
  /** Lognormal spread of the visitor's purchase intent (mean 1). */
  intentSigma: 0.6,
  returningCvrBoost: 1.3,
  signupRate: 0.03,
  /** Share of buyers who opt into the newsletter at checkout. */
  buyerOptIn: 0.55,
  /** Share of identified customers who also browse on a second device. */
  secondDeviceShare: 0.2,
  explicitSessionIdShare: 0.15,
  /** Repeat purchases per 30 days of a buyer: Gamma(shape, scale), as BG/NBD assumes. */
  repeatRate: { shape: 0.8, scale: 0.3 },
  subscriptionShare: 0.18,
  /** Checkout reach and completion; the green button lifts completion. */
  checkoutCompletion: 0.5,
  greenLift: 1.12,
} as const;
