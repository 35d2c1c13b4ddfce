// The OpenAPI 3.1 document, generated from the same schemas that validate
// records, and from the response schemas of the read routes (response-schemas.ts).
import { SOURCES, SOURCE_NAMES } from '../model/sources.js';
import { IMPORT_PRESET_NAMES } from '../ingest/import-presets.js';
import { WorkspaceSettingsSchema } from '../model/settings.js';
import { GoalInputSchema } from '../goals/goals.js';
import { BenchmarkInputSchema } from '../metrics/benchmarks.js';
import { CustomMetricSchema } from '../metrics/metrics-service.js';
import { RESPONSE_SCHEMAS } from './response-schemas.js';
import { ATTRIBUTION_SCHEMAS } from './attribution-schemas.js';
import { ClvReportSchema } from './clv-schemas.js';
import { CohortReportSchema } from './cohort-schemas.js';
import { CohortInputSchema } from '../cohorts/cohort-input.js';
import { FunnelReportSchema } from './funnel-schemas.js';
import { FunnelInputSchema } from '../funnels/funnel-input.js';
import { ForecastReportSchema } from './forecast-schemas.js';
import { ForecastInputSchema } from '../forecast/forecast-request.js';
import { ForecastQueryInputSchema } from '../forecast/query-forecast-input.js';
import { AnomalyReportSchema } from './anomaly-schemas.js';
import { AnomalyInputSchema } from '../anomalies/anomaly-request.js';
import { ExplainReportSchema, SegmentsReportSchema } from './insight-schemas.js';
import { ExplainInputSchema } from '../insight/explain-request.js';
import { SegmentsInputSchema } from '../insight/segments-request.js';
import { ExperimentListSchema, ExperimentReadoutSchema } from './experiment-schemas.js';
import { QualityReportSchema } from './quality-schemas.js';
import { ExportQueryInputSchema, SqlInputSchema, SqlResultSchema } from './export-schemas.js';
import { BudgetReportSchema } from './budget-schemas.js';
import { BudgetInputSchema } from '../budget/budget-input.js';
import { ExperimentStatsSchema } from '../experiments/experiment-input.js';
import { ExposureRequestSchema } from '../experiments/exposure-request.js';
import { AttributionInputSchema } from '../attribution/attribution-input.js';
import { AlertRuleInputSchema } from '../alerts/alert-rule-input.js';
import { AcknowledgeInputSchema } from '../alerts/alerts-service.js';
import { ALERT_SCHEMAS } from './alert-schemas.js';
import { SegmentBatchSchema, SegmentCallSchema, SegmentResultSchema } from './segment-schemas.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const IngestResult = {
  type: 'object',
  required: ['accepted', 'updated', 'duplicates', 'rejected', 'errors'],
  properties: {
    accepted: { type: 'integer' },
    updated: { type: 'integer' },
    duplicates: { type: 'integer' },
    rejected: { type: 'integer' },
    errors: {
      type: 'array',
      maxItems: 100,
      description:
        'one per invalid field of each rejected record (the first 100). A CSV header without a column for a required field rejects every record with one error: field "(header)", index 0, line of the header, a message naming the unknown columns, the missing fields and the ?map= that fixes it',
      items: {
        type: 'object',
        required: ['index', 'field', 'message'],
        properties: { index: { type: 'integer' }, line: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    warnings: {
      type: 'array',
      maxItems: 100,
      description: 'present only when there is something to say that rejected nothing: a CSV column that is not a field of the source (field: the column; ignored, or kept in properties for events), with the field it likely means, then the ?map= that reads them (field "(header)")',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { line: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const ErrorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {},
        request_id: { type: 'string', description: "the request's id in the server log (also the X-Request-Id header)" },
      },
    },
  },
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', content: json(ref('Error')) }]));

const ok = (schema: unknown, description = 'ok') => ({ '200': { description, content: json(schema) } });

/** A file download: CSV or Parquet bytes with a Content-Disposition file name. */
const download = () => ({
  '200': {
    description: 'the file (Content-Disposition: attachment; filename=…)',
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.apache.parquet': { schema: { type: 'string', format: 'binary' } } },
  },
});

/** The `{id}` of a path, as OpenAPI requires every path template to be declared. */
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `the ${what}'s id` });

/** Strips the storage annotations TypeBox schemas carry for the warehouse. */
function publicSchema<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema, (key, value) => (key === 'x-beacon-kind' ? undefined : value)));
}

