// The body of POST /v1/funnels (and the options of `beacon funnel`): steps,
// a conversion window, the period people enter in, the order the steps must
// come in and an optional breakdown; checked into a FunnelRequest, or a 400
// naming every bad field at once.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { isValidDate } from '../core/time.js';
import { checkBody, DATE_PATTERN, throwIfAny, type Problem } from '../metrics/body-checks.js';
import { MAX_FUNNEL_STEPS, MAX_FUNNEL_WINDOW_DAYS } from '../warehouse/relations/funnels.js';
import type { FunnelBreakdown, FunnelOrder } from '../warehouse/warehouse.js';
import { resolveSteps, SESSION_START, type EventVocabulary, type FunnelStep } from './funnel-steps.js';

export const FUNNEL_ORDERS = ['ordered', 'strict', 'any'] as const satisfies readonly FunnelOrder[];
export const FUNNEL_BREAKDOWNS = ['channel', 'campaign'] as const satisfies readonly FunnelBreakdown[];
const DAY_MS = 86_400_000;

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const FunnelInputSchema = Type.Object(
  {
    steps: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      minItems: 2,
      maxItems: MAX_FUNNEL_STEPS,
      description: `event types, lifecycle stages (lead, mql, sql, opportunity, customer, churned, reactivated) or ${SESSION_START}, first to last; a bare stage name is the stage, "event:NAME" and "stage:NAME" say which is meant`,
    }),
    window_days: Type.Number({ exclusiveMinimum: 0, maximum: MAX_FUNNEL_WINDOW_DAYS, description: 'days after the entering event within which every later step must come (fractions allowed: 0.5 is 12 hours)' }),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day a person may enter (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day a person may enter, inclusive' }),
    order: Type.Optional(
      literals(FUNNEL_ORDERS, 'ordered (default): each step after the previous one, other events allowed between; strict: each step the very next funnel-step event; any: the steps in any order within the window'),
    ),
    by: Type.Optional(literals(FUNNEL_BREAKDOWNS, 'split people by the channel or campaign of the event that entered them')),
  },
  { additionalProperties: false },
);

export type FunnelInput = Static<typeof FunnelInputSchema>;

/** A checked funnel request, every default filled in. */
export interface FunnelRequest {
  steps: FunnelStep[];
  order: FunnelOrder;
  windowDays: number;
  windowMs: number;
  from: string;
  to: string;
  by: FunnelBreakdown | null;
}

const check = TypeCompiler.Compile(FunnelInputSchema);

/** The body, checked against the schema (a 400 naming each bad field otherwise, in words for the step count and the window). */
export function checkFunnelBody(body: unknown): FunnelInput {
  try {
    return checkBody('funnel request', check, body);
  } catch (err) {
    if (!(err instanceof ValidationError) || !Array.isArray(err.details)) throw err;
    const given = (body ?? {}) as Record<string, unknown>;
    throwIfAny('funnel request', (err.details as Problem[]).map((p) => ({ ...p, message: plainMessage(p.field, given) ?? p.message })));
    throw err;
  }
}

/** What is wrong with the step count or the window, said plainly; undefined for anything else. */
function plainMessage(field: string, body: Record<string, unknown>): string | undefined {
  const { steps, window_days: days } = body;
  if (field === 'steps' && Array.isArray(steps) && (steps.length < 2 || steps.length > MAX_FUNNEL_STEPS)) {
    return `must name 2 to ${MAX_FUNNEL_STEPS} steps (got ${steps.length})`;
  }
  if (field === 'window_days') {
    if (typeof days !== 'number') return 'must be a number of days above 0 (at most 365)';
    if (days <= 0 || days > MAX_FUNNEL_WINDOW_DAYS) return `must be above 0 and at most ${MAX_FUNNEL_WINDOW_DAYS} days (got ${days})`;
  }
  return undefined;
}

/**
 * A checked body with its steps resolved against the vocabulary; every
 * problem (an unknown step with the names nearest to it, from after to,
 * repeated steps with order any) in one 400.
 *
 * @example parseFunnelRequest({ steps: ['ad_click', 'purchase'], window_days: 7, from: '2026-11-01', to: '2026-11-30' }, baseVocabulary(['purchase']))
 */
export function parseFunnelRequest(input: FunnelInput, vocabulary: EventVocabulary): FunnelRequest {
  const { steps, problems } = resolveSteps(input.steps, vocabulary);
  const dates: Problem[] = [];
  for (const field of ['from', 'to'] as const) {
    if (!isValidDate(input[field])) dates.push({ field, message: `"${input[field]}" is not a date YYYY-MM-DD` });
  }
  if (dates.length === 0 && input.from > input.to) dates.push({ field: 'from', message: `(${input.from}) is after to (${input.to})` });
  const order = input.order ?? 'ordered';
  if (order === 'any' && problems.length === 0) {
    const repeated = input.steps.filter((name, i) => steps.findIndex((s) => sameMatch(s, steps[i])) !== i);
    if (repeated.length > 0) problems.push({ field: 'steps', message: `repeat ${repeated.join(', ')}: with order any every step must differ` });
  }
  const windowMs = Math.round(input.window_days * DAY_MS);
  if (windowMs < 1) problems.push({ field: 'window_days', message: 'must be above 0' });
  throwIfAny('funnel request', [...problems, ...dates]);
  return { steps, order, windowDays: input.window_days, windowMs, from: input.from, to: input.to, by: input.by ?? null };
}

const sameMatch = (a: FunnelStep, b: FunnelStep) => JSON.stringify(a.match) === JSON.stringify(b.match);
