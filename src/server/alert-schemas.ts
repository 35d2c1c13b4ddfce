// The answers of the alerts API as TypeBox schemas, for the OpenAPI document
// and the dashboard's typed client; compile-time checks keep them in step
// with what the alerts service returns.
import { Type, type TSchema } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import { ALERT_BREAKDOWNS, ALERT_GRAINS, WEBHOOK_FORMATS } from '../alerts/alert-rule-input.js';
import type { AlertRuleReport, PublicAlertRule } from '../alerts/alerts-service.js';
import type { AlertFiringRecord } from '../alerts/alert-store.js';
import type { RuleEvaluation } from '../alerts/evaluate-rule.js';
import { TRIGGERS } from '../alerts/alert-firing.js';
import { ACTION_KINDS } from '../alerts/recommended-action.js';
import type { AlertStateView } from '../alerts/state-view.js';
import type { DeliveryResult } from '../alerts/webhook-delivery.js';
import { FilterSchema } from '../metrics/body-checks.js';
import { GRAINS } from '../core/time.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const nullable = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });
const op = literals(['above', 'below']);
const trigger = literals(TRIGGERS, 'what started the evaluation: its schedule, a catch-up at start, an ingestion (real-time rules) or a person');

const ConditionSchema = Type.Union([
  Type.Object({ kind: Type.Literal('threshold'), op, value: Type.Number() }),
  Type.Object({ kind: Type.Literal('change'), op, percent: Type.Number() }),
  Type.Object({ kind: Type.Literal('anomaly'), sensitivity: Type.Number() }),
  Type.Object({ kind: Type.Literal('goal_pace'), goal_id: Type.String() }),
  Type.Object({ kind: Type.Literal('funnel'), steps: Type.Array(Type.String()), window_days: Type.Number(), op, value: Type.Number() }),
  Type.Object({ kind: Type.Literal('data_quality'), severity: literals(['error', 'warning']) }),
]);

const ruleFields = {
  id: Type.String(),
  name: Type.String(),
  metric: nullable(Type.String(), 'null for a funnel condition, and for goal_pace without one'),
  filters: Type.Array(FilterSchema),
  grain: literals(ALERT_GRAINS),
  condition: ConditionSchema,
  by: nullable(literals(ALERT_BREAKDOWNS), 'the breakdown whose segments a firing names'),
  schedule: Type.String({ description: "five-field cron expression in the workspace's time zone" }),
  realtime: Type.Boolean(),
  cooldown_minutes: Type.Integer(),
  webhook: Type.Object({ url: Type.String(), format: literals(WEBHOOK_FORMATS), signed: Type.Boolean({ description: 'a secret signs each body (the secret itself is never shown)' }) }),
  action: nullable(
    Type.Object({ action: literals(ACTION_KINDS), by_percent: Type.Optional(Type.Number()), max_change_per_day_percent: Type.Optional(Type.Number()) }),
    'what a firing recommends',
  ),
  created_at: Type.String(),
};

export const AlertRuleSchema = Type.Object(ruleFields);

export const AlertStateSchema = Type.Object({
  status: literals(['idle', 'firing', 'acknowledged', 'cooling_down', 'cleared']),
  since: nullable(Type.String(), 'when the condition started holding'),
  last_fired_at: nullable(Type.String(), 'the last firing sent'),
  acknowledged_at: nullable(Type.String(), 'acknowledged: when'),
  comment: nullable(Type.String(), 'acknowledged: why'),
  cleared_at: nullable(Type.String(), 'cleared: when'),
});

const AlertRuleReportSchema = Type.Object({
  ...ruleFields,
  state: AlertStateSchema,
  last_evaluated_at: nullable(Type.String(), 'null before the first evaluation'),
  next_run: nullable(Type.String(), 'the next run of its schedule; null when it has none'),
});

export const AlertListSchema = Type.Object({ alerts: Type.Array(AlertRuleReportSchema) });

