// The funnel-step events of each person, written once for every engine: the
// derived events, lifecycle records and session starts a funnel's steps name,
// in the funnel's time range, as one array per person. An element is one
// integer, its epoch ms × 16 + the first step it matches, so that comparing
// two elements orders them by time, then by the funnel's order, and the
// arrays stay small; nothing else of an event travels.
import type { FunnelQuery, FunnelStepMatch } from '../warehouse.js';
import { campaignAttributes } from './fact-relations.js';
import type { RelationBuild } from './relation-build.js';

/** What a breakdown value is when the entering event has none. */
export const NO_BREAKDOWN_VALUE = '(none)';

/** An element is ms × STEP_SLOTS + its step (1 … 10): steps fit below it. */
export const STEP_SLOTS = 16;

/** The instants [start, end) of the entering events, and the window every later step must fall in. */
export interface FunnelRange {
  start: number;
  end: number;
  windowMs: number;
}

/** A step's identity: steps with the same one match the same events. */
export function matchKey(step: FunnelStepMatch): string {
  return step.kind === 'event' ? `event:${step.type}` : step.kind === 'stage' ? `stage:${step.stage}` : 'session_start';
}

/** For each step, the 1-based index of the first step matching the same events (its own index, unless a name repeats). */
export function stepOrds(steps: readonly FunnelStepMatch[]): number[] {
  const keys = steps.map(matchKey);
  return keys.map((key) => keys.indexOf(key) + 1);
}

/**
 * One row per person with an event that may enter them (a first-step event in
 * [start, end); any step's for order `any`): f_person; evs, their elements
 * from start to the end of the last window, in no order; entry_p, the element
 * that enters them (the least that may); and with a breakdown e_key, the
 * channel or campaign that element came with (the least of them where two
 * share its element). A person's id is event_facts' person_id (the user_id
 * once known) and a lifecycle record's customer_id, which name the same customer.
 */
export function funnelHistoriesSql(b: RelationBuild, query: FunnelQuery, range: FunnelRange): string {
  const { h } = b;
  const element = `f_ms * ${STEP_SLOTS} + f_ord`;
  const entering = query.order === 'any' ? `f_ms < ${b.value(range.end)}` : `f_ord = ${h.smallInt(1)} AND f_ms < ${b.value(range.end)}`;
  // The entering element sorts first: candidates before the rest, then by element and value.
  const rank = h.pack(['other', 'element', 'key'], (name) =>
    name === 'other' ? `CASE WHEN ${entering} THEN ${h.smallInt(0)} ELSE ${h.smallInt(1)} END` : name === 'element' ? element : 'f_key',
  );
  return `SELECT f_person, ${h.arrayAgg(element, [])} AS evs, ${h.notNull(`min(CASE WHEN ${entering} THEN ${element} END)`)} AS entry_p${query.by ? `, ${h.argMin('f_key', rank)} AS e_key` : ''}
    FROM (${stepRows(b, query, range).join('\n    UNION ALL\n    ')})
    GROUP BY f_person HAVING ${h.countIf(entering)} > 0`;
}

/** The distinct matches of the steps, each with its ord, by kind. */
function matchesByKind(steps: readonly FunnelStepMatch[]) {
  const ords = stepOrds(steps);
  const first = steps.map((step, i) => ({ step, ord: ords[i] })).filter(({ ord }, i) => ord === i + 1);
  return {
    events: first.flatMap(({ step, ord }) => (step.kind === 'event' ? [{ name: step.type, ord }] : [])),
    stages: first.flatMap(({ step, ord }) => (step.kind === 'stage' ? [{ name: step.stage, ord }] : [])),
    sessions: first.flatMap(({ step, ord }) => (step.kind === 'session_start' ? [ord] : [])),
  };
}

/** The SELECTs of the rows (f_person, f_ms, f_ord[, f_key]) of each kind of step the funnel names. */
function stepRows(b: RelationBuild, query: FunnelQuery, range: FunnelRange): string[] {
  const { h } = b;
  const { events, stages, sessions } = matchesByKind(query.steps);
  const bots = query.botFiltering ? ` AND ${h.isFalse('is_bot')}` : '';
  const inRange = (ms: string) => `${ms} >= ${b.value(range.start)} AND ${ms} < ${b.value(range.end + range.windowMs)}`;
  const ordOf = (column: string, names: readonly { name: string; ord: number }[]) =>
    `CASE ${names.map(({ name, ord }) => `WHEN ${column} = ${b.value(name)} THEN ${h.smallInt(ord)}`).join(' ')} ELSE ${h.smallInt(0)} END`;
  const list = (names: readonly { name: string }[]) => names.map(({ name }) => b.value(name)).join(', ');
  const key = (channel: string, campaign: string) => {
    if (!query.by) return '';
    const value = query.by === 'channel' ? channel : campaign;
    return `, ${h.notNull(`coalesce(${value}, ${b.value(NO_BREAKDOWN_VALUE)})`)} AS f_key`;
  };
  const rows: string[] = [];
  if (events.length > 0) {
    rows.push(`SELECT person_id AS f_person, ${h.epochMs('ts')} AS f_ms, ${ordOf('type', events)} AS f_ord${key('channel', 'campaign_id')}
    FROM event_facts WHERE workspace_id = ${b.ws} AND type IN (${list(events)})${bots} AND ${inRange(h.epochMs('ts'))}`);
  }
  if (stages.length > 0) {
    // A lifecycle record comes with its own channel (the source of the lead), else its campaign's.
    const records = `SELECT customer_id AS l_customer, ${h.ident('timestamp')} AS l_ts, stage AS l_stage, channel AS l_channel,
        campaign_id AS l_campaign, coalesce(campaign_id, ${b.value('')}) AS campaign_key
      FROM ${b.source('lifecycle')} WHERE stage IN (${list(stages)}) AND ${inRange(h.epochMs(h.ident('timestamp')))}`;
    const from = query.by === 'channel' ? h.leftJoin(records, campaignAttributes(b), ['campaign_key']) : `(${records})`;
    rows.push(`SELECT l_customer AS f_person, ${h.epochMs('l_ts')} AS f_ms, ${ordOf('l_stage', stages)} AS f_ord${key('coalesce(l_channel, c_channel)', 'l_campaign')}
    FROM ${from}`);
  }
  for (const ord of sessions) {
    rows.push(`SELECT person_id AS f_person, ${h.epochMs('started_at')} AS f_ms, ${h.smallInt(ord)} AS f_ord${key('channel', 'campaign_id')}
    FROM sessions WHERE workspace_id = ${b.ws}${bots} AND ${inRange(h.epochMs('started_at'))}`);
  }
  return rows;
}
