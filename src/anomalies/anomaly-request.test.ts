// The anomaly request's checks: defaults by grain, and a 400 naming the field
// for a bad date, a reversed range, an unknown option or an out-of-range one.
import { describe, expect, it } from 'vitest';
import { checkAnomalyBody } from './anomaly-request.js';

const fields = (body: Record<string, unknown>) => {
  try {
    checkAnomalyBody(body);
  } catch (err) {
    const { status, details } = err as { status: number; details: { field: string }[] };
    return { status, fields: details.map((d) => d.field) };
  }
  throw new Error('no error');
};

describe('checkAnomalyBody', () => {
  it('fills in day, 0.99, no filters and the training periods of the grain', () => {
    expect(checkAnomalyBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15' })).toEqual({
      metric: 'cost',
      filters: [],
      grain: 'day',
      from: '2026-10-19',
      to: '2026-11-15',
      sensitivity: 0.99,
      trainingPeriods: 56,
    });
    expect(checkAnomalyBody({ metric: 'cost', grain: 'week', from: '2026-10-19', to: '2026-11-15' }).trainingPeriods).toBe(104);
    expect(checkAnomalyBody({ metric: 'cost', grain: 'month', from: '2026-10-19', to: '2026-11-15', sensitivity: 0.95, training_periods: 30 })).toMatchObject({
      sensitivity: 0.95,
      trainingPeriods: 30,
    });
  });

  it('names every bad field in a 400', () => {
    expect(fields({ metric: 'cost', from: '2026-02-30', to: '2026-03-01' })).toEqual({ status: 400, fields: ['from'] });
    expect(fields({ metric: 'cost', from: '2026-03-02', to: '2026-03-01' })).toEqual({ status: 400, fields: ['from'] });
    expect(fields({ metric: 'cost', from: '2026-03-01', to: 'soon' })).toEqual({ status: 400, fields: ['to'] });
    expect(fields({ from: '2026-03-01', to: '2026-03-02', grain: 'hour', sensitivity: 1, training_periods: 3, horizon: 4 })).toEqual({
      status: 400,
      fields: ['metric', 'horizon', 'grain', 'sensitivity', 'training_periods'],
    });
  });
});
