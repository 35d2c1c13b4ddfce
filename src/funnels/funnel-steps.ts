// How a funnel step's name maps to what it matches: a lifecycle stage, an
// event type, or the start of a session. Pure: the event types a workspace
// holds are handed in by the caller.
import { didYouMean } from '../core/closest.js';
import { STAGES } from '../model/sources.js';
import { OFFSITE_EVENT_TYPES, ONSITE_EVENT_TYPES } from '../warehouse/tables.js';
import type { FunnelStepMatch } from '../warehouse/warehouse.js';
import type { Problem } from '../metrics/body-checks.js';

/** The pseudo event type a session's start goes by. */
export const SESSION_START = 'session_start';

/** The event types DATA.md lists. */
export const KNOWN_EVENT_TYPES: readonly string[] = [...ONSITE_EVENT_TYPES, ...OFFSITE_EVENT_TYPES];

/** A step as the report names it. */
export interface FunnelStep {
  /** The name as given (`lead`, `event:lead`, `purchase`…). */
  name: string;
  kind: FunnelStepMatch['kind'];
  match: FunnelStepMatch;
}

/** The event types a step may name: DATA.md's, the workspace's conversion types and (when looked up) the types its events hold. */
export interface EventVocabulary {
  eventTypes: ReadonlySet<string>;
}

/** The vocabulary of a workspace: DATA.md's types, its conversion types and, once looked up, the types its events hold. */
export function baseVocabulary(conversionTypes: readonly string[], storedTypes: readonly string[] = []): EventVocabulary {
  return { eventTypes: new Set([...KNOWN_EVENT_TYPES, ...conversionTypes, ...storedTypes]) };
}

const isStage = (name: string) => (STAGES as readonly string[]).includes(name);

/**
 * What a step name matches: `stage:NAME` a lifecycle stage, `event:NAME` an
 * event type, `session_start` the start of a session; a bare name is a
 * lifecycle stage when it is one (lead, mql, sql, opportunity, customer,
 * churned, reactivated), else an event type the vocabulary knows. Undefined
 * for a name that matches nothing.
 *
 * @example resolveStep('lead', vocabulary) // { name: 'lead', kind: 'stage', match: { kind: 'stage', stage: 'lead' } }
 */
export function resolveStep(name: string, vocabulary: EventVocabulary): FunnelStep | undefined {
  const stage = (s: string): FunnelStep => ({ name, kind: 'stage', match: { kind: 'stage', stage: s } });
  const event = (type: string): FunnelStep => ({ name, kind: 'event', match: { kind: 'event', type } });
  if (name.startsWith('stage:')) return isStage(name.slice(6)) ? stage(name.slice(6)) : undefined;
  if (name.startsWith('event:')) return vocabulary.eventTypes.has(name.slice(6)) ? event(name.slice(6)) : undefined;
  if (name === SESSION_START) return { name, kind: 'session_start', match: { kind: 'session_start' } };
  if (isStage(name)) return stage(name);
  return vocabulary.eventTypes.has(name) ? event(name) : undefined;
}

/** The names that match nothing in the vocabulary (a caller may then look up the workspace's stored types). */
export function unknownSteps(names: readonly string[], vocabulary: EventVocabulary): string[] {
  return names.filter((name) => resolveStep(name, vocabulary) === undefined);
}

/** Each step resolved, or a problem per unknown one naming it (steps[i]) with the names nearest to it. */
export function resolveSteps(names: readonly string[], vocabulary: EventVocabulary): { steps: FunnelStep[]; problems: Problem[] } {
  const steps: FunnelStep[] = [];
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    const step = resolveStep(name, vocabulary);
    if (step) steps.push(step);
    else problems.push({ field: `steps[${i}]`, message: unknownMessage(name, vocabulary) });
  });
  return { steps, problems };
}

function unknownMessage(name: string, vocabulary: EventVocabulary): string {
  const events = [...vocabulary.eventTypes];
  if (name.startsWith('stage:')) return `"${name}" names no lifecycle stage (${STAGES.join(', ')})${didYouMean(name.slice(6), STAGES)}`;
  if (name.startsWith('event:')) return `"${name}" names no event type this workspace knows${didYouMean(name.slice(6), events)}`;
  return `"${name}" is neither an event type this workspace knows, a lifecycle stage nor ${SESSION_START}${didYouMean(name, new Set([...events, ...STAGES, SESSION_START]))}`;
}

/** Notes on bare names that could mean two things (DATA.md's `lead` event and the `lead` stage): which one was read. */
export function ambiguityNotes(steps: readonly FunnelStep[], vocabulary: EventVocabulary): string[] {
  const both = steps.filter((s) => s.kind === 'stage' && !s.name.startsWith('stage:') && vocabulary.eventTypes.has(s.name)).map((s) => s.name);
  return [...new Set(both)].map((name) => `"${name}" is read as the lifecycle stage; write "event:${name}" for the ${name} event`);
}
