// Journeys for multi-touch attribution (KPIS.md ATTRIBUTION), written once for
// every engine and aggregated to distinct paths before they leave it: only one
// row per distinct path (touch keys and day offsets) reaches TypeScript.
// Conversions, their paths and the touches are conversion-credits.ts's own.
import { ValidationError } from '../../core/errors.js';
import { addDays, isValidDate, isValidTimeZone } from '../../core/time.js';
import { zoneMidnight } from '../../core/zone-midnight.js';
import type { JourneyDimension, JourneyPath, JourneyQuery } from '../warehouse.js';
import { CONVERSION_FIELDS, conversionsPerPerson, conversionsSql, pathTouches, touchesPerPerson } from './conversion-credits.js';
import type { RelationBuild } from './relation-build.js';
import { IMPRESSION_RANK, TOUCH_FIELDS, touchesSql, type TouchScope } from './touches.js';

const DAY_MS = 86_400_000;

/** The touch field a dimension keys touches by, and the key of a touch without one. */
const KEYS: Record<JourneyDimension, { field: (typeof TOUCH_FIELDS)[number]; none: string }> = {
  channel: { field: 'channel', none: 'Direct' },
  campaign: { field: 'campaign_id', none: '(none)' },
  ad_group: { field: 'ad_group_id', none: '(none)' },
  ad: { field: 'ad_id', none: '(none)' },
};

/** A touch of a journey as it is sorted: by time, then kind (conversion-credits' ms × 2 + kind_rank order), then key. */
const STEP_FIELDS = ['ms', 'kind_rank', 'touch_key', 'days'] as const;

/** The instants [start, end) of the query's local dates. */
interface Period {
  start: number;
  end: number;
}

/**
 * One row per distinct path of the query's journeys: touch_keys and
 * touch_days (arrays, first touch to last), conversions, revenue and nulls.
 *
 * A converting journey is a conversion whose time falls in the period, with
 * the touches of its path (pathTouches: after the person's previous
 * conversion, within the lookback before it). A null journey is a person's
 * touches in the period after their last conversion (whenever it was; all
 * their touches when they never converted), one per person with any; its day
 * offsets count to its last touch. Both sort their touches by time, then kind
 * (a session start before a click at the same instant, an impression last),
 * then key, so a path reads the same on every engine.
 */
export function journeyPathsSql(b: RelationBuild, query: JourneyQuery): string {
  const { h } = b;
  checkJourneyQuery(query);
  const period = { start: zoneMidnight(query.from, query.timeZone), end: zoneMidnight(addDays(query.to, 1), query.timeZone) };
  const scope: TouchScope = { botFiltering: query.botFiltering, impressions: Boolean(query.viewThrough) };
  const t = (touch: string, name: (typeof TOUCH_FIELDS)[number]) => h.field(touch, TOUCH_FIELDS, name);
  const { field, none } = KEYS[query.dimension];

  const journeys = `${convertingJourneys(b, query, scope, period)}
    UNION ALL
    ${nullJourneys(b, scope, period)}`;
  const step = (x: string, ref: string) => {
    const values: Record<(typeof STEP_FIELDS)[number], () => string> = {
      ms: () => h.epochMs(t(x, 'ts')),
      kind_rank: () => t(x, 'kind_rank'),
      touch_key: () => `coalesce(${t(x, field)}, ${b.value(none)})`,
      days: () => h.intDiv(`${ref} - ${h.epochMs(t(x, 'ts'))}`, String(DAY_MS)),
    };
    return h.pack(STEP_FIELDS, (name) => values[name as (typeof STEP_FIELDS)[number]]());
  };
  const sorted = `SELECT ${h.arraySort(h.arrayMap('path', { outer: { ref: h.epochMs('ref_ts') }, body: (x, o) => step(x, o.ref) }))} AS steps,
      converted, journey_revenue
    FROM (${journeys})`;
  const s = (name: (typeof STEP_FIELDS)[number]) => (x: string) => h.field(x, STEP_FIELDS, name);
  const keyed = `SELECT ${h.arrayMap('steps', { element: 's', body: s('touch_key') })} AS touch_keys,
      ${h.arrayMap('steps', { element: 's', body: s('days') })} AS touch_days, converted, journey_revenue
    FROM (${sorted})`;
  return `SELECT touch_keys, touch_days, ${h.countIf('converted = 1')} AS conversions, sum(journey_revenue) AS revenue,
      ${h.countIf('converted = 0')} AS nulls
    FROM (${keyed}) GROUP BY touch_keys, touch_days`;
}

