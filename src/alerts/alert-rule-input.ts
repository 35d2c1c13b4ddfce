// The body of POST /v1/alerts: what to watch (a metric with filters, on a
// grain, optionally per campaign or channel), when it fires (its condition),
// when it is evaluated (a cron schedule in the workspace's time zone, and
// after each ingestion when realtime), where it is sent and what it
// recommends. Checked into an AlertRule, or one 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { didYouMean } from '../core/closest.js';
import type { Grain } from '../core/time.js';
import { checkBody, FilterSchema, throwIfAny, type Problem } from '../metrics/body-checks.js';
import { FACTS, type FactId } from '../metrics/facts.js';
import { UNITS, type Dimension, type Filter } from '../metrics/types.js';
import type { AlertCondition } from './alert-firing.js';
import { ConditionSchema, parseCondition } from './alert-condition-input.js';
import { ACTION_KINDS, type ActionRule } from './recommended-action.js';
import { DEFAULT_SCHEDULE, scheduleProblem } from './next-run.js';
import type { WebhookFormat } from './webhook-payload.js';

export const ALERT_GRAINS = ['hour', 'day', 'week', 'month'] as const satisfies readonly Grain[];
export type AlertGrain = (typeof ALERT_GRAINS)[number];
export const ALERT_BREAKDOWNS = ['campaign', 'channel'] as const satisfies readonly Dimension[];
export type AlertBreakdown = (typeof ALERT_BREAKDOWNS)[number];
export const WEBHOOK_FORMATS = ['json', 'slack'] as const satisfies readonly WebhookFormat[];

