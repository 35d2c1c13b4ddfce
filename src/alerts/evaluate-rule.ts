// One evaluation of a rule at an instant: read its data, judge its condition,
// step its firing state, and when it fires record the firing and send its
// webhook (with the recommended action, within its daily cap). A scheduler
// calls this; so does POST /v1/alerts/{id}/run. Delivery failures are written
// into the firing, never thrown.
import { newId } from '../core/ids.js';
import { localDate } from '../core/time.js';
import type { QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import type { AlertFiring, FiringQuery, FiringSegment, Trigger } from './alert-firing.js';
import { listFirings, putFiring, putState, ruleState, type AlertFiringRecord, type StoredAlertRule } from './alert-store.js';
import { evaluateCondition } from './evaluate-condition.js';
import { stepFiring } from './firing-state.js';
import { recommendAction, type ActionDecision, type PastRecommendation } from './recommended-action.js';
import { readRuleData } from './rule-data.js';
import { viewState, type AlertStateView } from './state-view.js';
import { deliverWebhook, type DeliveryOptions } from './webhook-delivery.js';
import { buildWebhookBody } from './webhook-payload.js';

/** What evaluating rules needs beyond the query services: how webhooks are sent, and where the dashboard is. */
export interface AlertServices extends QueryServices {
  readonly delivery?: DeliveryOptions;
  readonly dashboardUrl?: string;
}

export interface RuleEvaluation {
  readonly rule_id: string;
  readonly evaluated_at: string;
  readonly trigger: Trigger;
  /** Whether the condition holds now. */
  readonly met: boolean;
  /** True when there was no data: nothing fired and nothing cleared. */
  readonly no_data: boolean;
  readonly value: number | null;
  readonly reference: number | null;
  readonly because: string;
  /** A firing was recorded (and its webhook sent) by this evaluation. */
  readonly fired: boolean;
  /** A firing has just cleared. */
  readonly resolved: boolean;
  readonly state: AlertStateView;
  readonly query: FiringQuery;
  readonly segments: readonly FiringSegment[];
  readonly firing: AlertFiringRecord | null;
  readonly notes: readonly string[];
}

/**
 * @example
 * await evaluateRule(services, workspace, rule, Date.now())
 * // → { met: true, fired: true, value: 120, because: 'Cost is 120, above 100', firing: { delivery: { delivered: true, … }, … }, … }
 */
export async function evaluateRule(services: AlertServices, workspace: Workspace, rule: StoredAlertRule, now: number, trigger: Trigger = 'manual'): Promise<RuleEvaluation> {
  const read = await readRuleData(services, workspace, rule, now);
  const verdict = evaluateCondition(rule.condition, read.data, read.label);
  const before = await ruleState(services.warehouse, workspace.name, rule.id);
  const step = stepFiring(before.state, verdict, now, rule.cooldown_minutes);
  const evaluatedAt = new Date(now).toISOString();
  let firing: AlertFiringRecord | null = null;
  if (step.fire) {
    const decision = rule.action ? await decideAction(services, workspace, rule, read.segments, verdict.because, now) : null;
    const fired: AlertFiring = {
      rule_id: rule.id,
      name: rule.name,
      metric: read.metric,
      value: verdict.value,
      condition: rule.condition,
      ...(read.segments.length > 0 ? { segments: read.segments } : {}),
      ...(decision?.recommended ? { action: decision.recommended } : {}),
      fired_at: evaluatedAt,
      query: read.query,
    };
    const body = buildWebhookBody(fired, rule.webhook.format, { metricLabel: read.label, ...(services.dashboardUrl ? { dashboardUrl: services.dashboardUrl } : {}) });
    const delivery = await deliverWebhook({ url: rule.webhook.url, body, ...(rule.webhook.secret ? { secret: rule.webhook.secret } : {}) }, services.delivery);
    firing = {
      id: newId('fir'),
      rule_id: rule.id,
      name: rule.name,
      metric: read.metric,
      fired_at: evaluatedAt,
      trigger,
      value: verdict.value,
      reference: verdict.reference,
      because: verdict.because,
      condition: rule.condition,
      query: read.query,
      segments: read.segments,
      action: decision?.recommended ?? null,
      ...(decision?.note ? { action_note: decision.note } : {}),
      delivery,
    };
    await putFiring(services.warehouse, workspace.name, firing);
  }
  await putState(services.warehouse, workspace.name, { rule_id: rule.id, state: step.state, last_evaluated_at: evaluatedAt });
  return {
    rule_id: rule.id,
    evaluated_at: evaluatedAt,
    trigger,
    met: verdict.met,
    no_data: verdict.noData,
    value: verdict.value,
    reference: verdict.reference,
    because: verdict.because,
    fired: step.fire,
    resolved: step.resolved,
    state: viewState(step.state),
    query: read.query,
    segments: read.segments,
    firing,
    notes: read.notes,
  };
}

/** The rule's action for the campaign it concerns, capped by what its earlier firings today recommended. */
async function decideAction(services: AlertServices, workspace: Workspace, rule: StoredAlertRule, segments: readonly FiringSegment[], because: string, now: number): Promise<ActionDecision> {
  const timeZone = workspace.settings.timezone;
  const today = localDate(now, timeZone);
  const history: PastRecommendation[] = (await listFirings(services.warehouse, workspace.name, rule.id)).flatMap((f) =>
    f.action ? [{ ...f.action, day: localDate(Date.parse(f.fired_at), timeZone) }] : [],
  );
  const campaignId = campaignOf(rule, segments);
  return recommendAction(rule.action!, { ...(campaignId === undefined ? {} : { campaignId }), because, today, history });
}

/** The campaign a firing is about: the segment that moved most, or the one campaign the rule watches. */
function campaignOf(rule: StoredAlertRule, segments: readonly FiringSegment[]): string | undefined {
  if (rule.by === 'campaign' && segments.length > 0) return segments[0].value;
  const only = rule.filters.find((f) => f.dimension === 'campaign' && (f.op === 'eq' || f.op === 'in') && f.values.length === 1);
  return only?.values[0];
}
