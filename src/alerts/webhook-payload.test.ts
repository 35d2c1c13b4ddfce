import { describe, expect, it } from 'vitest';
import type { AlertFiring } from './alert-firing.js';
import { buildFiringJson, buildWebhookBody } from './webhook-payload.js';

const firing: AlertFiring = {
  query: { metrics: ['cpa'], from: '2026-12-01', to: '2026-12-01', grain: 'day', dimensions: ['campaign'], filters: [] },
  fired_at: '2026-12-01T09:00:00.000Z',
  action: { action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, because: 'CPA 38 % above target for 3 days' },
  segments: [{ dimension: 'campaign', value: 'Summer Sale', metric_value: 58.1, contribution_percent: 62.5 }],
  condition: { kind: 'threshold', op: 'above', value: 40 },
  value: 46.2,
  metric: 'cpa',
  name: 'CPA too high',
  rule_id: 'rule_1',
};

describe('buildFiringJson', () => {
  it("writes the spec's fields in the spec's order, whatever the object's own order", () => {
    const body = buildFiringJson(firing);
    expect(Object.keys(JSON.parse(body))).toEqual(['rule_id', 'name', 'metric', 'value', 'condition', 'segments', 'action', 'fired_at', 'query']);
    expect(body.startsWith('{"rule_id":"rule_1","name":"CPA too high","metric":"cpa","value":46.2,"condition":{"kind":"threshold","op":"above","value":40},')).toBe(true);
    expect(JSON.parse(body)).toEqual(firing);
  });

  it('leaves out segments and action when there are none, and keeps a null value', () => {
    const bare: AlertFiring = { ...firing, segments: [], action: undefined, value: null };
    expect(Object.keys(JSON.parse(buildFiringJson(bare)))).toEqual(['rule_id', 'name', 'metric', 'value', 'condition', 'fired_at', 'query']);
    expect(JSON.parse(buildFiringJson(bare)).value).toBeNull();
  });
});

describe('buildWebhookBody', () => {
  it('is the firing JSON for json and a { text, blocks } message for slack', () => {
    expect(buildWebhookBody(firing, 'json')).toBe(buildFiringJson(firing));
    expect(Object.keys(JSON.parse(buildWebhookBody(firing, 'slack', { metricLabel: 'CPA' })))).toEqual(['text', 'blocks']);
  });
});
