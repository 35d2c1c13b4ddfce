// Visitors, their events, orders and CRM stages. Visitors are planned one at a
// time from their own seeded stream; the eager pass keeps only orders,
// lifecycle rows and ad tallies, and the event stream re-plans each visitor and
// expands it on demand, so the million events never sit in memory together.

import type { DemoPeriod } from './demo-clock.js';
import type { DemoEvent, LifecycleRecord, OrderRecord } from './demo-records.js';
import { AdTally } from './ad-tally.js';
import { planEmailSends } from './email-schedule.js';
import { EventBuffer } from './event-buffer.js';
import { expandSession } from './expand-session.js';
import { expandBackgroundTouches, expandEmailTrail, expandSessionTouches } from './expand-touches.js';
import { planVisitor, type PlanContext } from './plan-visitor.js';
import { buildTrafficTables } from './traffic-tables.js';

export interface JourneyPlans {
  readonly orders: OrderRecord[];
  readonly lifecycle: LifecycleRecord[];
  readonly adTally: AdTally;
}

/** @example const ctx = createPlanContext(period, 42) */
export function createPlanContext(period: DemoPeriod, seed: number): PlanContext {
  return { period, seed, tables: buildTrafficTables(period), sends: planEmailSends(period) };
}

/** Plans every visitor once and keeps what the table sources need. */
export function planJourneys(ctx: PlanContext, visitors: number): JourneyPlans {
  const orders: OrderRecord[] = [];
  const lifecycle: LifecycleRecord[] = [];
  const adTally = new AdTally();
  for (let i = 0; i < visitors; i++) {
    const plan = planVisitor(ctx, i);
    for (const order of plan.orders) orders.push(order);
    for (const row of plan.lifecycle) lifecycle.push(row);
    adTally.add(plan, ctx.period);
  }
  orders.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  lifecycle.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  return { orders, lifecycle, adTally };
}

/**
 * Events visitor by visitor (each visitor's events in time order). Ids are
 * `ev_<seed>_<n>` in stream order, so every iteration yields the same ids.
 */
export function* journeyEvents(ctx: PlanContext, visitors: number): Generator<DemoEvent> {
  const buffer = new EventBuffer(ctx.period);
  let n = 0;
  const nextId = (): string => `ev_${ctx.seed}_${++n}`;
  for (let i = 0; i < visitors; i++) {
    const plan = planVisitor(ctx, i);
    for (const session of plan.sessions) {
      const landing = expandSession(buffer, plan, session, ctx.sends);
      if (!plan.profile.bot) expandSessionTouches(buffer, plan, session, landing);
    }
    expandEmailTrail(buffer, plan, ctx.sends);
    expandBackgroundTouches(buffer, plan, ctx.period);
    yield* buffer.drain(nextId);
  }
}
