// Precomputed sampling tables for "when and through which route does a visit
// arrive". Built once per data set so each visitor's draws cost a binary search,
// not a pass over every source and day.

import { dayStartMs, HOUR_MS, periodFraction, weekdayOf, type DemoPeriod } from './demo-clock.js';
import type { Random } from './random.js';
import { clickMultiplier, isSourceLive } from './source-calendar.js';
import { SOURCES } from './demo-world.js';

/** Share of visits per UTC hour: a US-centred shop peaks in the American evening. */
const HOUR_WEIGHTS = [7, 6, 5, 4, 3, 2, 1.5, 1.2, 1.2, 1.5, 2, 2.5, 3, 3.8, 4.5, 5, 5.2, 5.5, 5.8, 6, 6, 6.2, 6.5, 7];
/** The mid-season sale (see the sale email series) lifts traffic in this window. */
const SALE_WINDOW = [0.55, 0.66] as const;

export type ArrivalMode = 'new' | 'returning' | 'repeat';

export interface TrafficTables {
  /** First visit: (day, source) drawn jointly. */
  pickFirstArrival(rng: Random): { time: number; source: number };
  /** Route of a later visit on a given day; -1 when nothing runs that day. */
  pickSource(rng: Random, mode: Exclude<ArrivalMode, 'new'>, day: number): number;
  /** A time of day on a given day, following the hourly profile. */
  timeOnDay(rng: Random, day: number): number;
}

/** Overall demand of a day: slow growth plus the sale bump. */
export function dayDemand(period: DemoPeriod, day: number): number {
  const f = periodFraction(period, day);
  const sale = f >= SALE_WINDOW[0] && f <= SALE_WINDOW[1] ? 1.15 : 1;
  return (0.92 + 0.16 * f) * sale;
}

function modeWeight(mode: ArrivalMode, index: number): number {
  const s = SOURCES[index];
  return mode === 'new' ? s.newWeight : mode === 'returning' ? s.returningWeight : s.repeatWeight;
}

function sourceWeight(period: DemoPeriod, mode: ArrivalMode, index: number, day: number): number {
  const s = SOURCES[index];
  if (!isSourceLive(s, period, day)) return 0;
  return modeWeight(mode, index) * s.weekday[weekdayOf(period, day)] * clickMultiplier(s, period, day);
}

function cumulative(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  values.forEach((v, i) => (out[i] = sum += v));
  return out;
}

/** Index of the first cumulative entry above r·total (binary search). */
function searchCumulative(table: Float64Array, rng: Random): number {
  const target = rng.next() * table[table.length - 1];
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** @example const tables = buildTrafficTables(period); tables.pickFirstArrival(rng) */
export function buildTrafficTables(period: DemoPeriod): TrafficTables {
  const n = SOURCES.length;
  const joint: number[] = [];
  const perDay: Record<'returning' | 'repeat', Float64Array[]> = { returning: [], repeat: [] };
  for (let day = 0; day < period.days; day++) {
    const demand = dayDemand(period, day);
    for (let s = 0; s < n; s++) joint.push(demand * sourceWeight(period, 'new', s, day));
    for (const mode of ['returning', 'repeat'] as const) {
      perDay[mode].push(cumulative(SOURCES.map((_, s) => sourceWeight(period, mode, s, day))));
    }
  }
  const jointTable = cumulative(joint);
  const hourTable = cumulative(HOUR_WEIGHTS);

  const timeOnDay = (rng: Random, day: number): number =>
    dayStartMs(period, day) + searchCumulative(hourTable, rng) * HOUR_MS + Math.floor(rng.next() * HOUR_MS);

  return {
    pickFirstArrival(rng) {
      const cell = searchCumulative(jointTable, rng);
      const day = Math.floor(cell / n);
      return { time: timeOnDay(rng, day), source: cell % n };
    },
    pickSource(rng, mode, day) {
      const table = perDay[mode][day];
      if (!table || table[table.length - 1] <= 0) return -1;
      return searchCumulative(table, rng);
    },
    timeOnDay,
  };
}
