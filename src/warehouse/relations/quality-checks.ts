// The data-quality audit's statements (GET /v1/quality, beacon audit), written
// once for every engine: each check is a subquery of the rows at fault, and
// only a count, the days they span and a few examples leave the engine. Two
// more statements give what the pure checks judge: the tracked events per
// local day, and per ad platform the conversions it reported beside those
// Beacon tracked itself.
import type { QualityCheckCounts, QualityCheckId, QualityQuery, QualityReadings } from '../warehouse.js';
import type { RelationBuild } from './relation-build.js';

/** Examples a check returns at most. */
export const QUALITY_EXAMPLES = 5;

interface Check {
  readonly id: QualityCheckId;
  /**
   * The rows at fault: q_day (local days since 1970-01-01), q_weight (the
   * records each row stands for) and the columns an example shows.
   */
  readonly rows: (b: RelationBuild, query: QualityQuery) => string;
}

const adRows = (b: RelationBuild, where: string) =>
  `SELECT ${b.h.dayNumber(b.h.day(b.h.ident('date')))} AS q_day, 1 AS q_weight, ${b.h.ident('date')} AS date, platform, campaign_id, ad_id, impressions, clicks, cost
    FROM ${b.source('ad_performance')} WHERE ${where}`;

/** A stored local timestamp as a local day number. */
const localDayNumber = (b: RelationBuild, column: string) => b.h.intDiv(b.h.epochMs(column), '86400000');

const CHECKS: readonly Check[] = [
  { id: 'clicks_over_impressions', rows: (b) => adRows(b, 'clicks > impressions') },
  { id: 'spend_without_impressions', rows: (b) => adRows(b, 'cost > 0 AND coalesce(impressions, 0) = 0') },
  {
    id: 'conversions_without_session',
    rows: (b) => {
      const { h } = b;
      // A conversion in a session of its own (no page viewed), or in none: no visit was tracked before it.
      const conversions = `SELECT ${h.nullable('session_key')} AS session_key, local_ts, event_id, type, order_id, anonymous_id FROM event_facts
        WHERE workspace_id = ${b.ws} AND ${h.isTrue('is_conversion')} AND ${h.isFalse('is_bot')}`;
      const visits = `SELECT ${h.nullable('session_key')} AS session_key, pageviews AS s_pageviews FROM sessions WHERE workspace_id = ${b.ws}`;
      return `SELECT ${localDayNumber(b, 'local_ts')} AS q_day, 1 AS q_weight, event_id, type, order_id, anonymous_id
        FROM ${h.leftJoin(conversions, visits, ['session_key'])} WHERE coalesce(s_pageviews, 0) = 0`;
    },
  },
  {
    id: 'unknown_utm_campaigns',
    rows: (b, query) => {
      const { h } = b;
      // The campaign an event names: its campaign_id, else its utm_campaign (sent, or parsed from its URL).
      const named = `coalesce(${h.nullIfEmpty('campaign_id')}, ${h.nullIfEmpty('utm_campaign')}, ${h.nullIfEmpty('parsed_utm_campaign')})`;
      const tagged = `SELECT ${h.notNull(named)} AS campaign_id, ${h.lower(h.notNull(named))} AS name_key, ${h.ident('timestamp')} AS ts,
          coalesce(utm_source, parsed_utm_source) AS u_source, coalesce(utm_medium, parsed_utm_medium) AS u_medium
        FROM ${b.source('events')} WHERE ${named} IS NOT NULL AND ${h.isFalse(`coalesce(parsed_is_bot, ${h.falseValue()})`)}`;
      const knownIds = `SELECT campaign_id, ${h.smallInt(1)} AS known_id FROM (
          SELECT campaign_id FROM ${b.source('campaigns')} UNION ALL SELECT campaign_id FROM ${b.source('ad_performance')}
        ) GROUP BY campaign_id`;
      const knownNames = `SELECT ${h.lower('name')} AS name_key, ${h.smallInt(1)} AS known_name FROM ${b.source('campaigns')} GROUP BY ${h.lower('name')}`;
      const joined = `SELECT * FROM ${h.leftJoin(`SELECT * FROM ${h.leftJoin(tagged, knownIds, ['campaign_id'])}`, knownNames, ['name_key'])}`;
      // One row per unknown campaign, standing for its events.
      return `SELECT max(${h.dayNumber(h.localDay('ts', b.value(query.timeZone)))}) AS q_day, ${h.countRows()} AS q_weight, campaign_id,
          ${h.anyValue('u_source')} AS source, ${h.anyValue('u_medium')} AS medium
        FROM (${joined}) WHERE coalesce(known_id, 0) = 0 AND coalesce(known_name, 0) = 0 GROUP BY campaign_id`;
    },
  },
  {
    id: 'orders_without_fx_rate',
    rows: (b, query) => {
      const { h } = b;
      const orders = `SELECT order_id, ${h.ident('timestamp')} AS ts, revenue, currency FROM ${b.source('orders')}
        WHERE currency IS NOT NULL AND currency <> ${b.value(query.currency)} AND revenue IS NOT NULL`;
      const day = h.localDay('ts', b.value(query.timeZone));
      const withRate = h.latestAtOrBefore(orders, `SELECT * FROM ${b.source('fx_rates')}`, { leftKey: 'currency', rightKey: 'currency', leftTime: day, rightTime: h.day(h.ident('date')) }, 'rate', 'fx_rate');
      return `SELECT ${h.dayNumber(day)} AS q_day, 1 AS q_weight, order_id, currency, revenue FROM (${withRate}) WHERE fx_rate IS NULL`;
    },
  },
  {
    id: 'revenue_events_without_fx_rate',
    rows: (b) => `SELECT ${localDayNumber(b, 'local_ts')} AS q_day, 1 AS q_weight, event_id, type, currency, revenue FROM event_facts
      WHERE workspace_id = ${b.ws} AND revenue IS NOT NULL AND revenue_converted IS NULL`,
  },
  {
    id: 'ad_cost_without_fx_rate',
    rows: (b) => `SELECT ${b.h.dayNumber(b.h.day('day'))} AS q_day, 1 AS q_weight, day AS date, platform, campaign_id FROM ad_facts
      WHERE workspace_id = ${b.ws} AND cost IS NULL`,
  },
  {
    id: 'future_events',
    rows: (b, query) => `SELECT ${localDayNumber(b, 'local_ts')} AS q_day, 1 AS q_weight, event_id, type, anonymous_id FROM event_facts
      WHERE workspace_id = ${b.ws} AND ${b.h.epochMs('ts')} > ${b.value(query.nowMs)}`,
  },
];

