// What a cohort matrix does not say by itself: cohorts cut short by the
// dates asked for, the period still running, why no model was fitted, and a
// hint when the data holds subscriptions the chosen activity ignores.
import { periodEnd, periodIndex, periodStart } from '../core/period-index.js';
import type { CohortRequest } from './cohort-input.js';
import type { CohortGroup } from './cohort-groups.js';

/**
 * The notes of a cohort report over everyone's aggregates; `merged` is the
 * number of breakdown keys merged into one.
 *
 * @example cohortNotes(request, everyone(activity), 0)
 * // ['each cohort\'s last period, the month holding today (2026-04-15), is still running (complete: false)', …]
 */
export function cohortNotes(request: CohortRequest, all: CohortGroup, merged: number): string[] {
  const { by, from, to, today } = request;
  if (from > today) return [`from (${from}) is after today (${today}): no cohort has begun`];
  const notes: string[] = [];
  const first = periodIndex(from, by);
  const last = periodIndex(to, by);
  if (all.customers === 0) notes.push(`no customer was acquired from ${from} to ${to}${request.channel === null ? '' : ` through the channel "${request.channel}"`}`);
  if (periodStart(first, by) !== from) notes.push(`the first cohort (${periodStart(first, by)}) holds only customers acquired from ${from}`);
  if (to >= today) notes.push(`cohorts end with the current ${by}: today is ${today}`);
  else if (periodEnd(last, by) !== to) notes.push(`the last cohort (${periodStart(last, by)}) holds only customers acquired up to ${to}`);
  notes.push(`each cohort's last period, the ${by} holding today (${today}), is still running (complete: false)`);
  const churners = all.sizes.reduce((n, s) => n + s.churners, 0);
  if (request.activity === 'purchase' && churners > 0) {
    notes.push(
      `${churners} customer${churners === 1 ? '' : 's'} of these cohorts ${churners === 1 ? 'has' : 'have'} a lifecycle churn record: activity "subscription" counts customers as active while subscribed${request.metric === 'retention' ? ' and fits the retention model' : ''}`,
    );
  }
  if (request.activity === 'subscription' && all.customers > 0 && !all.periods.some((p) => p.subscribers > 0)) {
    notes.push('no customer of these cohorts has a lifecycle stage customer or reactivated: with activity "subscription" nobody is active');
  }
  if (request.metric === 'retention' && request.activity === 'purchase') {
    notes.push(
      'no retention model: the shifted-beta-geometric model assumes contractual churn (a customer leaves once, for good), which purchases do not show (customers skip periods and come back); it is fitted with activity "subscription"; GET /v1/clv models non-contractual customers',
    );
  }
  if (request.metric === 'revenue') {
    notes.push(`revenue: completed orders from each cohort's acquisition ${by} on, in the workspace currency; orders without an fx rate count as purchases but add no revenue`);
  }
  if (merged > 0) notes.push(`the ${merged} smallest ${request.dimension}s are merged into "(other)"`);
  return notes;
}
