// How `beacon alerts` prints rules (one line each: id, name, what it watches,
// its state and next run), firings (newest first, with the value, why, the
// segments, the action and how the webhook went) and one evaluation.
import type { AlertRuleReport } from '../alerts/alerts-service.js';
import type { AlertFiringRecord } from '../alerts/alert-store.js';
import type { RuleEvaluation } from '../alerts/evaluate-rule.js';
import { describeCondition } from '../alerts/slack-message.js';
import type { DeliveryResult } from '../alerts/webhook-delivery.js';
import { formatTable } from './output.js';

/**
 * @example formatAlerts(rules)
 * // id            name        watches                  state   next run
 * // alr_3fK9…     CPA too high  cpa above 40 (day, by campaign)  firing  2026-12-01T10:00:00.000Z
 */
export function formatAlerts(rules: readonly AlertRuleReport[]): string {
  if (rules.length === 0) return 'no alert rules yet: create one with beacon alerts create FILE.json (or POST /v1/alerts)';
  const rows = rules.map((r) => [r.id, r.name, watches(r), r.state.status.replace('_', ' '), r.next_run ?? '–']);
  return formatTable(['id', 'name', 'watches', 'state', 'next run'], rows);
}

function watches(rule: AlertRuleReport): string {
  const scope = [rule.grain, ...(rule.by ? [`by ${rule.by}`] : [])].join(', ');
  return `${rule.metric ?? rule.condition.kind} ${describeCondition(rule.condition)} (${scope})`;
}

/** Firings, newest first, a block each. */
export function formatFirings(firings: readonly AlertFiringRecord[]): string {
  if (firings.length === 0) return 'no firings yet';
  return firings.map(formatFiring).join('\n\n');
}

function formatFiring(firing: AlertFiringRecord): string {
  const lines = [`${firing.fired_at}  ${firing.name} (${firing.rule_id})`, `  ${firing.because}`, `  query: ${firing.query.metrics.join(', ') || '–'} from ${firing.query.from} to ${firing.query.to}`];
  for (const s of firing.segments) lines.push(`  ${s.dimension} ${s.value}: ${s.contribution_percent} % of the change${s.metric_value === null ? '' : ` (now ${s.metric_value})`}`);
  if (firing.action) lines.push(`  recommended: ${firing.action.action.replace('_', ' ')}${firing.action.campaign_id ? ` campaign ${firing.action.campaign_id}` : ''}${firing.action.by_percent === undefined ? '' : ` by ${firing.action.by_percent} %`}`);
  if (firing.action_note) lines.push(`  no action: ${firing.action_note}`);
  lines.push(`  webhook: ${describeDelivery(firing.delivery)}`);
  return lines.join('\n');
}

/** "delivered (1 attempt)" or "failed after 2 attempts: the receiver answered 500 …" */
export function describeDelivery(delivery: DeliveryResult): string {
  const attempts = `${delivery.attempts.length} ${delivery.attempts.length === 1 ? 'attempt' : 'attempts'}`;
  return delivery.delivered ? `delivered (${attempts})` : `failed after ${attempts}: ${delivery.error ?? 'unknown error'}`;
}

/** One evaluation: the verdict, and what it did. */
export function formatEvaluation(evaluation: RuleEvaluation): string {
  const what = evaluation.fired ? 'fired' : evaluation.resolved ? 'resolved' : evaluation.no_data ? 'no data: nothing changed' : evaluation.met ? 'still holds: no new firing' : 'does not hold';
  const lines = [`${evaluation.because}`, `${what}; state ${evaluation.state.status.replace('_', ' ')}`];
  for (const s of evaluation.segments) lines.push(`  ${s.dimension} ${s.value}: ${s.contribution_percent} % of the change`);
  if (evaluation.firing) lines.push(`webhook: ${describeDelivery(evaluation.firing.delivery)}`);
  for (const note of evaluation.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