export const CHECK_IDS: readonly QualityCheckId[] = CHECKS.map((c) => c.id);

/** One statement: per check, the rows at fault (n), the records they stand for (weight) and their first and last day. */
export function qualitySummarySql(b: RelationBuild, query: QualityQuery): string {
  return CHECK_IDS.map((id) => qualityCheckSql(b, query, id)).join('\nUNION ALL\n');
}

/** One check's row of the summary (q_check, n, weight, first_day, last_day): the summary's part, or a statement alone. */
export function qualityCheckSql(b: RelationBuild, query: QualityQuery, id: QualityCheckId): string {
  return `SELECT ${b.value(id)} AS q_check, ${b.h.countRows()} AS n, sum(q_weight) AS weight, min(q_day) AS first_day, max(q_day) AS last_day
      FROM (${checkOf(id).rows(b, query)})`;
}

/** The latest rows at fault of one check, at most QUALITY_EXAMPLES. */
export function qualityExamplesSql(b: RelationBuild, query: QualityQuery, id: QualityCheckId): string {
  return `SELECT * FROM (${checkOf(id).rows(b, query)}) ORDER BY q_day DESC, q_weight DESC LIMIT ${QUALITY_EXAMPLES}`;
}

function checkOf(id: QualityCheckId): Check {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new RangeError(`unknown quality check "${id}" (known: ${CHECK_IDS.join(', ')})`);
  return check;
}

/** Tracked events (bots left out) per local day from `query.sinceDay` on: q_day and events. */
export function dailyEventsSql(b: RelationBuild, query: QualityQuery): string {
  const day = localDayNumber(b, 'local_ts');
  return `SELECT ${day} AS q_day, ${b.h.countRows()} AS events FROM event_facts
    WHERE workspace_id = ${b.ws} AND ${b.h.isFalse('is_bot')} AND ${day} >= ${b.value(query.sinceDay)} GROUP BY ${day} ORDER BY q_day`;
}

