import { describe, expect, it } from 'vitest';
import { defaultGrain, presetRange, previousRange } from './date-range';
import { formatViewState, parseViewState, queryFilters, withParams } from './url-state';

const today = '2026-12-07';

describe('date ranges', () => {
  it('presets end yesterday, the last complete day; months are calendar months', () => {
    expect(presetRange('last_7', today)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('last_30', today)).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    expect(presetRange('this_month', today)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetRange('last_month', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetRange('last_month', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('the previous period is as long and ends the day before', () => {
    expect(previousRange({ from: '2026-11-07', to: '2026-12-06' })).toEqual({ from: '2026-10-08', to: '2026-11-06' });
  });

  it('picks a grain with a readable number of points', () => {
    expect(defaultGrain({ from: '2026-09-08', to: '2026-12-06' })).toBe('day');
    expect(defaultGrain({ from: '2026-01-01', to: '2026-12-06' })).toBe('week');
    expect(defaultGrain({ from: '2024-01-01', to: '2026-12-06' })).toBe('month');
  });
});

describe('the view state in the address', () => {
  it('defaults to the last 30 days, no filters', () => {
    const { state, problems } = parseViewState('', today);
    expect(state.preset).toBe('last_30');
    expect(state.range).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    expect(queryFilters(state.filters)).toEqual([]);
    expect(problems).toEqual([]);
    expect(formatViewState(state)).toBe('');
  });

  it('round-trips a custom range, filters and view parameters', () => {
    const search = '?from=2026-10-01&to=2026-10-31&channel=Paid+Social%2CEmail&kpis=cost%2Croas&metric=roas';
    const { state } = parseViewState(search, today);
    expect(state.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(queryFilters(state.filters)).toEqual([{ dimension: 'channel', op: 'in', values: ['Paid Social', 'Email'] }]);
    expect(state.params.get('kpis')).toBe('cost,roas');
    expect(parseViewState(formatViewState(state), today).state).toEqual(state);
  });

  it('names a bad value and falls back: unknown preset, malformed date, from after to', () => {
    expect(parseViewState('?range=forever', today).problems[0]).toContain('Unknown date range "forever"');
    const malformed = parseViewState('?from=2026-02-30&to=2026-03-01', today);
    expect(malformed.problems[0]).toContain('"2026-02-30" is not a date');
    expect(malformed.state.range).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    const reversed = parseViewState('?from=2026-03-05&to=2026-03-01', today);
    expect(reversed.problems[0]).toContain('starts (2026-03-05) after it ends (2026-03-01)');
    expect(reversed.state.preset).toBe('last_30');
  });

  it('writes view parameters in without touching the ones given: a string sets one, null removes it', () => {
    const params = new URLSearchParams('kpis=cost&metric=roas');
    expect(withParams(params, { metric: 'ctr', grain: 'week', kpis: null }).toString()).toBe('metric=ctr&grain=week');
    expect(params.toString()).toBe('kpis=cost&metric=roas');
  });
});
