// Experiment readouts from experiment_exposure events (POST
// /v1/experiments/analyze with `experiment`), written once for every engine
// and aggregated there: each person's first exposure picks their variant
// (people exposed to two variants are set apart and counted), their outcome
// is summed from then to the end of the test, and the same outcome in the days
// before the first exposure is the CUPED covariate. Only the sufficient
// statistics per variant reach TypeScript.
import { ValidationError } from '../../core/errors.js';
import type { ExperimentQuery, ExperimentSums, ExperimentSummary } from '../warehouse.js';
import type { RelationBuild } from './relation-build.js';

const EXPOSURE = 'experiment_exposure';
/** Experiments a workspace lists at most. */
export const MAX_LISTED_EXPERIMENTS = 1000;

/** The exposures of every experiment (or of one): x_event, x_experiment, x_variant from the raw events' properties. */
function rawExposures(b: RelationBuild, experiment: string | null): string {
  const { h } = b;
  const name = h.jsonText('properties', 'experiment');
  const variant = h.jsonText('properties', 'variant');
  const which = experiment === null ? '' : ` AND ${name} = ${b.value(experiment)}`;
  return `SELECT event_id AS x_event, ${h.notNull(name)} AS x_experiment, ${h.notNull(variant)} AS x_variant
    FROM ${b.source('events')} WHERE type = ${b.value(EXPOSURE)}${which} AND ${name} IS NOT NULL AND ${variant} IS NOT NULL AND ${variant} <> ${b.value('')}`;
}

/**
 * The exposures as the derived view resolved them: x_person (the stitched
 * person), x_ms (epoch ms), x_experiment and x_variant; bots left out when the
 * workspace filters them, and only those in [start, end) when bounded.
 */
function exposures(b: RelationBuild, experiment: string | null, bounds: Pick<ExperimentQuery, 'start' | 'end' | 'botFiltering'>): string {
  const { h } = b;
  const ms = h.epochMs('ts');
  const within = [
    bounds.start === null ? '' : ` AND ${ms} >= ${b.value(bounds.start)}`,
    bounds.end === null ? '' : ` AND ${ms} < ${b.value(bounds.end)}`,
    bounds.botFiltering ? ` AND ${h.isFalse('is_bot')}` : '',
  ].join('');
  const resolved = `SELECT event_id AS x_event, person_id AS x_person, ${ms} AS x_ms
    FROM event_facts WHERE workspace_id = ${b.ws} AND type = ${b.value(EXPOSURE)}${within}`;
  return `SELECT x_person, x_ms, x_experiment, x_variant FROM ${h.innerJoin(resolved, rawExposures(b, experiment), ['x_event'])}`;
}

/**
 * One row per exposed person: p_person, p_first (their first exposure, epoch
 * ms), p_variant (its variant; '' when they saw two) and p_multi (1 when they
 * saw two variants).
 */
function exposedPeople(b: RelationBuild, query: ExperimentQuery): string {
  const { h } = b;
  const grouped = `SELECT x_person AS p_person, min(x_ms) AS p_first, min(x_variant) AS p_low, max(x_variant) AS p_high
    FROM (${exposures(b, query.experiment, query)}) GROUP BY x_person`;
  return `SELECT p_person, p_first, CASE WHEN p_low = p_high THEN p_low ELSE ${b.value('')} END AS p_variant,
      CASE WHEN p_low = p_high THEN ${h.smallInt(0)} ELSE ${h.smallInt(1)} END AS p_multi
    FROM (${grouped})`;
}

/**
 * The outcome's occurrences of the exposed people, each with its person's
 * first exposure: p_person, p_first, o_ms and o_value. The people meet the
 * events in one join, before anything is grouped. Conversions count once per
 * order_id (else per event), at their first event, with that event's revenue
 * in the workspace currency, as the metrics do.
 */
