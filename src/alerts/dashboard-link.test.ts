import { describe, expect, it } from 'vitest';
import { dashboardQueryLink } from './dashboard-link.js';

const query = { metrics: ['cpa', 'cost'], from: '2026-11-01', to: '2026-11-30' };

describe('dashboardQueryLink', () => {
  it("puts the dates, first metric, grain and filters in the Overview's address", () => {
    const link = dashboardQueryLink('https://beacon.example', {
      ...query,
      grain: 'week',
      filters: [
        { dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] },
        { dimension: 'campaign', op: 'eq', values: ['Summer & Sale'] },
      ],
    });
    expect(link).toBe('https://beacon.example/?from=2026-11-01&to=2026-11-30&metric=cpa&grain=week&channel=Paid+Search%2CPaid+Social&campaign=Summer+%26+Sale');
    const params = new URL(link!).searchParams;
    expect(params.get('channel')).toBe('Paid Search,Paid Social');
    expect(params.get('campaign')).toBe('Summer & Sale');
  });

  it('keeps a path prefix and drops the base URL’s own query', () => {
    expect(dashboardQueryLink('https://example.org/beacon?x=1#top', query)).toBe('https://example.org/beacon/?from=2026-11-01&to=2026-11-30&metric=cpa');
  });

  it('leaves out a grain the Overview does not chart', () => {
    expect(dashboardQueryLink('http://127.0.0.1:8787/', { ...query, grain: 'hour' })).toBe('http://127.0.0.1:8787/?from=2026-11-01&to=2026-11-30&metric=cpa');
  });

  it('gives no link when the dashboard could not show the same numbers', () => {
    const cases = [
      { dimension: 'country' as const, op: 'in' as const, values: ['FR'] },
      { dimension: 'channel' as const, op: 'not_in' as const, values: ['Direct'] },
      { dimension: 'campaign' as const, op: 'in' as const, values: ['Sale, winter'] },
    ];
    for (const filter of cases) expect(dashboardQueryLink('https://beacon.example', { ...query, filters: [filter] }), JSON.stringify(filter)).toBeNull();
    const twice = [
      { dimension: 'channel' as const, op: 'in' as const, values: ['Email'] },
      { dimension: 'channel' as const, op: 'eq' as const, values: ['Paid Search'] },
    ];
    expect(dashboardQueryLink('https://beacon.example', { ...query, filters: twice })).toBeNull();
  });
});
