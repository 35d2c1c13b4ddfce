// Workspace settings (DATA.md): currency, time zone, conversion types, margin,
// own hosts, channel rules, attribution defaults, bot filtering, Segment event names.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { isValidTimeZone } from '../core/time.js';
import { ATTRIBUTION_MODELS } from './attribution.js';
import { unstorableText } from './stored-text.js';

export const ChannelRuleSchema = Type.Object(
  {
    channel: Type.String({ minLength: 1, maxLength: 64 }),
    source: Type.Optional(Type.String({ maxLength: 512, description: 'regex (RE2 syntax), case-insensitive, full match' })),
    medium: Type.Optional(Type.String({ maxLength: 512 })),
    campaign: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const WorkspaceSettingsSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    conversion_types: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }),
    gross_margin: Type.Number({ minimum: 0, maximum: 1 }),
    own_hosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: 100 }),
    channel_rules: Type.Array(ChannelRuleSchema, { maxItems: 200 }),
    attribution_model: Type.Union(ATTRIBUTION_MODELS.map((m) => Type.Literal(m))),
    lookback_days: Type.Integer({ minimum: 1, maximum: 365 }),
    session_timeout_minutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
    bot_filtering: Type.Boolean(),
    acquisition_touch: Type.Union([Type.Literal('first_touch'), Type.Literal('last_non_direct')], {
      description: "which touch gives a customer's acquisition channel and campaign: their first, or their last non-direct one up to their first completed order",
    }),
    segment_events: Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.String({ minLength: 1, maxLength: 64 }), {
      maxProperties: 200,
      description: 'Segment track event name → Beacon event type, applied as events arrive at /v1/segment/*; other track names are stored under their own name',
    }),
  },
  { additionalProperties: false },
);

export type WorkspaceSettings = Static<typeof WorkspaceSettingsSchema>;
export type ChannelRule = Static<typeof ChannelRuleSchema>;

/**
 * Segment track names Beacon has a type of its own for: Order Completed (Segment's
 * e-commerce spec), Signed Up (its B2B SaaS spec) and Lead Generated (no spec name, the usual one).
 */
export const DEFAULT_SEGMENT_EVENTS: Readonly<Record<string, string>> = Object.freeze({
  'Order Completed': 'purchase',
  'Signed Up': 'signup',
  'Lead Generated': 'lead',
});

export const DEFAULT_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({
  currency: 'USD',
  timezone: 'UTC',
  conversion_types: ['purchase'],
  gross_margin: 0.5,
  own_hosts: [],
  channel_rules: [],
  attribution_model: 'last_non_direct',
  lookback_days: 30,
  session_timeout_minutes: 30,
  bot_filtering: true,
  acquisition_touch: 'first_touch',
  segment_events: DEFAULT_SEGMENT_EVENTS,
});

/**
 * Settings as a workspace stored them, with the defaults of settings added
 * since (a workspace created before a setting existed has the default).
 *
 * @example storedSettings('{"currency":"EUR",…}').acquisition_touch // → 'first_touch'
 */
export function storedSettings(stored: unknown): WorkspaceSettings {
  const parsed = typeof stored === 'string' ? (JSON.parse(stored) as Partial<WorkspaceSettings>) : (stored as Partial<WorkspaceSettings>);
  return { ...DEFAULT_SETTINGS, ...parsed };
}

const check = TypeCompiler.Compile(WorkspaceSettingsSchema);

/** Settings whose change invalidates what was derived from raw events. */
export const DERIVATION_SETTINGS: readonly (keyof WorkspaceSettings)[] = [
  'currency',
  'timezone',
  'conversion_types',
  'own_hosts',
  'channel_rules',
  'session_timeout_minutes',
  'lookback_days',
  'bot_filtering',
];

/** Validates a complete settings object; throws ValidationError naming every bad field. */
export function checkSettings(settings: unknown): WorkspaceSettings {
  const problems = [...check.Errors(settings)].map((e) => ({
    field: e.path.replace(/^\//, '').replace(/\//g, '.') || '(settings)',
    message: e.message,
  }));
  const s = settings as WorkspaceSettings;
  const unstorable = problems.length === 0 ? unstorableText(settings) : undefined;
  if (unstorable) problems.push(unstorable);
  if (problems.length === 0 && !Intl.supportedValuesOf('currency').includes(s.currency)) {
    problems.push({ field: 'currency', message: `"${s.currency}" is not an ISO 4217 currency code` });
  }
  if (problems.length === 0 && !isValidTimeZone(s.timezone)) {
    problems.push({ field: 'timezone', message: `unknown IANA time zone "${s.timezone}"` });
  }
  if (problems.length > 0) {
    throw new ValidationError(`invalid settings: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
  return s;
}

/** Applies a partial change to settings and validates the result. */
export function mergeSettings(current: WorkspaceSettings, patch: Record<string, unknown>): WorkspaceSettings {
  const unknown = Object.keys(patch).filter((k) => !(k in WorkspaceSettingsSchema.properties));
  if (unknown.length > 0) {
    throw new ValidationError(
      `unknown setting ${unknown.join(', ')}; known settings: ${Object.keys(WorkspaceSettingsSchema.properties).join(', ')}`,
    );
  }
  return checkSettings({ ...current, ...patch });
}

/**
 * Parses a CLI assignment `name=value` into a settings patch. Lists are comma
 * separated; JSON is accepted for structured values (channel_rules).
 */
export function parseSettingAssignment(text: string): Record<string, unknown> {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ValidationError(`expected name=value, got "${text}"`);
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const schema = (WorkspaceSettingsSchema.properties as Record<string, { type?: string }>)[name];
  if (!schema) {
    throw new ValidationError(
      `unknown setting "${name}"; known settings: ${Object.keys(WorkspaceSettingsSchema.properties).join(', ')}`,
    );
  }
  if (raw.startsWith('[') || raw.startsWith('{')) {
    try {
      return { [name]: JSON.parse(raw) };
    } catch {
      throw new ValidationError(`setting "${name}": value is not valid JSON`);
    }
  }
  switch (schema.type) {
    case 'array':
      return { [name]: raw === '' ? [] : raw.split(',').map((s) => s.trim()) };
    case 'number':
    case 'integer':
      return { [name]: Number(raw) };
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new ValidationError(`setting "${name}" must be true or false`);
      return { [name]: raw === 'true' };
    default:
      return { [name]: raw };
  }
}
