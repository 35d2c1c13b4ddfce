// beacon funnel's text: durations a reader can take in, the steps table, the
// breakdown and the notes; and the options turned into the HTTP body.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import type { FunnelReport } from '../funnels/funnel-report.js';
import { funnelBody } from './commands/funnel-command.js';
import { formatDuration, formatFunnel } from './format-funnel.js';

const step = (n: number, name: string, count: number, prev: number | null, first: number | null, median: number | null) => ({
  step: n,
  name,
  kind: name === 'lead' ? ('stage' as const) : ('event' as const),
  count,
  conversion_from_previous: prev,
  conversion_from_first: first,
  median_seconds_from_previous: median,
});

const REPORT: FunnelReport = {
  entered: 1200,
  steps: [step(1, 'ad_click', 1200, null, 100, null), step(2, 'lead', 300, 25, 25, 5400), step(3, 'purchase', 0, 0, 0, null)],
  overall_conversion: 0,
  breakdown: {
    by: 'channel',
    rows: [{ key: 'Paid Search', entered: 1200, steps: [step(1, 'ad_click', 1200, null, 100, null), step(2, 'lead', 300, 25, 25, 5400), step(3, 'purchase', 0, 0, 0, null)], overall_conversion: 0 }],
  },
  params: { steps: ['ad_click', 'lead', 'purchase'], order: 'ordered', window_days: 1, from: '2026-02-01', to: '2026-02-28', time_zone: 'UTC', by: 'channel', bot_filtering: true },
  notes: ['"lead" is read as the lifecycle stage; write "event:lead" for the lead event'],
};

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [0, '0 s'],
    [42.25, '42.3 s'],
    [90, '1.5 min'],
    [5_400, '1.5 h'],
    [129_600, '1.5 d'],
  ])('%s s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatFunnel', () => {
  it('prints who entered, a row per step, the overall conversion, the breakdown and the notes', () => {
    expect(formatFunnel(REPORT).split('\n')).toEqual([
      '1,200 entered 2026-02-01 … 2026-02-28 (UTC) · ordered: each step after the one before · within 1 day of entering',
      '',
      'step            people  from previous  from first  median time from previous',
      '1 ad_click      1,200   –              100.0%      –',
      '2 lead (stage)  300     25.0%          25.0%       1.5 h',
      '3 purchase      0       0.0%           0.0%        –',
      '',
      'overall conversion 0.0% (0 of 1,200)',
      '',
      'by channel of the entering event (people, and conversion from the step before):',
      'channel      entered  2 lead       3 purchase  overall',
      'Paid Search  1,200    300 (25.0%)  0 (0.0%)    0.0%',
      'note: "lead" is read as the lifecycle stage; write "event:lead" for the lead event',
    ]);
  });
});

describe('funnelBody', () => {
  it('splits the steps, reads the window as a number, leaves out what was not given', () => {
    expect(funnelBody({ steps: 'ad_click, page_view ,purchase', windowDays: '7', from: '2026-02-01', to: '2026-02-28', order: 'strict' })).toEqual({
      steps: ['ad_click', 'page_view', 'purchase'],
      window_days: 7,
      from: '2026-02-01',
      to: '2026-02-28',
      order: 'strict',
    });
  });

  it('refuses a window that is no number', () => {
    expect(() => funnelBody({ steps: 'a,b', windowDays: 'seven', from: '2026-02-01', to: '2026-02-28' })).toThrow(ValidationError);
    expect(() => funnelBody({ steps: 'a,b', windowDays: ' ', from: '2026-02-01', to: '2026-02-28' })).toThrow('--window-days must be a number of days, got " "');
  });
});
