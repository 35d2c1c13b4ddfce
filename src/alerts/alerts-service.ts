// Alert rules of a workspace (POST/GET /v1/alerts, beacon alerts): created
// against the workspace's catalog and time zone, listed with their firing
// state and next scheduled run, deleted, acknowledged, run on demand, and the
// history of their firings. Evaluation itself is evaluateRule's.
import { ValidationError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { metricCatalog } from '../metrics/metrics-service.js';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { checkBody } from '../metrics/body-checks.js';
import type { MetadataStore, Workspace } from '../warehouse/warehouse.js';
import { checkAlertBody, parseAlertRule } from './alert-rule-input.js';
import { listFirings, listRules, putRule, putState, removeRule, requireRule, ruleState, ruleStates, type AlertFiringRecord, type StoredAlertRule } from './alert-store.js';
import { evaluateRule, type AlertServices, type RuleEvaluation } from './evaluate-rule.js';
import { acknowledge, IDLE, MAX_COMMENT_LENGTH } from './firing-state.js';
import { nextRun } from './next-run.js';
import { viewState, type AlertStateView } from './state-view.js';

/** A rule as the API shows it: the secret is never sent back, only whether there is one. */
export type PublicAlertRule = Omit<StoredAlertRule, 'webhook'> & { webhook: { url: string; format: StoredAlertRule['webhook']['format']; signed: boolean } };

export interface AlertRuleReport extends PublicAlertRule {
  state: AlertStateView;
  last_evaluated_at: string | null;
  /** The next run of its schedule (ISO 8601, UTC); null when it has none. */
  next_run: string | null;
}

export const MAX_HISTORY = 1_000;

export const AcknowledgeInputSchema = Type.Object(
  { comment: Type.String({ maxLength: MAX_COMMENT_LENGTH, description: 'why the firing is silenced (it stays silent until its condition clears)' }) },
  { additionalProperties: false },
);
const checkAcknowledge = TypeCompiler.Compile(AcknowledgeInputSchema);

/**
 * @example
 * await createAlert(warehouse, workspace, { name: 'Spend over 500 today', metric: 'cost',
 *   condition: { kind: 'threshold', op: 'above', value: 500 }, webhook: { url: 'https://hooks.example/beacon' } })
 * // → { id: 'alr_…', name: 'Spend over 500 today', grain: 'day', schedule: '0 * * * *', webhook: { url, format: 'json', signed: false }, … }
 */
export async function createAlert(store: MetadataStore, workspace: Workspace, body: unknown, now = Date.now()): Promise<PublicAlertRule> {
  const input = checkAlertBody(body);
  const rule = parseAlertRule(input, { metrics: await metricCatalog(store, workspace.name), timeZone: workspace.settings.timezone });
  if (rule.condition.kind === 'goal_pace') await requireGoal(store, workspace.name, rule.condition.goal_id);
  const stored: StoredAlertRule = { id: newId('alr'), ...rule, created_at: new Date(now).toISOString() };
  await putRule(store, workspace.name, stored);
  await putState(store, workspace.name, { rule_id: stored.id, state: IDLE, last_evaluated_at: null });
  return publicRule(stored);
}

/** Every rule with its firing state and next run after `now`. */
export async function listAlerts(store: MetadataStore, workspace: Workspace, now = Date.now()): Promise<AlertRuleReport[]> {
  const states = await ruleStates(store, workspace.name);
  return (await listRules(store, workspace.name)).map((rule) => {
    const state = states.get(rule.id);
    const next = nextRun(rule.schedule, workspace.settings.timezone, now);
    return {
      ...publicRule(rule),
      state: viewState(state?.state ?? IDLE),
      last_evaluated_at: state?.last_evaluated_at ?? null,
      next_run: next === null ? null : new Date(next).toISOString(),
    };
  });
}

export async function deleteAlert(store: MetadataStore, workspace: string, id: string): Promise<void> {
  await removeRule(store, workspace, id);
}

/** Firings newest first, at most `limit`; of one rule when `ruleId` is given (404 when it is unknown). */
export async function alertHistory(store: MetadataStore, workspace: string, options: { ruleId?: string; limit?: number } = {}): Promise<AlertFiringRecord[]> {
  if (options.ruleId !== undefined) await requireRule(store, workspace, options.ruleId);
  return (await listFirings(store, workspace, options.ruleId)).slice(0, options.limit ?? MAX_HISTORY);
}

/** Silences the rule's firing until its condition clears (`{ comment }` says why); 409 when nothing fires. */
export async function acknowledgeAlert(store: MetadataStore, workspace: string, id: string, body: unknown, now = Date.now()): Promise<AlertStateView> {
  await requireRule(store, workspace, id);
  const { comment } = checkBody('acknowledgement', checkAcknowledge, body);
  const current = await ruleState(store, workspace, id);
  const state = acknowledge(current.state, comment, now);
  await putState(store, workspace, { ...current, state });
  return viewState(state);
}

/** Evaluates the rule now, as its schedule would. */
export async function runAlert(services: AlertServices, workspace: Workspace, id: string, now = Date.now()): Promise<RuleEvaluation> {
  const rule = await requireRule(services.warehouse, workspace.name, id);
  return evaluateRule(services, workspace, rule, now);
}

/** A goal_pace rule names a goal of its own workspace. */
async function requireGoal(store: MetadataStore, workspace: string, id: string): Promise<void> {
  if ((await store.listObjects(workspace, 'goal')).some((o) => o.id === id)) return;
  throw new ValidationError(`invalid alert rule: condition.goal_id names no goal of this workspace ("${id}"; GET /v1/goals lists them)`, [{ field: 'condition.goal_id', message: `no goal "${id}"` }]);
}

function publicRule(rule: StoredAlertRule): PublicAlertRule {
  const { secret, ...webhook } = rule.webhook;
  return { ...rule, webhook: { ...webhook, signed: secret !== undefined } };
}
