import { describe, expect, it } from 'vitest';
import type { CohortActivity } from '../warehouse/warehouse.js';
import { everyone, groupsByKey, OTHER_KEY } from './cohort-groups.js';

const size = (cohort: string, key: string, customers: number, churners = 0) => ({ cohort, key, customers, churners });
const period = (cohort: string, key: string, k: number, purchasers: number, revenue: number) => ({ cohort, key, period: k, purchasers, subscribers: 0, survivors: 0, revenue });

// Email: 3 customers in January (2 buy then, 1 in February); Direct: 1 in January, 4 in February; Social: 2 in February.
const ACTIVITY: CohortActivity = {
  cohorts: [size('2026-01-01', 'Direct', 1), size('2026-01-01', 'Email', 3, 1), size('2026-02-01', 'Direct', 4), size('2026-02-01', 'Social', 2)],
  periods: [
    period('2026-01-01', 'Direct', 0, 1, 10),
    period('2026-01-01', 'Email', 0, 2, 30),
    period('2026-01-01', 'Email', 1, 1, 5),
    period('2026-02-01', 'Direct', 0, 4, 40),
    period('2026-02-01', 'Social', 0, 1, 7),
  ],
};

describe('everyone', () => {
  it('adds the keys up per cohort and period', () => {
    expect(everyone(ACTIVITY)).toEqual({
      key: null,
      customers: 10,
      sizes: [
        { cohort: '2026-01-01', key: null, customers: 4, churners: 1 },
        { cohort: '2026-02-01', key: null, customers: 6, churners: 0 },
      ],
      periods: [
        { cohort: '2026-01-01', key: null, period: 0, purchasers: 3, subscribers: 0, survivors: 0, revenue: 40 },
        { cohort: '2026-01-01', key: null, period: 1, purchasers: 1, subscribers: 0, survivors: 0, revenue: 5 },
        { cohort: '2026-02-01', key: null, period: 0, purchasers: 5, subscribers: 0, survivors: 0, revenue: 47 },
      ],
    });
  });
});

describe('groupsByKey', () => {
  it('orders the keys by customers, then by name', () => {
    expect(groupsByKey(ACTIVITY).map((g) => [g.key, g.customers, g.sizes.length, g.periods.length])).toEqual([
      ['Direct', 5, 2, 2],
      ['Email', 3, 1, 2],
      ['Social', 2, 1, 1],
    ]);
  });

  it('merges the smallest keys past the limit into one', () => {
    const groups = groupsByKey(ACTIVITY, 2);
    expect(groups.map((g) => [g.key, g.customers])).toEqual([
      ['Direct', 5],
      [OTHER_KEY, 5],
    ]);
    // Email's January and Social's February, as one key.
    expect(groups[1].sizes).toEqual([
      { cohort: '2026-01-01', key: OTHER_KEY, customers: 3, churners: 1 },
      { cohort: '2026-02-01', key: OTHER_KEY, customers: 2, churners: 0 },
    ]);
  });
});
