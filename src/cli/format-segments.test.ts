// beacon segments' text: how many of the judged segments are significantly
// worse than the workspace, the model and the money at stake, one row per
// flagged segment, the notes; and the options turned into the HTTP body.
import { describe, expect, it } from 'vitest';
import type { SegmentsReport } from '../insight/segments-service.js';
import { segmentsBody } from './commands/segments-command.js';
import { formatSegments, probability } from './format-segments.js';

const CTR: SegmentsReport = {
  metric: 'ctr',
  label: 'CTR',
  unit: 'percent',
  direction: 'up',
  currency: 'EUR',
  dimensions: ['channel', 'campaign'],
  from: '2026-10-01',
  to: '2026-10-07',
  filters: [],
  min_spend: 0,
  model: { kind: 'beta-binomial', count: null, value_cv: null },
  workspace_value: 2,
  prior: { mean: 2, parameters: { alpha: 20, beta: 980 }, capped: false },
  assessed: 3,
  max_false_discovery_rate: 0.05,
  expected_false_discovery_rate: 0.012,
  spend_at_stake: 2500,
  segments: [
    {
      key: 'Paid Search · big',
      values: { channel: 'Paid Search', campaign: 'big' },
      campaign_name: 'Big Brand',
      numerator: 1000,
      denominator: 100000,
      value: 1,
      shrunk: 1.004,
      workspace_value: 2,
      probability_worse: 0.988,
      spend: 5000,
      excess_cost: 2500,
      spend_at_stake: 2490,
    },
  ],
  notes: ['spend (cost) is not split by device'],
};

describe('formatSegments', () => {
  it('prints the verdict, the model and money at stake, and the flagged segments', () => {
    expect(formatSegments(CTR).split('\n')).toEqual([
      'CTR by channel × campaign, 2026-10-01 … 2026-10-07: 1 of 3 segments significantly worse than the workspace (2.00%)',
      'beta-binomial model, expected share of false flags 1.2 %; spend at stake EUR 2,500.00',
      '',
      'segment                        CTR    shrunk  P(worse)  spend         at stake',
      'Paid Search · big (Big Brand)  1.00%  1.00%   98.8 %    EUR 5,000.00  EUR 2,490.00',
      'note: spend (cost) is not split by device',
    ]);
  });

  it('says when none is worse', () => {
    const none: SegmentsReport = { ...CTR, segments: [], expected_false_discovery_rate: null, spend_at_stake: 0, notes: [] };
    expect(formatSegments(none).split('\n')).toEqual([
      'CTR by channel × campaign, 2026-10-01 … 2026-10-07: none of 3 segments is significantly worse than the workspace (2.00%)',
      'beta-binomial model; spend at stake EUR 0.00',
    ]);
  });

  it('prints probabilities near 0 and 1 as bounds', () => {
    expect([probability(0.9999), probability(0.0004), probability(0.5)]).toEqual(['> 99.9 %', '< 0.1 %', '50.0 %']);
  });
});

describe('segmentsBody', () => {
  it('splits --by into dimensions and reads the numbers', () => {
    expect(segmentsBody({ metric: 'ctr', by: 'channel, campaign', from: '2026-10-01', to: '2026-10-07', minSpend: '50' })).toEqual({
      metric: 'ctr',
      dimensions: ['channel', 'campaign'],
      from: '2026-10-01',
      to: '2026-10-07',
      min_spend: 50,
    });
    expect(() => segmentsBody({ metric: 'ctr', from: '2026-10-01', to: '2026-10-07' })).toThrow('missing --by');
    expect(() => segmentsBody({ metric: 'ctr', by: 'campaign', from: '2026-10-01', to: '2026-10-07', minSpend: 'lots' })).toThrow('--min-spend must be a number, got "lots"');
  });
});