const SegmentSchema = Type.Object({
  dimension: Type.String(),
  value: Type.String({ description: 'the campaign or channel' }),
  metric_value: nullable(Type.Number(), 'the metric in the segment'),
  contribution_percent: Type.Number({ description: 'its share of the change of the whole, in percent; negative when it moved against it' }),
});

const QuerySchema = Type.Object({
  metrics: Type.Array(Type.String()),
  from: Type.String(),
  to: Type.String(),
  grain: Type.Optional(nullable(literals(GRAINS), 'the grain of the rule')),
  dimensions: Type.Optional(Type.Array(Type.String())),
  filters: Type.Optional(Type.Array(FilterSchema)),
});

const DeliverySchema = Type.Object({
  delivered: Type.Boolean(),
  attempts: Type.Array(
    Type.Object({ attempt: Type.Integer(), at: Type.String(), status: Type.Optional(Type.Integer()), error: Type.Optional(Type.String()), duration_ms: Type.Number() }),
  ),
  error: Type.Optional(Type.String({ description: 'why the delivery failed' })),
});

const FiringSchema = Type.Object({
  id: Type.String(),
  rule_id: Type.String(),
  name: Type.String(),
  metric: Type.String(),
  fired_at: Type.String(),
  trigger: Type.Optional(trigger),
  value: nullable(Type.Number(), 'the value judged'),
  reference: nullable(Type.Number(), 'what it was judged against'),
  because: Type.String(),
  condition: ConditionSchema,
  query: QuerySchema,
  segments: Type.Array(SegmentSchema),
  action: nullable(
    Type.Object({ action: literals(ACTION_KINDS), campaign_id: Type.Optional(Type.String()), by_percent: Type.Optional(Type.Number()), because: Type.String() }),
    'the recommended action, within its daily cap',
  ),
  action_note: Type.Optional(Type.String({ description: 'why no action was recommended' })),
  delivery: DeliverySchema,
});

export const AlertHistorySchema = Type.Object({ firings: Type.Array(FiringSchema, { description: 'newest first' }) });

export const AlertEvaluationSchema = Type.Object({
  rule_id: Type.String(),
  evaluated_at: Type.String(),
  trigger,
  met: Type.Boolean(),
  no_data: Type.Boolean(),
  value: nullable(Type.Number(), 'the value judged'),
  reference: nullable(Type.Number(), 'what it was judged against'),
  because: Type.String(),
  fired: Type.Boolean({ description: 'a firing was recorded and its webhook sent' }),
  resolved: Type.Boolean({ description: 'a firing has just cleared' }),
  state: AlertStateSchema,
  query: QuerySchema,
  segments: Type.Array(SegmentSchema),
  firing: nullable(FiringSchema, 'the firing this evaluation recorded'),
  notes: Type.Array(Type.String()),
});

export const AcknowledgedSchema = Type.Object({ state: AlertStateSchema });

/** The service types with readonly dropped: the schemas' static types are mutable. */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

export type AlertRuleSchemaCheck = Assert<FieldsFit<typeof AlertRuleSchema, Mutable<PublicAlertRule>>>;
export type AlertReportSchemaCheck = Assert<FieldsFit<typeof AlertRuleReportSchema, Mutable<AlertRuleReport>>>;
export type AlertStateSchemaCheck = Assert<FieldsFit<typeof AlertStateSchema, Mutable<AlertStateView>>>;
export type FiringSchemaCheck = Assert<FieldsFit<typeof FiringSchema, Mutable<AlertFiringRecord>>>;
export type DeliverySchemaCheck = Assert<FieldsFit<typeof DeliverySchema, Mutable<DeliveryResult>>>;
export type EvaluationSchemaCheck = Assert<FieldsFit<typeof AlertEvaluationSchema, Mutable<RuleEvaluation>>>;

/** The components the OpenAPI document names. */
export const ALERT_SCHEMAS = {
  AlertRule: AlertRuleSchema,
  AlertList: AlertListSchema,
  AlertHistory: AlertHistorySchema,
  AlertEvaluation: AlertEvaluationSchema,
  AlertAcknowledged: AcknowledgedSchema,
};
