// Conversion credits (KPIS.md ATTRIBUTION), written once for every engine:
// one conversion per order_id (else per event: its first event by time and
// event_id), credited under each single-touch model to one touch of its path.
// A path holds the person's touches in the lookback before the conversion and
// after their previous conversion. Conversions and touches travel as arrays
// per person (engines without window functions or range joins read them so).
import type { QueryAttributionModel } from '../../model/attribution.js';
import { CONVERSION_CREDITS } from '../tables.js';
import { campaignAttributes } from './fact-relations.js';
import type { TableRows } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';
import { TOUCH_FIELDS, touchesSql, type TouchScope } from './touches.js';

/** 2^43 exceeds time × 2 + kind for any time before 2109: a non-Direct touch outranks every Direct one. */
const NON_DIRECT_BONUS = '8796093022208';

/** What a conversion keeps of its first event. */
export const CONVERSION_FIELDS = ['person_id', 'ts', 'local_ts', 'conv_key', 'anonymous_id', 'revenue', 'type', 'landing_page', 'device', 'country'] as const;

export interface CreditScope extends TouchScope {
  lookbackDays: number;
  models: readonly QueryAttributionModel[];
}

/** The credits of the scope's conversions under each of its models, as CONVERSION_CREDITS rows. */
export function conversionCreditRows(b: RelationBuild, scope: CreditScope): TableRows {
  const { h } = b;
  const conv = (name: (typeof CONVERSION_FIELDS)[number]) => h.field('conv', CONVERSION_FIELDS, name);
  const t = (touch: string, name: (typeof TOUCH_FIELDS)[number]) => h.field(touch, TOUCH_FIELDS, name);

  const credited = `SELECT *,
      ${pathTouches(b, 'touches', () => b.value(scope.lookbackDays * 86_400_000))} AS path
    FROM ${h.leftJoin(conversionsSql(b, scope), touchesPerPerson(b, touchesSql(b, scope)), ['path_person'])}`;

  const order = (x: string) => `${h.epochMs(t(x, 'ts'))} * 2 + ${t(x, 'kind_rank')}`;
  // Built only for the models asked for: an unused value would be an unbound parameter on DuckDB.
  const picked: Record<QueryAttributionModel, () => string> = {
    first_touch: () => h.arrayMinBy('path', { body: order }),
    last_touch: () => h.arrayMaxBy('path', { body: order }),
    last_non_direct: () => h.arrayMaxBy('path', {
      body: (x) => `CASE WHEN ${h.truthy(`${t(x, 'channel')} <> ${b.value('Direct')}`)} THEN ${NON_DIRECT_BONUS} ELSE 0 END + ${order(x)}`,
    }),
  };
  const choice = ['model', 'touch'];
  const models = h.arrayOf(scope.models.map((m) => h.pack(choice, (name) => (name === 'model' ? b.value(m) : picked[m]()))));
  const perModel = h.arrayJoin(credited, ['person_id', 'conv', 'path'], { choice: models });
  const touchOf = `SELECT person_id, conv, ${h.field('choice', choice, 'model')} AS credit_model, ${h.field('choice', choice, 'touch')} AS touch,
      ${h.arrayNotEmpty('path')} AS has_touch
    FROM (${perModel})`;
  const touchValue = (name: (typeof TOUCH_FIELDS)[number]) => `CASE WHEN has_touch THEN ${t('touch', name)} ELSE NULL END`;
  const keyed = `SELECT *, ${touchValue('campaign_id')} AS touch_campaign, coalesce(${touchValue('campaign_id')}, ${b.value('')}) AS campaign_key
    FROM (${touchOf})`;

  const values: Record<(typeof CONVERSION_CREDITS.columns)[number]['name'], string> = {
    workspace_id: b.ws,
    model: 'credit_model',
    ts: conv('ts'),
    local_ts: conv('local_ts'),
    conv_key: conv('conv_key'),
    anonymous_id: conv('anonymous_id'),
    person_id: 'person_id',
    revenue: conv('revenue'),
    credit: '1.0',
    conversion_type: conv('type'),
    landing_page: conv('landing_page'),
    device: conv('device'),
    country: conv('country'),
    channel: `coalesce(${touchValue('channel')}, ${b.value('Direct')})`,
    source: touchValue('source'),
    medium: touchValue('medium'),
    campaign_id: 'touch_campaign',
    ad_group_id: touchValue('ad_group_id'),
    ad_id: touchValue('ad_id'),
    platform: 'c_platform',
    objective: 'c_objective',
  };
  return { values, from: h.leftJoin(keyed, campaignAttributes(b), ['campaign_key']) };
}

