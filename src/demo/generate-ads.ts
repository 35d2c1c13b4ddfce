// Ad-platform exports derived from the first-party journeys: clicks are the
// paid landings (plus the clicks that never loaded the page), impressions follow
// each ad's CTR, cost follows the bid model and the response curve, and the
// platform's conversions are its own generous count. Also the campaign catalogue.

import { DAY_MS, isoDate, weekdayOf, type DemoPeriod, dayStartMs } from './demo-clock.js';
import { roundMoney } from './demo-money.js';
import type { AdPerformanceRecord, CampaignRecord } from './demo-records.js';
import { EMAIL_SOURCES, PAID_SOURCES, SOURCES, type PaidSource } from './demo-world.js';
import type { AdTally } from './ad-tally.js';
import type { EmailSend } from './email-schedule.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import { clickMultiplier, cpcMultiplier, isSourceLive } from './source-calendar.js';
import { dayDemand } from './traffic-tables.js';

/** Share of platform clicks that arrive as a tracked session (ad blockers, back-button). */
const LANDING_RATE = 0.9;

/** @example generateAdPerformance(period, tally, 42).filter((r) => r.currency === 'EUR') */
export function generateAdPerformance(period: DemoPeriod, tally: AdTally, seed: number): AdPerformanceRecord[] {
  const rows: AdPerformanceRecord[] = [];
  PAID_SOURCES.forEach((campaign, c) => {
    const source = SOURCES.indexOf(campaign);
    const rng = createRandom(deriveSeed(seed, 7, c));
    const liveDays = Array.from({ length: period.days }, (_, d) => d).filter((d) => isSourceLive(campaign, period, d));
    const shape = liveDays.map((d) => dayDemand(period, d) * campaign.weekday[weekdayOf(period, d)] * clickMultiplier(campaign, period, d));
    const shapeTotal = shape.reduce((a, b) => a + b, 0);
    campaign.ads.forEach((_, a) => {
      const adSessions = liveDays.reduce((sum, d) => sum + tally.get(source, a, d).sessions, 0);
      liveDays.forEach((day, i) => {
        // Impressions follow the expected volume as much as the realised one, so a
        // zero-click day on a small data set still shows delivery.
        const expectedSessions = (adSessions * shape[i]) / shapeTotal;
        rows.push(adRow(rng, period, campaign, a, day, tally.get(source, a, day), expectedSessions));
      });
    });
  });
  return rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function adRow(rng: Random, period: DemoPeriod, campaign: PaidSource, a: number, day: number, cell: ReturnType<AdTally['get']>, expected: number): AdPerformanceRecord {
  const ad = campaign.ads[a];
  const clicks = cell.sessions + rng.poisson(Math.max(cell.sessions, expected) * (1 / LANDING_RATE - 1));
  const smoothedClicks = 0.5 * clicks + 0.5 * (expected / LANDING_RATE) + 0.2;
  const impressions = Math.max(clicks, Math.round((smoothedClicks / (campaign.ctr * ad.ctrFactor)) * rng.lognormal(1, 0.12)));
  const cost = campaign.pricing.model === 'cpc'
    ? clicks * campaign.pricing.cpc * cpcMultiplier(campaign, period, day) * rng.lognormal(1, 0.08)
    : (impressions / 1000) * campaign.pricing.cpm * rng.lognormal(1, 0.05);
  const uplift = campaign.overclaim * rng.lognormal(1, 0.05);
  // Google reports fractional (data-driven) conversions; the social platforms whole ones.
  const claimed = cell.creditedConversions * uplift;
  const row: AdPerformanceRecord = {
    date: isoDate(dayStartMs(period, day)),
    platform: campaign.platform,
    campaign_id: campaign.id,
    campaign_name: campaign.name,
    ad_group_id: ad.groupId,
    ad_group_name: ad.groupName,
    ad_id: ad.id,
    ad_name: ad.name,
    impressions,
    clicks,
    cost: roundMoney(cost),
    currency: campaign.currency,
    platform_conversions: campaign.platform === 'google_ads' ? roundMoney(claimed) : Math.round(claimed),
    platform_conversion_value: roundMoney(cell.creditedValue * uplift),
    reach: Math.min(impressions, Math.round(impressions / rng.uniform(1.2, 2.1))),
  };
  if (campaign.engagement) {
    row.likes = rng.poisson(impressions * campaign.engagement.like);
    row.shares = rng.poisson(impressions * campaign.engagement.share);
    row.comments = rng.poisson(impressions * campaign.engagement.comment);
  }
  if (campaign.video) {
    row.video_views = Math.min(impressions, Math.round(impressions * campaign.video.viewRate * rng.lognormal(1, 0.08)));
    row.video_completions = Math.round(row.video_views * campaign.video.completionRate * rng.lognormal(1, 0.08));
  }
  return row;
}

/** Rounds a budget up to a figure a marketer would type. */
function niceCeil(amount: number, step: number): number {
  return Math.max(step, Math.ceil(amount / step) * step);
}

/** The campaign catalogue; paid budgets are set just above what was spent. */
export function generateCampaigns(period: DemoPeriod, ads: readonly AdPerformanceRecord[], sends: readonly EmailSend[]): CampaignRecord[] {
  const spend = new Map<string, Map<string, number>>();
  for (const row of ads) {
    const days = spend.get(row.campaign_id) ?? new Map<string, number>();
    days.set(row.date, (days.get(row.date) ?? 0) + row.cost);
    spend.set(row.campaign_id, days);
  }
  const lastDate = isoDate(period.endMs - DAY_MS);
  const paid = PAID_SOURCES.map((c): CampaignRecord => {
    const daily = [...(spend.get(c.id)?.values() ?? [])];
    const liveDays = Array.from({ length: period.days }, (_, d) => d).filter((d) => isSourceLive(c, period, d));
    const firstDay = dayStartMs(period, liveDays[0] ?? 0);
    const endDate = isoDate(dayStartMs(period, liveDays[liveDays.length - 1] ?? period.days - 1));
    // The ramped campaign's daily budget is its final (highest) level.
    const peakDaily = daily.length ? [...daily].sort((a, b) => a - b)[Math.floor(daily.length * 0.9)] : 0;
    return {
      campaign_id: c.id, name: c.name, platform: c.platform, channel: c.channel, objective: c.objective,
      // Budgets are in the ad account's currency (an extra field the importer keeps).
      currency: c.currency,
      start_date: isoDate(firstDay - c.liveDaysBefore * DAY_MS),
      ...(endDate < lastDate ? { end_date: endDate } : {}),
      budget: niceCeil(daily.reduce((a, b) => a + b, 0) * 1.08, 100),
      daily_budget: niceCeil(peakDaily * 1.1, 5),
      status: endDate < lastDate ? 'ended' : 'active',
    };
  });
  const email = EMAIL_SOURCES.map((c): CampaignRecord => {
    const own = sends.filter((s) => s.campaignId === c.id);
    const first = isoDate(own[0]?.time ?? period.startMs);
    const last = isoDate(own[own.length - 1]?.time ?? period.endMs - DAY_MS);
    const ongoing = 'weekly' in c.cadence;
    return {
      campaign_id: c.id, name: c.name, channel: c.channel, objective: c.objective,
      start_date: ongoing ? isoDate(period.startMs - 700 * DAY_MS) : first,
      ...(ongoing ? {} : { end_date: last }),
      status: ongoing ? 'active' : last < lastDate ? 'ended' : 'active',
    };
  });
  return [...paid, ...email];
}