function outcomes(b: RelationBuild, query: ExperimentQuery, people: string): string {
  const { h } = b;
  const bots = query.botFiltering ? ` AND ${h.isFalse('is_bot')}` : '';
  const before = query.end === null ? '' : ` AND ${h.epochMs('ts')} < ${b.value(query.end)}`;
  const { outcome } = query;
  const which = outcome.kind === 'events' ? `type = ${b.value(outcome.type)}` : h.isTrue('is_conversion');
  const value = outcome.kind === 'revenue' ? h.toDouble('coalesce(revenue_converted, 0)') : h.toDouble('1');
  // A value is a parameter on DuckDB: one written into the statement must be used by it.
  const key = () => `CASE WHEN order_id IS NULL THEN ${h.concat(b.value('e:'), 'event_id')} ELSE ${h.concat(b.value('o:'), h.notNull('order_id'))} END`;
  const events = `SELECT person_id AS p_person, ${h.epochMs('ts')} AS o_ms, ${value} AS o_value, ${outcome.kind === 'events' ? 'event_id' : key()} AS o_key,
      ${h.pack(['ms', 'event_id'], (name) => (name === 'ms' ? h.epochMs('ts') : 'event_id'))} AS o_order
    FROM event_facts WHERE workspace_id = ${b.ws}${bots}${before} AND ${which}`;
  const joined = `SELECT p_person, p_first, o_ms, o_value, o_key, o_order FROM ${h.innerJoin(events, people, ['p_person'])}`;
  if (outcome.kind === 'events') return joined;
  return `SELECT ${h.argMin('p_person', 'o_order')} AS p_person, ${h.argMin('p_first', 'o_order')} AS p_first, min(o_ms) AS o_ms, ${h.argMin('o_value', 'o_order')} AS o_value
    FROM (${joined}) GROUP BY o_key`;
}

/**
 * Per exposed person with an outcome: y_sum and y_n (the outcome from their
 * first exposure on), x_sum and x_n (in the preMs before it).
 */
function outcomesPerPerson(b: RelationBuild, query: ExperimentQuery, people: string): string {
  const { h } = b;
  const after = 'o_ms >= p_first';
  const pre = `o_ms < p_first AND o_ms >= p_first - ${b.value(query.preMs)}`;
  const zero = h.toDouble('0');
  return `SELECT p_person,
      sum(CASE WHEN ${after} THEN o_value ELSE ${zero} END) AS y_sum, ${h.countIf(after)} AS y_n,
      sum(CASE WHEN ${pre} THEN o_value ELSE ${zero} END) AS x_sum, ${h.countIf(pre)} AS x_n
    FROM (${outcomes(b, query, people)}) GROUP BY p_person`;
}

/**
 * One row per variant (g_multi 0) and one for the people who saw two
 * (g_multi 1): people, the sums of y, y², x, x², xy over them, and their
 * first and last first exposure. y is the outcome after the first exposure
 * (1 or 0 when `binary`), x the same before it.
 */
export function experimentSumsSql(b: RelationBuild, query: ExperimentQuery): string {
  checkExperimentQuery(query);
  const { h } = b;
  const people = exposedPeople(b, query);
  const measure = (sum: string, n: string) => (query.binary ? `CASE WHEN coalesce(${n}, 0) > 0 THEN ${h.toDouble('1')} ELSE ${h.toDouble('0')} END` : `coalesce(${sum}, ${h.toDouble('0')})`);
  const joined = `SELECT p_first, p_variant, p_multi, ${measure('y_sum', 'y_n')} AS y, ${measure('x_sum', 'x_n')} AS x
    FROM ${h.leftJoin(people, outcomesPerPerson(b, query, people), ['p_person'])}`;
  return `SELECT p_multi AS g_multi, p_variant AS g_variant, ${h.countRows()} AS people,
      sum(y) AS sum_y, sum(y * y) AS sum_yy, sum(x) AS sum_x, sum(x * x) AS sum_xx, sum(x * y) AS sum_xy,
      min(p_first) AS first_ms, max(p_first) AS last_ms
    FROM (${joined}) GROUP BY p_multi, p_variant ORDER BY p_multi, p_variant`;
}

