// The explain view's address, its request body and its metric picker's order.
import { describe, expect, it } from 'vitest';
import type { CatalogMetric } from '../../api/client';
import { breakdownChoices, choiceParams, explainBody, metricGroups, parseExplainChoices } from './explain-queries';

const noFilters = { channel: [], platform: [], campaign: [] };
const metric = (id: string, group: CatalogMetric['group'], dimensions: CatalogMetric['dimensions'] = ['channel', 'campaign']): CatalogMetric => ({
  id,
  label: id.toUpperCase(),
  formula: '',
  unit: 'count',
  direction: 'up',
  group,
  facts: [],
  dimensions,
  custom: false,
});

describe('parseExplainChoices', () => {
  it('defaults to CPA against the previous period, not split', () => {
    expect(parseExplainChoices(new URLSearchParams(''))).toEqual({ choices: { metric: 'cpa', by: null, compare: 'previous_period' }, problems: [] });
  });
  it('reads the metric, the dimension and the comparison', () => {
    expect(parseExplainChoices(new URLSearchParams('metric=roas&by=campaign&compare=previous_year')).choices).toEqual({ metric: 'roas', by: 'campaign', compare: 'previous_year' });
  });
  it('names a bad dimension or comparison and uses the default', () => {
    const { choices, problems } = parseExplainChoices(new URLSearchParams('by=planet&compare=last_week'));
    expect(choices).toEqual({ metric: 'cpa', by: null, compare: 'previous_period' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"planet"');
    expect(problems[1]).toContain('"last_week"');
  });
});

describe('choiceParams', () => {
  it('leaves the default comparison out of the address and removes an unset split', () => {
    expect(choiceParams({ compare: 'previous_period', by: null })).toEqual({ compare: null, by: null });
    expect(choiceParams({ metric: 'ctr', compare: 'previous_year', by: 'channel' })).toEqual({ metric: 'ctr', compare: 'previous_year', by: 'channel' });
  });
});

describe('explainBody', () => {
  const range = { from: '2026-11-07', to: '2026-11-20' };
  it('explains the toolbar range against the chosen period', () => {
    expect(explainBody({ metric: 'cpa', by: null, compare: 'previous_period' }, range, noFilters)).toEqual({ metric: 'cpa', from: '2026-11-07', to: '2026-11-20', compare: 'previous_period' });
  });
  it('adds the split and the toolbar filters', () => {
    expect(explainBody({ metric: 'cpa', by: 'channel', compare: 'previous_year' }, range, { ...noFilters, campaign: ['c1', 'c2'] })).toEqual({
      metric: 'cpa',
      from: '2026-11-07',
      to: '2026-11-20',
      compare: 'previous_year',
      by: 'channel',
      filters: [{ dimension: 'campaign', op: 'in', values: ['c1', 'c2'] }],
    });
  });
});

describe('metricGroups', () => {
  it('lists the key ratios first in their own order, then the rest by group', () => {
    const groups = metricGroups([metric('cost', 'paid_media'), metric('ctr', 'paid_media'), metric('sessions', 'web'), metric('cpa', 'paid_media'), metric('bounce_rate', 'web')]);
    expect(groups.map((g) => [g.label, g.metrics.map((m) => m.id)])).toEqual([
      ['Key ratios', ['cpa', 'ctr']],
      ['paid media', ['cost']],
      ['web', ['sessions', 'bounce_rate']],
    ]);
  });
});

describe('breakdownChoices', () => {
  it('offers the dimensions the metric supports, in the picker’s order', () => {
    expect(breakdownChoices(metric('cpa', 'paid_media', ['campaign', 'platform', 'channel']))).toEqual(['channel', 'campaign', 'platform']);
    expect(breakdownChoices(undefined)).toContain('device');
  });
});