/**
 * Replaces every copy of a component inside another component by a $ref to it
 * (the TypeBox schemas embed the schemas they reuse; a generated client then
 * names them once). Searched from the top: a replaced copy is not searched further.
 */
function linkComponents(schemas: Record<string, unknown>): Record<string, unknown> {
  const nameOf = new Map(Object.entries(schemas).map(([name, schema]) => [JSON.stringify(schema), name]));
  const link = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const name = nameOf.get(JSON.stringify(node));
    return name === undefined ? inside(node) : ref(name);
  };
  const inside = (node: object): unknown =>
    Array.isArray(node) ? node.map(link) : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, link(value)]));
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, inside(schema as object)]));
}

export function buildOpenApi(version: string): Record<string, unknown> {
  const recordBodies = (name: string) => ({
    required: true,
    content: {
      'application/json': { schema: { type: 'array', maxItems: 10_000, items: ref(name) } },
      'application/x-ndjson': { schema: { type: 'string', description: `one ${name} JSON object per line` } },
      'text/csv': { schema: { type: 'string', description: 'CSV with a header row' } },
    },
  });
  const ingest = (name: string, summary: string) => ({
    summary,
    security: [{ bearer: [] }],
    requestBody: recordBodies(name),
    responses: { ...ok(ref('IngestResult'), 'stored; accepted rows are durable'), ...errors(400, 401, 403, 404, 413) },
  });
  const segment = (body: string, summary: string) => ({
    summary: `Segment HTTP Tracking API: ${summary}; the write key is an ingest key sent as HTTP Basic username with an empty password (or Bearer); scope ingest`,
    security: [{ basic: [] }, { bearer: [] }],
    requestBody: { required: true, content: { ...json(ref(body)), 'text/plain': { schema: { type: 'string', description: 'the same JSON (analytics.js sends text/plain)' } } } },
    responses: { ...ok(ref('SegmentResult'), 'stored; accepted events are durable'), ...errors(400, 401, 403, 413) },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Beacon API', version, description: 'Marketing metrics backend: ingestion, warehouse, KPIs.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' } },
      schemas: linkComponents(
        publicSchema({
          Error: ErrorBody,
          IngestResult,
          SegmentCall: SegmentCallSchema,
          SegmentBatch: SegmentBatchSchema,
          SegmentResult: SegmentResultSchema,
          Settings: WorkspaceSettingsSchema,
          Query: ForecastQueryInputSchema,
          CustomMetric: CustomMetricSchema,
          Goal: GoalInputSchema,
          Benchmark: BenchmarkInputSchema,
          ...Object.fromEntries(SOURCE_NAMES.map((s) => [s, SOURCES[s].schema])),
          ...RESPONSE_SCHEMAS,
          Attribution: AttributionInputSchema,
          ...ATTRIBUTION_SCHEMAS,
          ClvReport: ClvReportSchema,
          Cohorts: CohortInputSchema,
          CohortReport: CohortReportSchema,
          Funnel: FunnelInputSchema,
          FunnelReport: FunnelReportSchema,
          Forecast: ForecastInputSchema,
          ForecastReport: ForecastReportSchema,
          Anomalies: AnomalyInputSchema,
          AnomalyReport: AnomalyReportSchema,
          Explain: ExplainInputSchema,
          ExplainReport: ExplainReportSchema,
          UnderperformingSegments: SegmentsInputSchema,
          UnderperformingSegmentsReport: SegmentsReportSchema,
          ExperimentStats: ExperimentStatsSchema,
          ExperimentReadout: ExperimentReadoutSchema,
          ExperimentRequest: ExposureRequestSchema,
          ExperimentList: ExperimentListSchema,
          AlertRuleInput: AlertRuleInputSchema,
          Acknowledge: AcknowledgeInputSchema,
          ...ALERT_SCHEMAS,
          QualityReport: QualityReportSchema,
          ExportQuery: ExportQueryInputSchema,
          Sql: SqlInputSchema,
          SqlResult: SqlResultSchema,
          Budget: BudgetInputSchema,
          BudgetReport: BudgetReportSchema,
        }),
      ),
    },
    paths: {
      '/healthz': { get: { summary: 'liveness', responses: ok({ type: 'object', properties: { status: { type: 'string' } } }) } },
      '/openapi.json': { get: { summary: 'this document', responses: ok({ type: 'object' }) } },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (requests, latency, ingested records, errors, derived-view lag); loopback clients only unless BEACON_METRICS_PUBLIC',
          responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errors(404) },
        },
      },
      '/v1/events': { post: ingest('events', 'send events (JSON array or NDJSON); scope ingest') },
      '/v1/segment/batch': { post: segment('SegmentBatch', 'a batch of calls, or one call with its type (webhook destinations)') },
      '/v1/segment/track': { post: segment('SegmentCall', 'one track call') },
      '/v1/segment/page': { post: segment('SegmentCall', 'one page call (→ page_view)') },
      '/v1/segment/identify': { post: segment('SegmentCall', 'one identify call (links anonymousId to userId)') },
      '/v1/segment/screen': { post: segment('SegmentCall', 'one screen call') },
      '/v1/segment/alias': { post: segment('SegmentCall', 'one alias call (links previousId to userId)') },
      '/v1/import/{source}': {
        post: {
          ...ingest('events', 'import records of a source (JSON array, NDJSON or CSV; gzip via Content-Encoding); scope ingest'),
          parameters: [
            { name: 'source', in: 'path', required: true, schema: { type: 'string', enum: [...SOURCE_NAMES] } },
            { name: 'preset', in: 'query', schema: { type: 'string', enum: [...IMPORT_PRESET_NAMES] }, description: "an export layout; refused for a source other than the preset's" },
            { name: 'map', in: 'query', schema: { type: 'string' }, description: 'Header=field,…' },
            { name: 'platform', in: 'query', schema: { type: 'string' } },
            {
              name: 'assume_timezone',
              in: 'query',
              schema: { type: 'string' },
              description: 'IANA zone (or UTC) whose midnight a date-only timestamp (2026-12-01) means; without it such values are rejected',
            },
          ],
        },
      },
      '/v1/imports': { get: { summary: 'past imports with counts; scope read', responses: { ...ok(ref('ImportList')), ...errors(401, 403) } } },
      '/v1/imports/{id}': { delete: { summary: 'delete everything one import stored; scope admin', parameters: [idParam('import')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404) } } },
      '/v1/freshness': { get: { summary: 'latest date loaded per source and platform; scope read', responses: { ...ok(ref('Freshness')), ...errors(401, 403) } } },
      '/v1/settings': {
        get: { summary: 'workspace settings; scope read', responses: { ...ok(ref('SettingsResult')), ...errors(401, 403) } },
        patch: { summary: 'change workspace settings; scope admin', requestBody: { content: json({ type: 'object' }) }, responses: { ...ok(ref('SettingsResult')), ...errors(400, 401, 403) } },
      },
      '/v1/keys': {
        get: { summary: 'API keys of the workspace (no secrets); scope admin', responses: { ...ok({ type: 'object' }), ...errors(401, 403) } },
        post: { summary: 'create a key; the secret is returned once; scope admin', requestBody: { content: json({ type: 'object', properties: { scope: { type: 'string', enum: ['ingest', 'read', 'admin'] } } }) }, responses: { '201': { description: 'created' }, ...errors(400, 401, 403) } },
      },
      '/v1/keys/{id}': { delete: { summary: 'revoke a key; scope admin', parameters: [idParam('key')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404) } } },
      '/v1/catalog': { get: { summary: 'the metric catalog incl. user-defined metrics; scope read', responses: { ...ok(ref('Catalog')), ...errors(401, 403) } } },
      '/v1/query': {
        post: {
          summary: 'metrics × dimensions × grain over a period, filtered, optionally compared and forecast → { columns, rows, totals, comparison?, forecast? }; forecast: { horizon } continues each metric past its last complete day, week or month (no dimensions); scope read',
          requestBody: { required: true, content: json(ref('Query')) },
          responses: { ...ok(ref('QueryResult')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/metrics/custom': {
        get: { summary: 'user-defined metrics; scope read', responses: { ...ok(ref('CustomMetricList')), ...errors(401, 403) } },
        post: { summary: 'define (or replace) a metric from a formula over catalog ids; scope admin', requestBody: { required: true, content: json(ref('CustomMetric')) }, responses: { '201': { description: 'created' }, ...errors(400, 401, 403) } },
      },
      '/v1/metrics/custom/{id}': { delete: { summary: 'delete a user-defined metric; scope admin', parameters: [idParam('metric')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404, 409) } } },
      '/v1/campaigns/{id}/kpis': {
        get: {
          summary: "the campaign's objective and its headline KPIs, compared with the previous period; scope read",
          parameters: [idParam('campaign'), ...['from', 'to'].map((name) => ({ name, in: 'query', schema: { type: 'string', format: 'date' } }))],
          responses: { ...ok(ref('CampaignKpis')), ...errors(400, 401, 403, 404) },
        },
      },
      '/v1/goals': {
        get: { summary: 'goals with actual, % attained, expected by today and status, and the forecast of their period-end value with its interval; scope read', responses: { ...ok(ref('GoalList')), ...errors(401, 403) } },
        post: { summary: 'create a goal; scope admin', requestBody: { required: true, content: json(ref('Goal')) }, responses: { '201': { description: 'created' }, ...errors(400, 401, 403) } },
      },
      '/v1/goals/{id}': { delete: { summary: 'delete a goal; scope admin', parameters: [idParam('goal')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404) } } },
      '/v1/benchmarks': {
        get: { summary: 'benchmark bands per metric; scope read', responses: { ...ok(ref('BenchmarkList')), ...errors(401, 403) } },
        post: { summary: 'create a benchmark band; scope admin', requestBody: { required: true, content: json(ref('Benchmark')) }, responses: { '201': { description: 'created' }, ...errors(400, 401, 403) } },
      },
      '/v1/attribution': {
        post: {
          summary: 'multi-touch attribution: a model, or compare for every model, over the journeys of a period by channel, campaign, ad group or ad, or over a path file; attributed conversions, revenue, cost, CPA, ROAS, optional 90 % intervals; scope read',
          requestBody: { required: true, content: json(ref('Attribution')) },
          responses: { ...ok(ref('AttributionReport')), ...errors(400, 401, 403, 413, 422, 501) },
        },
      },
      '/v1/clv': {
        get: {
          summary: 'predicted customer lifetime value: RFM from orders up to the calibration end, BG/NBD and Gamma-Gamma fits, the top customers by residual value; scope read',
          parameters: [
            { name: 'calibration_end', in: 'query', schema: { type: 'string', format: 'date' }, description: 'last day the models learn from (default yesterday)' },
            { name: 'time_unit', in: 'query', schema: { type: 'string', enum: ['day', 'week'] } },
            { name: 'horizon_days', in: 'query', schema: { type: 'number', exclusiveMinimum: 0 }, description: 'default 365' },
            { name: 'discount', in: 'query', schema: { type: 'number', minimum: 0 }, description: 'yearly discount rate (default 0.1)' },
            { name: 'margin', in: 'query', schema: { type: 'number', minimum: 0, maximum: 1 }, description: 'gross margin (default: the workspace setting)' },
            { name: 'top', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'customers listed (default 20)' },
            { name: 'holdout_end', in: 'query', schema: { type: 'string', format: 'date' }, description: 'compare predicted with actual purchases from the day after calibration_end to this day' },
          ],
          responses: { ...ok(ref('ClvReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/cohorts': {
        post: {
          summary:
            'acquisition cohorts by week or month: retention (% active per period since acquisition, by purchase or subscription) or cumulative revenue per customer, optionally for one channel or per acquisition channel or campaign; the sBG retention projection for subscriptions; scope read',
          requestBody: { required: true, content: json(ref('Cohorts')) },
          responses: { ...ok(ref('CohortReport')), ...errors(400, 401, 403) },
        },
      },
      '/v1/funnels': {
        post: {
          summary:
            'funnel: people who entered in a period (their first first-step event, local dates) and reached each step within a conversion window, ordered, strict or in any order; counts, conversion from the previous and the first step, median time between steps, optionally by the channel or campaign that entered them; scope read',
          requestBody: { required: true, content: json(ref('Funnel')) },
          responses: { ...ok(ref('FunnelReport')), ...errors(400, 401, 403) },
        },
      },
      '/v1/forecast': {
        post: {
          summary:
            'forecast by exponential smoothing (simple, Holt, Holt-Winters additive or multiplicative, damped or not; auto picks the lowest AICc) of a series sent as { date, value } points, or of a metric’s totals per day, week or month over from…to (partial buckets left out, with a note); parameters, SSE, AICc, one-step fitted values and points with prediction intervals; scope read',
          requestBody: { required: true, content: json(ref('Forecast')) },
          responses: { ...ok(ref('ForecastReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/anomalies': {
        post: {
          summary:
            'anomalies on a metric’s totals per day, week or month over from…to: each point judged against the one-step forecast of a seasonal Holt-Winters model fitted on the history before from (or, with too short a history, the median and MAD of the seasonal differences, or of the values) ± z·σ at the sensitivity’s coverage (default 0.99); expected value, interval, anomaly, severity, score and direction per point, the method and why, its parameters and notes; scope read',
          requestBody: { required: true, content: json(ref('Anomalies')) },
          responses: { ...ok(ref('AnomalyReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/explain': {
        post: {
          summary:
            'why a metric changed from the previous period (or the same days a year earlier) to from…to: its change split along its formula (known factorisations such as CPA = CPC ÷ CVR, else the formula’s own terms and factors) into drivers that add up to the change, and with by across the dimension’s segments (mix and rate parts for ratios); a metric whose formula cannot be split answers its total change with a note; scope read',
          requestBody: { required: true, content: json(ref('Explain')) },
          responses: { ...ok(ref('ExplainReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/segments/underperforming': {
        post: {
          summary:
            'the segments of one or more dimensions (several: their combinations) that do significantly worse than the workspace on a ratio metric over from…to: each KPI shrunk toward the pooled value by an empirical-Bayes model (beta-binomial, gamma-Poisson or normal), flagged by its posterior probability of being worse under a Bayesian false discovery rate, ranked by spend at stake; a metric that is no ratio is a 422; scope read',
          requestBody: { required: true, content: json(ref('UnderperformingSegments')) },
          responses: { ...ok(ref('UnderperformingSegmentsReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/experiments': {
        get: {
          summary: 'the experiments the workspace’s experiment_exposure events name, with the people whose first exposure was to each variant, most recently exposed first; scope read',
          responses: { ...ok(ref('ExperimentList')), ...errors(401, 403) },
        },
      },
      '/v1/experiments/analyze': {
        post: {
          summary:
            'A/B experiment readout, from each variant’s sufficient statistics (rate: n and conversions; mean: n, sum and sum of squares; optional CUPED covariate) or from the workspace’s experiment_exposure events ({ experiment, metric }: first exposure per person picks the variant, people who saw two are left out and counted, the metric after exposure per person, CUPED on the days before, aggregated in the warehouse): per treatment the lift over the control with its interval, z or Welch t, p-value (Benjamini–Hochberg adjusted too), probability to beat the control and expected loss; the sample ratio check and warnings; scope read',
          requestBody: { required: true, content: json({ oneOf: [ref('ExperimentStats'), ref('ExperimentRequest')] }) },
          responses: { ...ok(ref('ExperimentReadout')), ...errors(400, 401, 403, 404, 422) },
        },
      },
      '/v1/alerts': {
        get: { summary: 'alert rules with their firing state, last evaluation and next scheduled run; scope read', responses: { ...ok(ref('AlertList')), ...errors(401, 403) } },
        post: {
          summary: 'create an alert rule (a metric, its condition, schedule, webhook and recommended action), checked against the catalog and the workspace time zone; scope admin',
          requestBody: { required: true, content: json(ref('AlertRuleInput')) },
          responses: { '201': { description: 'created', content: json(ref('AlertRule')) }, ...errors(400, 401, 403) },
        },
      },
      '/v1/budget/recommend': {
        post: {
          summary: 'a budget split: a response curve per channel or campaign (Hill or exponential saturation over geometric adstock, fitted on the daily spend and attributed outcome of from…to), the split of total_budget for a period as long that maximises revenue or conversions (or the most spend that keeps a target ROAS or CPA), with expected outcomes and intervals, marginal returns, binding constraints and the reasons; scope read',
          requestBody: { required: true, content: json(ref('Budget')) },
          responses: { ...ok(ref('BudgetReport')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/quality': {
        get: {
          summary: 'the data-quality audit: ad rows with more clicks than impressions or spend without impressions, conversions with no visit before them, UTM campaigns nothing knows, money without an fx rate, future events, tracking gaps, platform-reported against tracked conversions, duplicates received, stale sources; each finding with severity, counts, days and examples; scope read',
          responses: { ...ok(ref('QualityReport')), ...errors(401, 403) },
        },
      },
      '/v1/export': {
        get: {
          summary: "a source's current rows in the workspace (bookkeeping columns left out, natural-key order) as a CSV or Parquet download, streamed; scope read",
          parameters: [
            { name: 'source', in: 'query', required: true, schema: { type: 'string', enum: [...SOURCE_NAMES] } },
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'parquet'] }, description: 'default csv' },
          ],
          responses: { ...download(), ...errors(400, 401, 403, 422) },
        },
        post: {
          summary: "a metric query's rows (the body of POST /v1/query as query) as a CSV or Parquet download, one column per result column; scope read",
          requestBody: { required: true, content: json(ref('ExportQuery')) },
          responses: { ...download(), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/sql': {
        post: {
          summary: "read-only SQL: one SELECT over views holding only the workspace's rows (one per source, named after it, and kpis, the KPI catalog); other statements, other tables, file and catalog functions are refused (422); DuckDB engine only (ClickHouse: a read-only user with row policies); scope read",
          requestBody: { required: true, content: json(ref('Sql')) },
          responses: { ...ok(ref('SqlResult')), ...errors(400, 401, 403, 422) },
        },
      },
      '/v1/alerts/history': {
        get: {
          summary: 'firings newest first: the value, what it was judged against, the query, the segments that moved, the recommended action and the webhook delivery log; scope read',
          parameters: [
            { name: 'rule_id', in: 'query', schema: { type: 'string' }, description: 'only this rule’s firings' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 }, description: 'at most this many (default 1000)' },
          ],
          responses: { ...ok(ref('AlertHistory')), ...errors(400, 401, 403, 404) },
        },
      },
      '/v1/alerts/{id}': { delete: { summary: 'delete an alert rule (its firings stay in the history); scope admin', parameters: [idParam('alert rule')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404) } } },
      '/v1/alerts/{id}/acknowledge': {
        post: {
          summary: 'silence a firing until its condition clears, with a comment saying why; 409 when the rule is not firing; scope admin',
          parameters: [idParam('alert rule')],
          requestBody: { required: true, content: json(ref('Acknowledge')) },
          responses: { ...ok(ref('AlertAcknowledged')), ...errors(400, 401, 403, 404, 409) },
        },
      },
      '/v1/alerts/{id}/run': {
        post: {
          summary: 'evaluate a rule now, as its schedule would: its condition on the latest bucket, its firing state stepped, and when it fires the firing recorded and its webhook sent; scope admin',
          parameters: [idParam('alert rule')],
          responses: { ...ok(ref('AlertEvaluation')), ...errors(401, 403, 404) },
        },
      },
      '/v1/attribution/models': { get: { summary: 'what each attribution model does and its parameters; scope read', responses: { ...ok(ref('AttributionModels')), ...errors(401, 403) } } },
      '/v1/benchmarks/{id}': { delete: { summary: 'delete a benchmark band; scope admin', parameters: [idParam('benchmark band')], responses: { ...ok({ type: 'object' }), ...errors(401, 403, 404) } } },
    },
  };
}