/** The statement's rows as variant sums (in variant order), the people who saw two variants and the exposure range. */
export function experimentSumsOf(rows: readonly Record<string, unknown>[]): ExperimentSums {
  const variants = rows.filter((r) => Number(r.g_multi) === 0);
  const multiple = rows.find((r) => Number(r.g_multi) === 1);
  const times = rows.flatMap((r) => [Number(r.first_ms), Number(r.last_ms)]).filter(Number.isFinite);
  return {
    variants: variants.map((r) => ({
      variant: String(r.g_variant),
      people: Number(r.people),
      sum: Number(r.sum_y),
      sumSquares: Number(r.sum_yy),
      preSum: Number(r.sum_x),
      preSumSquares: Number(r.sum_xx),
      crossSum: Number(r.sum_xy),
    })),
    multipleVariants: Number(multiple?.people ?? 0),
    firstExposure: times.length > 0 ? Math.min(...times) : null,
    lastExposure: times.length > 0 ? Math.max(...times) : null,
  };
}

/** The workspace's experiments: per experiment and variant, the people exposed (first exposures) and the exposure range. */
export function experimentListSql(b: RelationBuild, botFiltering: boolean): string {
  const { h } = b;
  const firsts = `SELECT x_experiment, x_person, min(x_ms) AS x_first, min(x_variant) AS x_low, max(x_variant) AS x_high
    FROM (${exposures(b, null, { start: null, end: null, botFiltering })}) GROUP BY x_experiment, x_person`;
  return `SELECT x_experiment AS experiment, x_low AS variant, ${h.countRows()} AS people, min(x_first) AS first_ms, max(x_first) AS last_ms
    FROM (${firsts}) WHERE x_low = x_high GROUP BY x_experiment, x_low ORDER BY x_experiment, x_low LIMIT ${MAX_LISTED_EXPERIMENTS * 20}`;
}

/** The list statement's rows, one summary per experiment, most recently exposed first. */
export function experimentListOf(rows: readonly Record<string, unknown>[]): ExperimentSummary[] {
  const byName = new Map<string, ExperimentSummary>();
  for (const row of rows) {
    const name = String(row.experiment);
    const summary = byName.get(name) ?? { experiment: name, variants: [], people: 0, firstExposure: Number(row.first_ms), lastExposure: Number(row.last_ms) };
    summary.variants.push({ variant: String(row.variant), people: Number(row.people) });
    summary.people += Number(row.people);
    summary.firstExposure = Math.min(summary.firstExposure, Number(row.first_ms));
    summary.lastExposure = Math.max(summary.lastExposure, Number(row.last_ms));
    byName.set(name, summary);
  }
  return [...byName.values()].sort((a, b) => b.lastExposure - a.lastExposure || (a.experiment < b.experiment ? -1 : 1)).slice(0, MAX_LISTED_EXPERIMENTS);
}

/** A query the statement can be built from; the caller's fault otherwise. */
function checkExperimentQuery(query: ExperimentQuery): void {
  const problems: string[] = [];
  if (typeof query.experiment !== 'string' || query.experiment === '') problems.push('experiment must be a name');
  if (query.outcome.kind === 'events' && !query.outcome.type) problems.push('an events outcome needs its event type');
  if (query.binary && query.outcome.kind === 'revenue') problems.push('revenue cannot be read as a 0/1 outcome');
  for (const [key, value] of [['start', query.start], ['end', query.end]] as const) {
    if (value !== null && !Number.isSafeInteger(value)) problems.push(`${key} must be epoch ms or null`);
  }
  if (query.start !== null && query.end !== null && query.start >= query.end) problems.push('start must be before end');
  if (!Number.isSafeInteger(query.preMs) || query.preMs < 0) problems.push('preMs must be a whole number of ms, 0 or more');
  if (problems.length > 0) throw new ValidationError(`invalid experiment query: ${problems.join('; ')}`, { problems });
}