/** Each conversion in the period: its path, its time (ref_ts) and revenue in the workspace currency (0 without a rate). */
function convertingJourneys(b: RelationBuild, query: JourneyQuery, scope: TouchScope, period: Period): string {
  const { h } = b;
  const conv = (name: (typeof CONVERSION_FIELDS)[number]) => h.field('conv', CONVERSION_FIELDS, name);
  const clickMs = query.lookbackDays * DAY_MS;
  const viewMs = query.viewThrough ? query.viewThrough.lookbackDays * DAY_MS : undefined;
  const lookback = (x: string) =>
    viewMs === undefined
      ? b.value(clickMs)
      : `CASE WHEN ${h.field(x, TOUCH_FIELDS, 'kind_rank')} = ${h.smallInt(IMPRESSION_RANK)} THEN ${b.value(viewMs)} ELSE ${b.value(clickMs)} END`;
  const path = h.arrayOrEmpty(pathTouches(b, 'touches', lookback));
  const conversions = `SELECT * FROM (${conversionsSql(b, scope)}) WHERE ${within(b, h.epochMs(conv('ts')), period)}`;
  // Only the people who converted in the period need their touches gathered here (most people never convert).
  const converters: TouchScope = {
    ...scope,
    people: (column) => `${column} IN (SELECT person_id FROM event_facts WHERE workspace_id = ${b.ws} AND ${h.isTrue('is_conversion')} AND ${within(b, h.epochMs('ts'), period)})`,
  };
  const touches = touchesPerPerson(b, touchesWithin(b, converters, { start: period.start - Math.max(clickMs, viewMs ?? 0), end: period.end }));
  return `SELECT ${path} AS path, ${conv('ts')} AS ref_ts, coalesce(${conv('revenue')}, ${h.zeroMoney()}) AS journey_revenue,
      ${h.smallInt(1)} AS converted
    FROM ${h.leftJoin(conversions, touches, ['path_person'])}`;
}

/** Each person's touches in the period after their last conversion, where there are any; ref_ts is the last of them. */
function nullJourneys(b: RelationBuild, scope: TouchScope, period: Period): string {
  const { h } = b;
  const t = (touch: string, name: (typeof TOUCH_FIELDS)[number]) => h.field(touch, TOUCH_FIELDS, name);
  const lastConversion = `SELECT conv_person AS path_person, ${h.nullable(h.field(h.arrayAt('convs', '-1'), CONVERSION_FIELDS, 'ts'))} AS last_conv
    FROM (${conversionsPerPerson(b, scope)})`;
  const touches = touchesPerPerson(b, touchesWithin(b, scope, period));
  const afterLast = `SELECT ${h.arrayFilter('touches', {
    outer: { after: `coalesce(last_conv, ${h.beforeAllTimes()})` },
    body: (x, o) => `${t(x, 'ts')} > ${o.after}`,
  })} AS path
    FROM ${h.leftJoin(touches, lastConversion, ['path_person'])}`;
  const last = h.arrayMaxBy('path', { body: (x) => h.epochMs(t(x, 'ts')) });
  return `SELECT path, ${t(last, 'ts')} AS ref_ts, ${h.zeroMoney()} AS journey_revenue, ${h.smallInt(0)} AS converted
    FROM (${afterLast}) WHERE ${h.arrayNotEmpty('path')}`;
}

/** The scope's touches with a time in [start, end). */
function touchesWithin(b: RelationBuild, scope: TouchScope, period: Period): string {
  return `SELECT * FROM (${touchesSql(b, scope)}) WHERE ${within(b, b.h.epochMs('ts'), period)}`;
}

function within(b: RelationBuild, ms: string, period: Period): string {
  return `${ms} >= ${b.value(period.start)} AND ${ms} < ${b.value(period.end)}`;
}

/** A query the statement can be built from; the caller's fault otherwise. */
function checkJourneyQuery(query: JourneyQuery): void {
  const problems: string[] = [];
  if (!isValidDate(query.from) || !isValidDate(query.to)) problems.push('from and to must be dates (YYYY-MM-DD)');
  else if (query.from > query.to) problems.push('from must not be after to');
  if (!isValidTimeZone(query.timeZone)) problems.push(`unknown time zone ${JSON.stringify(query.timeZone)}`);
  if (!Object.hasOwn(KEYS, query.dimension)) problems.push(`dimension must be one of ${Object.keys(KEYS).join(', ')}`);
  for (const [name, days] of [['lookbackDays', query.lookbackDays], ['viewThrough.lookbackDays', query.viewThrough?.lookbackDays ?? 1]] as const) {
    if (!Number.isInteger(days) || days < 1 || days > 365) problems.push(`${name} must be a whole number of days from 1 to 365`);
  }
  if (problems.length > 0) throw new ValidationError(`invalid journey query: ${problems.join('; ')}`, { problems });
}

/** The statement's rows as paths: most conversions first, then most null journeys, then by touches. */
export function journeyPathsOf(rows: readonly Record<string, unknown>[]): JourneyPath[] {
  const paths = rows.map((row) => ({
    touches: (row.touch_keys as unknown[]).map(String),
    daysBefore: (row.touch_days as unknown[]).map(Number),
    conversions: Number(row.conversions),
    revenue: Number(row.revenue),
    nulls: Number(row.nulls),
  }));
  const order = (p: JourneyPath) => JSON.stringify([p.touches, p.daysBefore]);
  return paths.sort((a, b) => b.conversions - a.conversions || b.nulls - a.nulls || (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
