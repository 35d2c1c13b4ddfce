import { describe, expect, it } from 'vitest';
import type { AlertFiringRecord } from '../alerts/alert-store.js';
import { describeDelivery, formatFirings } from './format-alerts.js';

const firing: AlertFiringRecord = {
  id: 'fir_1',
  rule_id: 'alr_1',
  name: 'Meta spend up',
  metric: 'cost',
  fired_at: '2026-12-01T09:00:00.000Z',
  value: 250,
  reference: 200,
  because: 'Cost rose 25 % against the previous period (200 → 250), more than the 20 % rise that fires',
  condition: { kind: 'change', op: 'above', percent: 20 },
  query: { metrics: ['cost'], from: '2026-12-01', to: '2026-12-01' },
  segments: [{ dimension: 'campaign', value: 'm1', metric_value: 160, contribution_percent: 120 }],
  action: { action: 'decrease_budget', campaign_id: 'm1', by_percent: 20, because: '…' },
  delivery: { delivered: false, attempts: [{ attempt: 1, at: '2026-12-01T09:00:00.000Z', status: 500, duration_ms: 3 }, { attempt: 2, at: '2026-12-01T09:00:01.000Z', status: 500, duration_ms: 2 }], error: 'gave up after 2 attempts; the last: the receiver answered 500' },
};

describe('formatFirings', () => {
  it('prints a block per firing: when, why, the query, the segments, the action and the delivery', () => {
    expect(formatFirings([firing]).split('\n')).toEqual([
      '2026-12-01T09:00:00.000Z  Meta spend up (alr_1)',
      `  ${firing.because}`,
      '  query: cost from 2026-12-01 to 2026-12-01',
      '  campaign m1: 120 % of the change (now 160)',
      '  recommended: decrease budget campaign m1 by 20 %',
      '  webhook: failed after 2 attempts: gave up after 2 attempts; the last: the receiver answered 500',
    ]);
  });

  it('says when there is nothing yet', () => {
    expect(formatFirings([])).toBe('no firings yet');
  });

  it('counts one attempt in the singular', () => {
    expect(describeDelivery({ delivered: true, attempts: [firing.delivery.attempts[0]] })).toBe('delivered (1 attempt)');
  });
});
