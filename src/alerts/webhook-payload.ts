// The body a firing is POSTed with: Beacon's JSON (`{ rule_id, name, metric,
// value, condition, segments?, action?, fired_at, query }`, keys in that
// order, optional ones left out when absent) or a Slack message. A string,
// because the signature covers exactly these bytes. Pure.
import type { AlertFiring } from './alert-firing.js';
import { buildSlackMessage, type SlackOptions } from './slack-message.js';

export type WebhookFormat = 'json' | 'slack';

/**
 * @example
 * buildFiringJson({ rule_id: 'r1', name: 'CPA too high', metric: 'cpa', value: 46.2,
 *   condition: { kind: 'threshold', op: 'above', value: 40 }, fired_at: '2026-12-01T09:00:00.000Z',
 *   query: { metrics: ['cpa'], from: '2026-12-01', to: '2026-12-01' } })
 * // → '{"rule_id":"r1","name":"CPA too high","metric":"cpa","value":46.2,"condition":{…},"fired_at":"2026-12-01T09:00:00.000Z","query":{…}}'
 */
export function buildFiringJson(firing: AlertFiring): string {
  return JSON.stringify({
    rule_id: firing.rule_id,
    name: firing.name,
    metric: firing.metric,
    value: firing.value,
    condition: firing.condition,
    ...(firing.segments && firing.segments.length > 0 ? { segments: firing.segments } : {}),
    ...(firing.action ? { action: firing.action } : {}),
    fired_at: firing.fired_at,
    query: firing.query,
  });
}

/** The body in the webhook's format. */
export function buildWebhookBody(firing: AlertFiring, format: WebhookFormat, slack: SlackOptions = {}): string {
  return format === 'slack' ? JSON.stringify(buildSlackMessage(firing, slack)) : buildFiringJson(firing);
}