/**
 * The touches of a conversion's path, from `touches` (a person's touches as
 * an array) of a row with `conv` and `prev_ts` (conversionsSql): at or before
 * the conversion, within the lookback before it (`lookbackMs` of a touch, a
 * value), after the previous conversion.
 */
export function pathTouches(b: RelationBuild, touches: string, lookbackMs: (touch: string) => string): string {
  const { h } = b;
  const t = (touch: string, name: (typeof TOUCH_FIELDS)[number]) => h.field(touch, TOUCH_FIELDS, name);
  return h.arrayFilter(touches, {
    outer: { conv_ts: h.field('conv', CONVERSION_FIELDS, 'ts'), after_ts: 'prev_ts' },
    body: (x, o) => `${t(x, 'ts')} <= ${o.conv_ts} AND ${t(x, 'ts')} >= ${h.minusMs(o.conv_ts, lookbackMs(x))} AND ${t(x, 'ts')} > ${o.after_ts}`,
  });
}

/** One row per conversion of the scope's people: person_id, path_person (the same), conv (packed) and prev_ts, the time of their previous conversion. */
export function conversionsSql(b: RelationBuild, scope: TouchScope): string {
  const { h } = b;
  const shifted = `SELECT conv_person, convs,
      ${h.arrayShiftRight(h.arrayMap('convs', { body: (x) => h.field(x, CONVERSION_FIELDS, 'ts') }), h.beforeAllTimes())} AS prevs
    FROM (${conversionsPerPerson(b, scope)})`;
  const rows = h.arrayJoin(shifted, ['conv_person'], { conv: 'convs', prev_ts: 'prevs' });
  return `SELECT conv_person AS person_id, conv_person AS path_person, conv, prev_ts FROM (${rows})`;
}

/**
 * One row per person of the scope with conversions: conv_person and convs,
 * their conversions (packed CONVERSION_FIELDS) in time order. A conversion is
 * an order_id (else an event) at its first event by time and event_id.
 */
export function conversionsPerPerson(b: RelationBuild, scope: TouchScope): string {
  const { h } = b;
  const people = scope.people ? ` AND ${scope.people('person_id')}` : '';
  const bots = scope.botFiltering ? ` AND ${h.isFalse('is_bot')}` : '';
  const events = `SELECT *, CASE WHEN order_id IS NULL THEN ${h.concat(b.value('e:'), 'event_id')} ELSE ${h.concat(b.value('o:'), h.notNull('order_id'))} END AS conv_key
    FROM event_facts WHERE workspace_id = ${b.ws}${bots} AND ${h.isTrue('is_conversion')}${people}`;
  const fromEvent = (name: string) => (name === 'revenue' ? 'revenue_converted' : name);
  const first = `SELECT ${h.argMin(h.pack(CONVERSION_FIELDS, fromEvent), h.pack(['ts', 'event_id'], (n) => n))} AS conv
    FROM (${events}) GROUP BY conv_key`;
  const conv = (name: (typeof CONVERSION_FIELDS)[number]) => h.field('conv', CONVERSION_FIELDS, name);
  return `SELECT ${conv('person_id')} AS conv_person, ${h.arrayAgg('conv', [conv('ts'), conv('conv_key')])} AS convs
    FROM (${first}) GROUP BY ${conv('person_id')}`;
}

/** The touches of a relation of touches (touches.ts), packed, as an array per person (path_person). */
export function touchesPerPerson(b: RelationBuild, touches: string): string {
  const { h } = b;
  return `SELECT person_id AS path_person, ${h.arrayAgg(h.pack(TOUCH_FIELDS, (n) => n), [])} AS touches
    FROM (${touches}) GROUP BY person_id`;
}