/**
 * Per ad platform over [sinceDay, untilDay]: the conversions it reported
 * (platform_reported) and those Beacon credited to its campaigns under the
 * workspace's attribution model (tracked).
 */
export function platformConversionsSql(b: RelationBuild, query: QualityQuery): string {
  const { h } = b;
  const within = (day: string) => `${day} >= ${b.value(query.sinceDay)} AND ${day} <= ${b.value(query.untilDay)}`;
  const reported = `SELECT platform, sum(platform_conversions) AS platform_reported FROM ad_facts
    WHERE workspace_id = ${b.ws} AND ${within(h.dayNumber(h.day('day')))} GROUP BY platform`;
  const tracked = `SELECT platform, sum(credit) AS tracked FROM conversion_credits
    WHERE workspace_id = ${b.ws} AND model = ${b.value(query.attributionModel)} AND platform IS NOT NULL AND ${within(localDayNumber(b, 'local_ts'))} GROUP BY platform`;
  return `SELECT platform, platform_reported, tracked FROM ${h.leftJoin(reported, tracked, ['platform'])} ORDER BY platform`;
}

/** The summary statement's rows by check, each with no examples yet. */
function qualityCountsOf(rows: readonly Record<string, unknown>[]): QualityCheckCounts[] {
  return CHECK_IDS.map((id) => {
    const row = rows.find((r) => r.q_check === id);
    const n = Number(row?.n ?? 0);
    return {
      check: id,
      rows: n,
      records: n === 0 ? 0 : Number(row?.weight ?? 0),
      firstDay: n === 0 ? null : isoDay(row!.first_day),
      lastDay: n === 0 ? null : isoDay(row!.last_day),
      examples: [],
    };
  });
}

/** Example columns that hold numbers (engines send decimals and large integers as text). */
const NUMERIC = new Set(['impressions', 'clicks', 'cost', 'revenue']);

/** An example row as JSON values: its day as YYYY-MM-DD, numbers as numbers, empty columns left out. */
function qualityExampleOf(row: Record<string, unknown>): Record<string, unknown> {
  const { q_day: day, q_weight: weight, ...rest } = row;
  const columns = Object.entries(rest)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [key, NUMERIC.has(key) ? Number(value) : value]);
  return { day: isoDay(day), ...(Number(weight) === 1 ? {} : { records: Number(weight) }), ...Object.fromEntries(columns) };
}

/**
 * Every reading of the audit through `run`, which renders a statement for
 * its engine and runs it: the summary, the examples of each check at fault,
 * the events per day and the platforms' conversions.
 */
export async function readQuality(run: (build: (b: RelationBuild) => string) => Promise<Record<string, unknown>[]>, query: QualityQuery): Promise<QualityReadings> {
  // One after another: each statement already uses every core DuckDB has.
  const checks = qualityCountsOf(await run((b) => qualitySummarySql(b, query)));
  for (const check of checks) {
    if (check.rows > 0) check.examples = (await run((b) => qualityExamplesSql(b, query, check.check))).map(qualityExampleOf);
  }
  const daily = await run((b) => dailyEventsSql(b, query));
  const platforms = await run((b) => platformConversionsSql(b, query));
  return { checks, ...readingsOf(daily, platforms) };
}

function readingsOf(daily: readonly Record<string, unknown>[], platforms: readonly Record<string, unknown>[]): Pick<QualityReadings, 'dailyEvents' | 'platformConversions'> {
  return {
    dailyEvents: daily.map((r) => ({ day: isoDay(r.q_day), events: Number(r.events) })),
    platformConversions: platforms.map((r) => ({
      platform: String(r.platform),
      platformReported: Number(r.platform_reported ?? 0),
      tracked: Number(r.tracked ?? 0),
    })),
  };
}

/** A day number (days since 1970-01-01) as YYYY-MM-DD. */
function isoDay(value: unknown): string {
  return new Date(Number(value) * 86_400_000).toISOString().slice(0, 10);
}
