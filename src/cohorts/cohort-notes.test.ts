import { describe, expect, it } from 'vitest';
import type { CohortRequest } from './cohort-input.js';
import type { CohortGroup } from './cohort-groups.js';
import { cohortNotes } from './cohort-notes.js';

const REQUEST: CohortRequest = {
  by: 'month',
  metric: 'retention',
  activity: 'purchase',
  from: '2026-01-01',
  to: '2026-03-31',
  channel: null,
  dimension: null,
  projectionPeriods: 6,
  today: '2026-04-15',
};
const GROUP: CohortGroup = {
  key: null,
  customers: 5,
  sizes: [{ cohort: '2026-01-01', key: null, customers: 5, churners: 0 }],
  periods: [{ cohort: '2026-01-01', key: null, period: 0, purchasers: 5, subscribers: 0, survivors: 0, revenue: 50 }],
};
const RUNNING = "each cohort's last period, the month holding today (2026-04-15), is still running (complete: false)";
const NO_MODEL =
  'no retention model: the shifted-beta-geometric model assumes contractual churn (a customer leaves once, for good), which purchases do not show (customers skip periods and come back); it is fitted with activity "subscription"; GET /v1/clv models non-contractual customers';

describe('cohortNotes', () => {
  it('says the current period is running, and why purchase retention has no model', () => {
    expect(cohortNotes(REQUEST, GROUP, 0)).toEqual([RUNNING, NO_MODEL]);
  });

  it('names cohorts cut short by from and to, and a to after today', () => {
    expect(cohortNotes({ ...REQUEST, from: '2026-01-10', to: '2026-03-20' }, GROUP, 0).slice(0, 2)).toEqual([
      'the first cohort (2026-01-01) holds only customers acquired from 2026-01-10',
      'the last cohort (2026-03-01) holds only customers acquired up to 2026-03-20',
    ]);
    expect(cohortNotes({ ...REQUEST, to: '2026-05-31' }, GROUP, 0)[0]).toBe('cohorts end with the current month: today is 2026-04-15');
  });

  it('says when nothing was acquired, or nothing can have been yet', () => {
    expect(cohortNotes({ ...REQUEST, channel: 'Radio' }, { ...GROUP, customers: 0, sizes: [], periods: [] }, 0)[0]).toBe(
      'no customer was acquired from 2026-01-01 to 2026-03-31 through the channel "Radio"',
    );
    expect(cohortNotes({ ...REQUEST, from: '2026-05-01', to: '2026-05-31' }, GROUP, 0)).toEqual(['from (2026-05-01) is after today (2026-04-15): no cohort has begun']);
  });

  it('points purchase activity at subscriptions when customers have churn records, and says when subscription finds no subscriber', () => {
    const churned = { ...GROUP, sizes: [{ ...GROUP.sizes[0], churners: 2 }] };
    expect(cohortNotes(REQUEST, churned, 0)).toContain(
      '2 customers of these cohorts have a lifecycle churn record: activity "subscription" counts customers as active while subscribed and fits the retention model',
    );
    expect(cohortNotes({ ...REQUEST, activity: 'subscription' }, GROUP, 0)).toContain(
      'no customer of these cohorts has a lifecycle stage customer or reactivated: with activity "subscription" nobody is active',
    );
  });

  it('defines revenue, and counts merged breakdown keys', () => {
    const notes = cohortNotes({ ...REQUEST, metric: 'revenue', dimension: 'campaign' }, GROUP, 12);
    expect(notes).toContain("revenue: completed orders from each cohort's acquisition month on, in the workspace currency; orders without an fx rate count as purchases but add no revenue");
    expect(notes).toContain('the 12 smallest campaigns are merged into "(other)"');
    expect(notes).not.toContain(NO_MODEL);
  });
});
