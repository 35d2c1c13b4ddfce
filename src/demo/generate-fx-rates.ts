// Daily exchange rates (USD per unit) for the currencies the demo's records
// use: EUR for the European ad account, GBP for the UK agency. A slow,
// mean-reverting drift keeps them believable without ever leaving a sane band.

import { DAY_MS, isoDate, type DemoPeriod } from './demo-clock.js';
import type { FxRateRecord } from './demo-records.js';
import { createRandom, deriveSeed } from './random.js';

const CURRENCIES = [
  { currency: 'EUR', centre: 1.08, dailySd: 0.0035 },
  { currency: 'GBP', centre: 1.27, dailySd: 0.004 },
] as const;

/** First day of the month that contains the period's first day: monthly costs are dated there. */
export function firstMonthStart(period: DemoPeriod): number {
  const start = new Date(period.startMs);
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
}

/** @example generateFxRates(period, 42).find((r) => r.currency === 'EUR')?.rate // ≈ 1.08 */
export function generateFxRates(period: DemoPeriod, seed: number): FxRateRecord[] {
  const rows: FxRateRecord[] = [];
  const from = firstMonthStart(period);
  CURRENCIES.forEach(({ currency, centre, dailySd }, c) => {
    const rng = createRandom(deriveSeed(seed, 11, c));
    let rate = centre * rng.lognormal(1, 0.01);
    for (let ms = from; ms < period.endMs; ms += DAY_MS) {
      rows.push({ date: isoDate(ms), currency, rate: Math.round(rate * 10_000) / 10_000 });
      rate += 0.05 * (centre - rate) + rng.normal(0, dailySd);
    }
  });
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.currency < b.currency ? -1 : 1));
}
