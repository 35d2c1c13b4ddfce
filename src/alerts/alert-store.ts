// Where alert rules live: the rules, each rule's firing state and the firings
// it recorded, as workspace objects of the warehouse (one object per rule,
// per state and per firing), so both engines keep them alike.
import { NotFoundError } from '../core/errors.js';
import type { MetadataStore } from '../warehouse/warehouse.js';
import type { AlertRule } from './alert-rule-input.js';
import type { AlertCondition, FiringQuery, FiringSegment, Trigger } from './alert-firing.js';
import { IDLE, type FiringState } from './firing-state.js';
import type { RecommendedAction } from './recommended-action.js';
import type { DeliveryResult } from './webhook-delivery.js';

export interface StoredAlertRule extends AlertRule {
  readonly id: string;
  /** When it was created (ISO 8601, UTC). */
  readonly created_at: string;
}

export interface StoredAlertState {
  readonly rule_id: string;
  readonly state: FiringState;
  /** The last evaluation (ISO 8601, UTC); null before the first. */
  readonly last_evaluated_at: string | null;
}

/** One firing as the history keeps it: what was found, what was recommended and how the webhook went. */
export interface AlertFiringRecord {
  readonly id: string;
  readonly rule_id: string;
  readonly name: string;
  readonly metric: string;
  readonly fired_at: string;
  /** What started the evaluation that fired (absent in firings recorded before Beacon kept it). */
  readonly trigger?: Trigger;
  readonly value: number | null;
  /** What the value was judged against: the threshold, the previous value, the expected value… */
  readonly reference: number | null;
  readonly because: string;
  readonly condition: AlertCondition;
  readonly query: FiringQuery;
  readonly segments: readonly FiringSegment[];
  readonly action: RecommendedAction | null;
  /** Why no action was recommended although the rule has one (its daily cap was used up). */
  readonly action_note?: string;
  readonly delivery: DeliveryResult;
}

export async function listRules(store: MetadataStore, workspace: string): Promise<StoredAlertRule[]> {
  return (await store.listObjects(workspace, 'alert_rule')).map((o) => o.body as StoredAlertRule);
}

/** The rule, or a 404 (another workspace's rule is as unknown as a rule that never was). */
export async function requireRule(store: MetadataStore, workspace: string, id: string): Promise<StoredAlertRule> {
  const rule = (await listRules(store, workspace)).find((r) => r.id === id);
  if (!rule) throw new NotFoundError(`unknown alert rule "${id}" (GET /v1/alerts lists them)`);
  return rule;
}

export function putRule(store: MetadataStore, workspace: string, rule: StoredAlertRule): Promise<void> {
  return store.putObject(workspace, 'alert_rule', rule.id, rule);
}

/** Deletes the rule and its state; its firings stay in the history. */
export async function removeRule(store: MetadataStore, workspace: string, id: string): Promise<void> {
  if (!(await store.deleteObject(workspace, 'alert_rule', id))) throw new NotFoundError(`unknown alert rule "${id}" (GET /v1/alerts lists them)`);
  await store.deleteObject(workspace, 'alert_state', id);
}

export async function ruleStates(store: MetadataStore, workspace: string): Promise<Map<string, StoredAlertState>> {
  return new Map((await store.listObjects(workspace, 'alert_state')).map((o) => [o.id, o.body as StoredAlertState]));
}

export async function ruleState(store: MetadataStore, workspace: string, ruleId: string): Promise<StoredAlertState> {
  return (await ruleStates(store, workspace)).get(ruleId) ?? { rule_id: ruleId, state: IDLE, last_evaluated_at: null };
}

export function putState(store: MetadataStore, workspace: string, state: StoredAlertState): Promise<void> {
  return store.putObject(workspace, 'alert_state', state.rule_id, state);
}

/** Firings, newest first; of one rule when `ruleId` is given. */
export async function listFirings(store: MetadataStore, workspace: string, ruleId?: string): Promise<AlertFiringRecord[]> {
  const firings = (await store.listObjects(workspace, 'alert_firing')).map((o) => o.body as AlertFiringRecord);
  return firings.filter((f) => ruleId === undefined || f.rule_id === ruleId).sort((a, b) => b.fired_at.localeCompare(a.fired_at) || b.id.localeCompare(a.id));
}

export function putFiring(store: MetadataStore, workspace: string, firing: AlertFiringRecord): Promise<void> {
  return store.putObject(workspace, 'alert_firing', firing.id, firing);
}
