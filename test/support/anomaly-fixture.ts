// Twelve weeks of Google Ads spend in a weekly pattern with seeded noise
// (σ 3), a spike and a drop at known days of the last four weeks and a day
// without clicks; Meta spends 10 a day beside it. Shared by the HTTP and CLI
// tests of anomaly detection.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';
import { addDays } from '../../src/core/time.js';
import { normalDraws } from './weekly-series.js';

/** Google Ads spend per weekday, Monday first. */
export const WEEKDAY_COST = [120, 100, 100, 110, 150, 60, 40];
export const FIRST = '2025-03-03'; // a Monday
/** Eight weeks of history, then four weeks judged. */
export const FROM = addDays(FIRST, 56);
export const TO = addDays(FIRST, 83);
/** A Wednesday: 100 → 250. */
export const SPIKE = addDays(FIRST, 58);
/** A Friday: 150 → 20. */
export const DROP = addDays(FIRST, 67);
/** Google Ads has no clicks that day: cost per click has no value. */
export const NO_CLICKS = addDays(FIRST, 75);
export const GOOGLE_ONLY = [{ dimension: 'platform', op: 'in', values: ['google_ads'] }];

export const DAYS = Array.from({ length: 84 }, (_, i) => addDays(FIRST, i));
/** The weekday's spend without noise on day i. */
export const pattern = (i: number) => WEEKDAY_COST[i % 7];
const noise = normalDraws(createSeededRandom(11));
/** Google Ads spend per day, to the cent. */
export const COST = DAYS.map((date, i) => (date === SPIKE ? 250 : date === DROP ? 20 : Math.round((pattern(i) + 3 * noise()) * 100) / 100));

/** The ad_performance records of both platforms. */
export function adRows(): Record<string, string | number>[] {
  return DAYS.flatMap((date, i) => [
    { date, platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: date === NO_CLICKS ? 0 : 50, cost: COST[i] },
    { date, platform: 'meta_ads', campaign_id: 'm1', impressions: 500, clicks: 10, cost: 10 },
  ]);
}
