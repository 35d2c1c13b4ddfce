// The segments view's address, its dimension toggles and its request body.
import { describe, expect, it } from 'vitest';
import type { CatalogMetric } from '../../api/client';
import { choiceParams, dimensionChoices, parseSegmentsChoices, segmentMetrics, segmentsBody, toggleDimension } from './segments-queries';

const noFilters = { channel: [], platform: [], campaign: [] };
const metric = (id: string, label: string, dimensions: CatalogMetric['dimensions'] = ['channel', 'campaign']): CatalogMetric => ({
  id,
  label,
  formula: '',
  unit: 'percent',
  direction: 'up',
  group: 'paid_media',
  facts: [],
  dimensions,
  custom: false,
});

describe('parseSegmentsChoices', () => {
  it('defaults to CTR by campaign, every segment judged', () => {
    expect(parseSegmentsChoices(new URLSearchParams(''))).toEqual({ choices: { metric: 'ctr', dimensions: ['campaign'], minSpend: 0 }, problems: [] });
  });
  it('reads up to three dimensions in their order, and the least spend', () => {
    expect(parseSegmentsChoices(new URLSearchParams('metric=cpa&by=channel,campaign&min_spend=100')).choices).toEqual({ metric: 'cpa', dimensions: ['channel', 'campaign'], minSpend: 100 });
  });
  it('leaves out unknown dimensions and a fourth one, and names them', () => {
    const { choices, problems } = parseSegmentsChoices(new URLSearchParams('by=planet,channel,campaign,ad,device&min_spend=-3'));
    expect(choices).toEqual({ metric: 'ctr', dimensions: ['channel', 'campaign', 'ad'], minSpend: 0 });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('"planet"');
    expect(problems[1]).toContain('channel, campaign, ad');
    expect(problems[2]).toContain('"-3"');
  });
});

describe('choiceParams', () => {
  it('leaves the defaults out of the address', () => {
    expect(choiceParams({ dimensions: ['campaign'], minSpend: 0 })).toEqual({ by: null, min_spend: null });
    expect(choiceParams({ metric: 'roas', dimensions: ['channel', 'campaign'], minSpend: 500 })).toEqual({ metric: 'roas', by: 'channel,campaign', min_spend: '500' });
  });
});

describe('toggleDimension', () => {
  it('adds a dimension at the end, up to three', () => {
    expect(toggleDimension(['campaign'], 'channel')).toEqual(['campaign', 'channel']);
    expect(toggleDimension(['campaign', 'channel', 'ad'], 'device')).toEqual(['campaign', 'channel', 'ad']);
  });
  it('removes a chosen one, but never the last', () => {
    expect(toggleDimension(['campaign', 'channel'], 'campaign')).toEqual(['channel']);
    expect(toggleDimension(['campaign'], 'campaign')).toEqual(['campaign']);
  });
});

describe('segmentsBody', () => {
  it('judges the toolbar range, with its filters and the least spend when set', () => {
    const range = { from: '2026-09-08', to: '2026-12-06' };
    expect(segmentsBody({ metric: 'ctr', dimensions: ['campaign'], minSpend: 0 }, range, noFilters)).toEqual({ metric: 'ctr', dimensions: ['campaign'], from: '2026-09-08', to: '2026-12-06' });
    expect(segmentsBody({ metric: 'cpa', dimensions: ['channel', 'ad'], minSpend: 100 }, range, { ...noFilters, channel: ['Paid Search'] })).toEqual({
      metric: 'cpa',
      dimensions: ['channel', 'ad'],
      from: '2026-09-08',
      to: '2026-12-06',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
      min_spend: 100,
    });
  });
});

describe('segmentMetrics', () => {
  it('lists the judged ratios the catalog has, by its labels, CPA first', () => {
    expect(segmentMetrics([metric('cost', 'Cost'), metric('ctr', 'CTR'), metric('cpa', 'CPA')])).toEqual([
      { id: 'cpa', label: 'CPA' },
      { id: 'ctr', label: 'CTR' },
    ]);
    expect(segmentMetrics([]).map((m) => m.id)).toContain('roas');
  });
});

describe('dimensionChoices', () => {
  it('offers the dimensions the metric supports', () => {
    expect(dimensionChoices(metric('ctr', 'CTR', ['ad', 'channel', 'campaign']))).toEqual(['campaign', 'channel', 'ad']);
    expect(dimensionChoices(undefined)).toContain('country');
  });
});
