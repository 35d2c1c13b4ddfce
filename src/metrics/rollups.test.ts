import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from './catalog.js';
import { planQuery, type PlanInput } from './planner.js';

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const base: PlanInput = { metrics: metrics('visitors'), dimensions: [], grain: 'day', filters: [], from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC' };
/** Relation read for each measure of the plan. */
const readFrom = (input: Partial<PlanInput>) =>
  Object.fromEntries(planQuery({ ...base, ...input }).flatMap((q) => q.flowMeasures.map((m) => [m, q.select!.from.name])));

describe('reading visitors from the visitor days', () => {
  it('reads visitor days for days, weeks and whole periods split by traffic attributes', () => {
    expect(readFrom({ dimensions: ['channel'] })).toEqual({ visitors: 'visitor_day_facts' });
    expect(readFrom({ grain: 'week', dimensions: ['device', 'campaign'] })).toEqual({ visitors: 'visitor_day_facts' });
    expect(readFrom({ grain: null, filters: [{ dimension: 'landing_page', op: 'eq', values: ['/'] }] })).toEqual({ visitors: 'visitor_day_facts' });
  });

  it('falls back to the events for hours and for attributes a visitor day does not keep', () => {
    expect(readFrom({ grain: 'hour' })).toEqual({ visitors: 'event_facts' });
    expect(readFrom({ dimensions: ['ad'] })).toEqual({ visitors: 'event_facts' });
    expect(readFrom({ filters: [{ dimension: 'conversion_type', op: 'eq', values: ['purchase'] }] })).toEqual({ visitors: 'event_facts' });
  });

  it('keeps the other event measures on the events, each answered once', () => {
    const plan = planQuery({ ...base, metrics: metrics('visitors', 'pageviews', 'visitor_cvr') });
    expect(plan.map((q) => [q.fact, q.select!.from.name, [...q.flowMeasures].sort()])).toEqual([
      ['events', 'visitor_day_facts', ['visitors']],
      ['events', 'event_facts', ['converting_visitors', 'pageviews']],
    ]);
  });
});
