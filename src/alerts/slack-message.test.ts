import { describe, expect, it } from 'vitest';
import type { AlertFiring, FiringSegment } from './alert-firing.js';
import { buildSlackMessage, describeCondition, escapeMrkdwn } from './slack-message.js';

const firing: AlertFiring = {
  rule_id: 'rule_1',
  name: 'CPA too high',
  metric: 'cpa',
  value: 46.2,
  condition: { kind: 'threshold', op: 'above', value: 40 },
  segments: [
    { dimension: 'campaign', value: 'Summer Sale', metric_value: 58.1, contribution_percent: 62.5 },
    { dimension: 'campaign', value: 'Brand', metric_value: null, contribution_percent: -4 },
  ],
  action: { action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, because: 'CPA 38 % above target for 3 days' },
  fired_at: '2026-12-01T09:00:00.000Z',
  query: { metrics: ['cpa'], from: '2026-12-01', to: '2026-12-01', grain: 'day', filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }] },
};

describe('buildSlackMessage', () => {
  it('writes a header, the value against the condition, the segments, the action and a link', () => {
    expect(buildSlackMessage(firing, { metricLabel: 'CPA', dashboardUrl: 'https://beacon.example' })).toEqual({
      text: 'CPA too high: CPA is 46.2, above 40',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'CPA too high' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*CPA* is *46.2*, above 40' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Segments that moved*\n• campaign *Summer Sale*: 62.5 % of the change, CPA 58.1\n• campaign *Brand*: -4 % of the change' },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '*Recommended:* decrease the budget of campaign c1 by 20 %\n_CPA 38 % above target for 3 days_' } },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: 'Fired at 2026-12-01T09:00:00.000Z · 2026-12-01 to 2026-12-01 · <https://beacon.example/?from=2026-12-01&to=2026-12-01&metric=cpa&grain=day&channel=Paid+Search|Open the query in Beacon>',
            },
          ],
        },
      ],
    });
  });

  it('has no link without a dashboard URL, and no segment or action section without them', () => {
    const message = buildSlackMessage({ ...firing, segments: undefined, action: undefined });
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(JSON.stringify(message)).not.toContain('<http');
    expect(message.text).toBe('CPA too high: cpa is 46.2, above 40');
  });

  it('escapes names so they cannot format a link or a mention', () => {
    const hostile = { ...firing, name: 'CPA <!channel> & <https://evil.example|click>' };
    const message = buildSlackMessage({ ...hostile, segments: [{ dimension: 'campaign', value: '<@U123>', metric_value: 1, contribution_percent: 100 }] });
    expect(message.text).toBe('CPA &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;: cpa is 46.2, above 40');
    expect(JSON.stringify(message.blocks[2])).toContain('*&lt;@U123&gt;*');
    // The header is plain text: Slack shows it as written, and it formats nothing.
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: hostile.name } });
  });

  it('cuts a long header to 150 characters and lists at most 10 segments', () => {
    const segments: FiringSegment[] = Array.from({ length: 13 }, (_, i) => ({ dimension: 'campaign', value: `c${i + 1}`, metric_value: null, contribution_percent: 1 }));
    const message = buildSlackMessage({ ...firing, name: 'x'.repeat(200), segments });
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toBe(`${'x'.repeat(149)}…`);
    const lines = (message.blocks[2] as { text: { text: string } }).text.text.split('\n');
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines.at(-2)).toContain('*c10*');
    expect(lines.at(-1)).toBe('… and 3 more');
  });

  it('says pause plainly and a missing value as such', () => {
    const message = buildSlackMessage({ ...firing, value: null, action: { action: 'pause', campaign_id: 'c7', because: 'ROAS 50 % below target for 2 days' } }, { metricLabel: 'CPA' });
    expect(message.text).toBe('CPA too high: CPA has no value, above 40');
    expect(message.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*CPA* has no value, above 40' } });
    expect(message.blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Recommended:* pause campaign c7\n_ROAS 50 % below target for 2 days_' } });
  });
});

describe('describeCondition', () => {
  it('reads every kind of condition', () => {
    expect(describeCondition({ kind: 'threshold', op: 'below', value: 1500.5 })).toBe('below 1,500.5');
    expect(describeCondition({ kind: 'change', op: 'above', percent: 20 })).toBe('a change above 20 % against the previous period');
    expect(describeCondition({ kind: 'anomaly', sensitivity: 3 })).toBe('outside its expected range (sensitivity 3)');
    expect(describeCondition({ kind: 'goal_pace', goal_id: 'g_1' })).toBe('behind the pace of goal g_1');
    expect(describeCondition({ kind: 'funnel', steps: ['view', 'cart', 'purchase'], window_days: 7, op: 'below', value: 2.5 })).toBe(
      'below 2.5 in the funnel view → cart → purchase within 7 days',
    );
  });
});

describe('escapeMrkdwn', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_')).toBe('a &amp; b &lt; c &gt; d *e* _f_');
  });
});
