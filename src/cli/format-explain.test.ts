// beacon explain's text: the headline with both periods, the drivers with
// their own change, part and share, the segments with mix and rate, the
// notes; and the options turned into the HTTP body.
import { describe, expect, it } from 'vitest';
import type { ExplainReport } from '../insight/explain-service.js';
import { explainBody } from './commands/explain-command.js';
import { formatExplain } from './format-explain.js';

const CPA: ExplainReport = {
  metric: 'cpa',
  label: 'CPA',
  unit: 'money',
  direction: 'down',
  currency: 'USD',
  compare: 'previous_period',
  filters: [],
  period: { from: '2026-11-08', to: '2026-11-14' },
  previous_period: { from: '2026-11-01', to: '2026-11-07' },
  previous: 20,
  current: 25,
  change: 5,
  change_percent: 25,
  summary: 'CPA rose 25 %, from 20.00 to 25.00',
  method: 'known-factors',
  drivers: [
    { id: 'cvr', label: 'CVR', unit: 'percent', previous: 5, current: 4.4, change_percent: -12, contribution: 2.8636, share_percent: 57.27, summary: '' },
    { id: 'cpc', label: 'CPC', unit: 'money', previous: 1, current: 1.1, change_percent: 10, contribution: 2.1364, share_percent: 42.73, summary: '' },
  ],
  breakdown: {
    dimension: 'channel',
    kind: 'ratio',
    previous: 20,
    current: 25,
    change: 5,
    segments: [
      { key: 'Paid Search', status: 'both', previous: 20, current: 22, contribution: 3, share_percent: 60, mix: 1.7182, rate: 1.2818, summary: '' },
      { key: 'Paid Social', status: 'both', previous: 20, current: 31.4286, contribution: 2, share_percent: 40, mix: -2.1039, rate: 4.1039, summary: '' },
    ],
  },
  notes: ['no ad data after 2026-11-10 for meta_ads'],
};

describe('formatExplain', () => {
  it('prints the headline, the drivers and the segments with mix and rate', () => {
    expect(formatExplain(CPA).split('\n')).toEqual([
      'CPA rose from USD 20.00 to USD 25.00 (+25 %), 2026-11-08 … 2026-11-14 against 2026-11-01 … 2026-11-07',
      '',
      'Drivers, along its factors (they add up to +USD 5.00):',
      'driver  before    now       own change  part of CPA  share',
      'CVR     5.00%     4.40%     -12 %       +USD 2.86    57 %',
      'CPC     USD 1.00  USD 1.10  +10 %       +USD 2.14    43 %',
      '',
      'By channel, mix and rate (USD 20.00 → USD 25.00, the parts add up to +USD 5.00):',
      'channel      before     now        part of CPA  share  mix        rate',
      'Paid Search  USD 20.00  USD 22.00  +USD 3.00    60 %   +USD 1.72  +USD 1.28',
      'Paid Social  USD 20.00  USD 31.43  +USD 2.00    40 %   -USD 2.10  +USD 4.10',
      'note: no ad data after 2026-11-10 for meta_ads',
    ]);
  });

  it('says when a KPI has no value, and prints a percent metric’s parts in points and new segments as new', () => {
    const none: ExplainReport = { ...CPA, previous: null, change: null, change_percent: null, method: null, drivers: [], breakdown: null, notes: ['CPA has no value in the previous period'] };
    expect(formatExplain(none).split('\n')).toEqual([
      'CPA went from no value to USD 25.00, 2026-11-08 … 2026-11-14 against 2026-11-01 … 2026-11-07',
      'note: CPA has no value in the previous period',
    ]);
    const ctr: ExplainReport = {
      ...CPA,
      metric: 'ctr',
      label: 'CTR',
      unit: 'percent',
      previous: 2,
      current: 1.5,
      change: -0.5,
      change_percent: -25,
      method: 'formula',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
      drivers: [{ id: 'clicks', label: 'Clicks', unit: 'count', previous: 200, current: 150, change_percent: -25, contribution: -0.5, share_percent: 100, summary: '' }],
      breakdown: {
        dimension: 'campaign',
        kind: 'ratio',
        previous: 2,
        current: 1.5,
        change: -0.5,
        segments: [{ key: 'c9', status: 'new', previous: null, current: 1, contribution: -0.5, share_percent: 100, mix: -0.5, rate: 0, summary: '' }],
      },
      notes: [],
    };
    expect(formatExplain(ctr).split('\n')).toEqual([
      'CTR fell from 2.00% to 1.50% (-25 %), 2026-11-08 … 2026-11-14 against 2026-11-01 … 2026-11-07',
      'filters: channel in Paid Search',
      '',
      'Drivers, along its formula (they add up to -0.50 pp):',
      'driver  before  now  own change  part of CTR  share',
      'Clicks  200     150  -25 %       -0.50 pp     100 %',
      '',
      'By campaign, mix and rate (2.00% → 1.50%, the parts add up to -0.50 pp):',
      'campaign  before  now    part of CTR  share  mix       rate',
      'c9 (new)  –       1.00%  -0.50 pp     100 %  -0.50 pp  +0.00 pp',
    ]);
  });
});

describe('explainBody', () => {
  it('turns the options into the body, and names what is missing', () => {
    expect(explainBody({ metric: 'cpa', from: '2026-11-08', to: '2026-11-14', by: 'channel', filter: ['platform=google_ads'] })).toEqual({
      metric: 'cpa',
      from: '2026-11-08',
      to: '2026-11-14',
      by: 'channel',
      filters: [{ dimension: 'platform', op: 'in', values: ['google_ads'] }],
    });
    expect(() => explainBody({ metric: 'cpa', from: '2026-11-08' })).toThrow('missing --to: give --metric M --from D --to D');
  });
});
