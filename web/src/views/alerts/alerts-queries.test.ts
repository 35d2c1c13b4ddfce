import { describe, expect, it } from 'vitest';
import type { AlertFiring } from '../../api/client';
import { chartPoints, chartQuery, chartWindow, markedIndex, referenceLine, selectedFiring } from './alerts-queries';

describe('the chart window of a firing', () => {
  it('ends on the firing’s day and starts 29 days earlier, 30 days in all', () => {
    // 2026-12-07 − 29 days: 7 days back to 2026-11-30, 22 more to 2026-11-08.
    expect(chartWindow({ metrics: ['cost'], from: '2026-12-07', to: '2026-12-07', grain: 'day' })).toEqual({ from: '2026-11-08', to: '2026-12-07', grain: 'day', marked: '2026-12-07' });
  });

  it('counts weeks from the Monday of the firing’s week', () => {
    // 2026-12-10 is a Thursday; its Monday is 2026-12-07; 29 weeks (203 days) before it is Monday 2026-05-18.
    expect(chartWindow({ metrics: ['cost'], from: '2026-12-07', to: '2026-12-10', grain: 'week' })).toEqual({ from: '2026-05-18', to: '2026-12-10', grain: 'week', marked: '2026-12-07' });
  });

  it('counts months from the first of the firing’s month, across years', () => {
    // December 2026 back 29 months: July 2024.
    expect(chartWindow({ metrics: ['cost'], from: '2026-12-01', to: '2026-12-07', grain: 'month' })).toEqual({ from: '2024-07-01', to: '2026-12-07', grain: 'month', marked: '2026-12-01' });
  });

  it('reads the last two days for hours, and a day grain for a query without one (a goal)', () => {
    expect(chartWindow({ metrics: ['cost'], from: '2026-12-06', to: '2026-12-07', grain: 'hour' })).toEqual({ from: '2026-12-06', to: '2026-12-07', grain: 'hour', marked: null });
    expect(chartWindow({ metrics: ['revenue'], from: '2026-10-01', to: '2026-12-07' }).from).toBe('2026-11-08');
  });
});

describe('the chart query', () => {
  const filters = [{ dimension: 'channel' as const, op: 'eq' as const, values: ['Paid Search'] }];
  it('asks the firing’s metric with its filters over the window, not per segment', () => {
    const query = { metrics: ['cpa'], from: '2026-12-07', to: '2026-12-07', grain: 'day' as const, dimensions: ['campaign'], filters };
    expect(chartQuery({ metric: 'cpa', query })).toEqual({ metrics: ['cpa'], grain: 'day', from: '2026-11-08', to: '2026-12-07', filters });
  });

  it('asks nothing for a funnel, whose query names no metric', () => {
    expect(chartQuery({ metric: 'funnel_conversion', query: { metrics: [], from: '2026-12-07', to: '2026-12-07' } })).toBeNull();
  });

  it('reads the buckets from the answer’s time column and marks the firing’s', () => {
    const answer = {
      columns: [
        { name: 'date', kind: 'time' as const, label: 'Date' },
        { name: 'cost', kind: 'metric' as const, label: 'Cost' },
      ],
      rows: [
        { date: '2026-12-05', cost: 210.5 },
        { date: '2026-12-06', cost: null },
        { date: '2026-12-07', cost: 500 },
      ],
    };
    const points = chartPoints(answer, 'cost');
    expect(points).toEqual([
      { bucket: '2026-12-05', value: 210.5 },
      { bucket: '2026-12-06', value: null },
      { bucket: '2026-12-07', value: 500 },
    ]);
    expect(markedIndex(points, '2026-12-07')).toBe(2);
    expect(markedIndex(points, '2026-12-06')).toBe(1);
    // A bucket the answer left out: the last one before it.
    expect(markedIndex(points.slice(0, 2), '2026-12-07')).toBe(1);
    expect(markedIndex(points, '2026-12-01')).toBe(-1);
    expect(markedIndex(points, null)).toBe(2);
  });
});

describe('the firing shown', () => {
  const firing = (id: string) => ({ id }) as AlertFiring;
  it('is the one the address names, else the newest', () => {
    const firings = [firing('f3'), firing('f2'), firing('f1')];
    expect(selectedFiring(firings, 'f2')?.id).toBe('f2');
    expect(selectedFiring(firings, null)?.id).toBe('f3');
    expect(selectedFiring(firings, 'gone')?.id).toBe('f3');
    expect(selectedFiring([], null)).toBeNull();
  });

  it('draws the threshold a threshold condition crossed, and no line for the other kinds', () => {
    expect(referenceLine({ condition: { kind: 'threshold', op: 'above', value: 250 }, reference: 250 })).toBe(250);
    expect(referenceLine({ condition: { kind: 'threshold', op: 'above', value: 250 }, reference: null })).toBe(250);
    expect(referenceLine({ condition: { kind: 'change', op: 'above', percent: 20 }, reference: 180 })).toBeNull();
  });
});