export const DEFAULT_COOLDOWN_MINUTES = 60;
/** A week: a rule quieter than that is better paused. */
export const MAX_COOLDOWN_MINUTES = 10_080;
/** An HMAC key shorter than this is guessable. */
export const MIN_SECRET_LENGTH = 16;
/** Every unit of the catalog is a number today; a metric of any other unit has nothing to compare. */
const NUMERIC_UNITS: ReadonlySet<string> = new Set(UNITS);

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const AlertRuleInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'a metric id of the catalog, built in or custom; not with a funnel condition' })),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50, description: 'as in POST /v1/query' })),
    grain: Type.Optional(literals(ALERT_GRAINS, 'the bucket evaluated: the latest, complete or current (today for day); default day')),
    condition: ConditionSchema,
    by: Type.Optional(literals(ALERT_BREAKDOWNS, 'evaluate per campaign or channel, and name the segments that moved')),
    schedule: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: `a five-field cron expression in the workspace's time zone (default "${DEFAULT_SCHEDULE}", hourly)` })),
    realtime: Type.Optional(Type.Boolean({ description: 'also evaluate after each ingestion that touches the metric’s sources' })),
    cooldown_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_COOLDOWN_MINUTES, description: `no new firing within this many minutes of the last (default ${DEFAULT_COOLDOWN_MINUTES})` })),
    webhook: Type.Object(
      {
        url: Type.String({ minLength: 1, maxLength: 2048, description: 'an http(s) URL' }),
        secret: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: `signs each body (X-Beacon-Signature); at least ${MIN_SECRET_LENGTH} characters` })),
        format: Type.Optional(literals(WEBHOOK_FORMATS, 'json (default) or slack')),
      },
      { additionalProperties: false },
    ),
    action: Type.Optional(
      Type.Object(
        {
          action: literals(ACTION_KINDS, 'what to recommend'),
          by_percent: Type.Optional(Type.Number({ description: 'budget and bid changes: by how much, 1 to 100' })),
          max_change_per_day_percent: Type.Optional(Type.Number({ description: 'budget and bid changes: at most this much per campaign and day, 1 to 100' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type AlertRuleInput = Static<typeof AlertRuleInputSchema>;

/** What a rule needs to know of a metric: a CatalogMetric has it all. */
export interface RuleMetric {
  readonly unit: string;
  readonly dimensions: readonly Dimension[];
  readonly facts: readonly FactId[];
}

export interface RuleContext {
  /** The catalog with the workspace's own metrics, by id. */
  readonly metrics: ReadonlyMap<string, RuleMetric>;
  /** The workspace's IANA time zone: the schedule's wall clock. */
  readonly timeZone: string;
}

/** A checked rule, every default filled in; field names as in the body. */
export interface AlertRule {
  readonly name: string;
  /** Null for a funnel condition (its value is the funnel's conversion) and for a goal_pace one that leaves it to the goal. */
  readonly metric: string | null;
  readonly filters: readonly Filter[];
  readonly grain: AlertGrain;
  readonly condition: AlertCondition;
  readonly by: AlertBreakdown | null;
  readonly schedule: string;
  readonly realtime: boolean;
  readonly cooldown_minutes: number;
  readonly webhook: { readonly url: string; readonly secret?: string; readonly format: WebhookFormat };
  readonly action: ActionRule | null;
}

const check = TypeCompiler.Compile(AlertRuleInputSchema);

/** The body checked against the schema: a 400 naming every field of the wrong type or shape. */
export function checkAlertBody(body: unknown): AlertRuleInput {
  return checkBody('alert rule', check, body);
}

/**
 * A checked body with every value checked against the catalog and the
 * calendar and every default filled in; all problems in one 400.
 *
 * @example
 * parseAlertRule(checkAlertBody({ name: 'CPA too high', metric: 'cpa', condition: { kind: 'threshold', op: 'above', value: 40 },
 *   webhook: { url: 'https://hooks.example/beacon' } }), { metrics: CATALOG_BY_ID, timeZone: 'Europe/Paris' })
 * // → { metric: 'cpa', filters: [], grain: 'day', by: null, schedule: '0 * * * *', realtime: false, cooldown_minutes: 60,
 * //     webhook: { url: 'https://hooks.example/beacon', format: 'json' }, action: null, … }
 */
export function parseAlertRule(input: AlertRuleInput, context: RuleContext): AlertRule {
  const problems: Problem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'must not be blank' });
  const condition = parseCondition(input.condition, problems);
  const grain = input.grain ?? 'day';
  const filters = (input.filters ?? []).map((f) => ({ ...f, values: f.values.slice() }));
  const by = input.by ?? null;
  checkShapeOfKind(input, problems);
  const metric = input.metric === undefined ? undefined : context.metrics.get(input.metric);
  if (input.metric !== undefined && metric === undefined) {
    problems.push({ field: 'metric', message: `unknown metric "${input.metric}"${didYouMean(input.metric, context.metrics.keys())} (GET /v1/catalog lists every metric)` });
  }
  if (metric) checkAgainstMetric(metric, input, grain, filters, problems);
  filters.forEach((f, i) => {
    if ((f.op === 'eq' || f.op === 'neq') && f.values.length !== 1) problems.push({ field: `filters[${i}].values`, message: `op "${f.op}" takes exactly one value (use in / not_in for several)` });
  });
  const schedule = input.schedule ?? DEFAULT_SCHEDULE;
  const badSchedule = scheduleProblem(schedule, context.timeZone);
  if (badSchedule) problems.push({ field: 'schedule', message: badSchedule });
  checkWebhook(input.webhook, problems);
  const action = input.action ? checkAction(input.action, problems) : null;
  throwIfAny('alert rule', problems);
  return {
    name: input.name.trim(),
    metric: input.metric ?? null,
    filters,
    grain,
    condition,
    by,
    schedule,
    realtime: input.realtime ?? false,
    cooldown_minutes: input.cooldown_minutes ?? DEFAULT_COOLDOWN_MINUTES,
    webhook: { url: input.webhook.url, ...(input.webhook.secret === undefined ? {} : { secret: input.webhook.secret }), format: input.webhook.format ?? 'json' },
    action,
  };
}

/** Which of metric, filters, by and grain a condition's kind takes. */
function checkShapeOfKind(input: AlertRuleInput, problems: Problem[]): void {
  const kind = input.condition.kind;
  if (kind === 'funnel') {
    if (input.metric !== undefined) problems.push({ field: 'metric', message: 'does not go with a funnel condition, whose value is the funnel’s conversion' });
    if (input.filters?.length) problems.push({ field: 'filters', message: 'do not go with a funnel condition: a funnel counts every visitor' });
  } else if (kind === 'data_quality') {
    if (input.metric !== undefined) problems.push({ field: 'metric', message: 'does not go with a data_quality condition, whose value is the number of findings' });
    if (input.filters?.length) problems.push({ field: 'filters', message: 'do not go with a data_quality condition: the audit covers the whole workspace' });
    if (input.by !== undefined) problems.push({ field: 'by', message: 'does not go with a data_quality condition: findings are not split by segment' });
  } else if (kind === 'goal_pace') {
    if (input.filters?.length) problems.push({ field: 'filters', message: 'do not go with a goal_pace condition: the goal’s own filters apply' });
    if (input.by !== undefined) problems.push({ field: 'by', message: 'does not go with a goal_pace condition: a goal is paced as a whole' });
  } else if (input.metric === undefined) {
    problems.push({ field: 'metric', message: `is required for a ${kind} condition` });
  }
  if (kind === 'anomaly' && input.grain === 'hour') problems.push({ field: 'grain', message: 'an anomaly condition needs day, week or month: the detector learns daily, weekly or monthly seasons' });
}

function checkAgainstMetric(metric: RuleMetric, input: AlertRuleInput, grain: AlertGrain, filters: Filter[], problems: Problem[]): void {
  const kind = input.condition.kind;
  if ((kind === 'threshold' || kind === 'change' || kind === 'anomaly') && !NUMERIC_UNITS.has(metric.unit)) {
    problems.push({ field: 'metric', message: `"${input.metric}" is measured in ${metric.unit}, not a number: a ${kind} condition cannot compare it` });
  }
  const supported = metric.dimensions.join(', ') || 'no dimensions';
  filters.forEach((f, i) => {
    if (!metric.dimensions.includes(f.dimension)) problems.push({ field: `filters[${i}].dimension`, message: `"${input.metric}" cannot be filtered by ${f.dimension}; it supports ${supported}` });
  });
  if (input.by !== undefined && !metric.dimensions.includes(input.by)) problems.push({ field: 'by', message: `"${input.metric}" cannot be split by ${input.by}; it supports ${supported}` });
  if (grain === 'hour' && metric.facts.some((f) => FACTS[f].time.kind === 'date')) {
    problems.push({ field: 'grain', message: `"${input.metric}" reads daily data (ad_performance or costs): use day or coarser` });
  }
}

/** Syntax only: the delivery checks where the host leads. Messages leave the path and the secret out. */
function checkWebhook(webhook: AlertRuleInput['webhook'], problems: Problem[]): void {
  let url: URL | null = null;
  try {
    url = new URL(webhook.url);
  } catch {
    problems.push({ field: 'webhook.url', message: 'is not a URL' });
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push({ field: 'webhook.url', message: `must be http or https, not ${url.protocol.slice(0, -1)}` });
  if (webhook.secret !== undefined && webhook.secret.length < MIN_SECRET_LENGTH) {
    problems.push({ field: 'webhook.secret', message: `must be at least ${MIN_SECRET_LENGTH} characters (got ${webhook.secret.length})` });
  }
}

function checkAction(input: NonNullable<AlertRuleInput['action']>, problems: Problem[]): ActionRule {
  const { action, by_percent: by, max_change_per_day_percent: cap } = input;
  if (action === 'pause') {
    for (const field of ['by_percent', 'max_change_per_day_percent'] as const) {
      if (input[field] !== undefined) problems.push({ field: `action.${field}`, message: 'applies to budget and bid changes, not to pause' });
    }
    return { action };
  }
  if (by === undefined) problems.push({ field: 'action.by_percent', message: `is required for ${action}` });
  else if (!(Number.isFinite(by) && by >= 1 && by <= 100)) problems.push({ field: 'action.by_percent', message: `must be from 1 to 100 (got ${by})` });
  if (cap !== undefined) {
    if (!(Number.isFinite(cap) && cap >= 1 && cap <= 100)) problems.push({ field: 'action.max_change_per_day_percent', message: `must be from 1 to 100 (got ${cap})` });
    else if (by !== undefined && cap < by) problems.push({ field: 'action.max_change_per_day_percent', message: `(${cap}) is below by_percent (${by}): every recommendation would be cut to it` });
  }
  return { action, ...(by === undefined ? {} : { by_percent: by }), ...(cap === undefined ? {} : { max_change_per_day_percent: cap }) };
}
