// The warehouse's cohort aggregates split into groups: everyone (the sum over
// breakdown keys: each customer has one key, so every count adds up), and one
// group per key, largest first, the smallest beyond MAX_KEYS merged into one.
import type { CohortActivity, CohortPeriod, CohortSize } from '../warehouse/warehouse.js';

/** Breakdown keys shown apart; the rest are merged into OTHER_KEY. */
export const MAX_KEYS = 50;
export const OTHER_KEY = '(other)';

/** One group's cohort sizes and periods. */
export interface CohortGroup {
  key: string | null;
  customers: number;
  sizes: CohortSize[];
  periods: CohortPeriod[];
}

/**
 * Everyone's aggregates: sizes summed per cohort, periods per cohort and period.
 *
 * @example everyone({ cohorts: [{ cohort: 'c', key: 'Email', customers: 1, churners: 0 }, { cohort: 'c', key: 'Direct', customers: 2, churners: 1 }], periods: [] })
 * // { key: null, customers: 3, sizes: [{ cohort: 'c', key: null, customers: 3, churners: 1 }], periods: [] }
 */
export function everyone(activity: CohortActivity): CohortGroup {
  return mergeGroup(null, activity.cohorts, activity.periods);
}

/** One group per key, most customers first (then by key); past MAX_KEYS, the rest as one OTHER_KEY group. */
export function groupsByKey(activity: CohortActivity, maxKeys = MAX_KEYS): CohortGroup[] {
  const keys = new Map<string, CohortGroup>();
  const groupOf = (key: string | null) => {
    const name = key ?? '';
    let group = keys.get(name);
    if (!group) keys.set(name, (group = { key: name, customers: 0, sizes: [], periods: [] }));
    return group;
  };
  for (const size of activity.cohorts) {
    const group = groupOf(size.key);
    group.sizes.push(size);
    group.customers += size.customers;
  }
  for (const period of activity.periods) groupOf(period.key).periods.push(period);
  const sorted = [...keys.values()].sort((a, b) => b.customers - a.customers || (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0));
  if (sorted.length <= maxKeys) return sorted;
  const rest = sorted.slice(maxKeys - 1);
  return [...sorted.slice(0, maxKeys - 1), mergeGroup(OTHER_KEY, rest.flatMap((g) => g.sizes), rest.flatMap((g) => g.periods))];
}

function mergeGroup(key: string | null, sizes: readonly CohortSize[], periods: readonly CohortPeriod[]): CohortGroup {
  const bySize = new Map<string, CohortSize>();
  for (const s of sizes) {
    const merged = bySize.get(s.cohort) ?? { cohort: s.cohort, key, customers: 0, churners: 0 };
    bySize.set(s.cohort, { ...merged, customers: merged.customers + s.customers, churners: merged.churners + s.churners });
  }
  const byPeriod = new Map<string, CohortPeriod>();
  for (const p of periods) {
    const id = `${p.cohort} ${p.period}`;
    const merged = byPeriod.get(id) ?? { cohort: p.cohort, key, period: p.period, purchasers: 0, subscribers: 0, survivors: 0, revenue: 0 };
    byPeriod.set(id, {
      ...merged,
      purchasers: merged.purchasers + p.purchasers,
      subscribers: merged.subscribers + p.subscribers,
      survivors: merged.survivors + p.survivors,
      revenue: merged.revenue + p.revenue,
    });
  }
  const mergedSizes = [...bySize.values()];
  return { key, customers: mergedSizes.reduce((n, s) => n + s.customers, 0), sizes: mergedSizes, periods: [...byPeriod.values()] };
}
