// The dashboard's one way to reach Beacon: the public HTTP API, typed from
// its OpenAPI document (schema.d.ts). Errors become ApiError with the
// server's code and message; a 401 also tells the app to sign in again.
import createClient from 'openapi-fetch';
import { fileNameFrom } from './content-disposition';
import type { components, paths } from './schema';

type Schemas = components['schemas'];
export type QueryBody = Schemas['Query'];
export type QueryResult = Schemas['QueryResult'];
export type Catalog = Schemas['Catalog'];
export type CatalogMetric = Catalog['metrics'][number];
export type GoalList = Schemas['GoalList'];
export type Goal = GoalList['goals'][number];
export type Freshness = Schemas['Freshness'];
export type SettingsAnswer = Schemas['SettingsResult'];
export type Unit = CatalogMetric['unit'];
export type AttributionBody = Schemas['Attribution'];
/** As the route answers it (the path's own response type). */
export type AttributionReport = Awaited<ReturnType<Api['attribution']>>;
export type AttributionRow = AttributionReport['rows'][number];
export type AttributionModels = Schemas['AttributionModels'];
export type Direction = CatalogMetric['direction'];
export type ClvParams = NonNullable<paths['/v1/clv']['get']['parameters']['query']>;
export type ClvReport = Schemas['ClvReport'];
export type FunnelBody = Schemas['Funnel'];
export type FunnelReport = Schemas['FunnelReport'];
export type CohortBody = Schemas['Cohorts'];
export type CohortReport = Schemas['CohortReport'];
/** A forecast of a catalog metric's totals (the metric form of POST /v1/forecast). */
export type MetricForecastBody = Extract<Schemas['Forecast'], { metric: string }>;
export type ForecastReport = Schemas['ForecastReport'];
export type AnomalyBody = Schemas['Anomalies'];
export type AnomalyReport = Schemas['AnomalyReport'];
export type ExperimentList = Schemas['ExperimentList'];
/** A readout from the workspace's experiment_exposure events (the experiment form of POST /v1/experiments/analyze). */
export type ExperimentRequest = Schemas['ExperimentRequest'];
/** As the route answers it (the path's own response type). */
export type ExperimentReadout = Awaited<ReturnType<Api['analyzeExperiment']>>;
export type AlertRuleReport = Schemas['AlertList']['alerts'][number];
export type AlertState = AlertRuleReport['state'];
export type AlertFiring = Schemas['AlertHistory']['firings'][number];
export type AlertEvaluation = Schemas['AlertEvaluation'];
export type QualityReport = Schemas['QualityReport'];
export type ExplainBody = Schemas['Explain'];
export type ExplainReport = Schemas['ExplainReport'];
export type ExplainDriver = ExplainReport['drivers'][number];
export type ExplainSegment = NonNullable<ExplainReport['breakdown']>['segments'][number];
export type SegmentsBody = Schemas['UnderperformingSegments'];
export type SegmentsReport = Schemas['UnderperformingSegmentsReport'];
export type FlaggedSegment = SegmentsReport['segments'][number];
export type BudgetBody = Schemas['Budget'];
export type BudgetReport = Schemas['BudgetReport'];
export type BudgetRow = BudgetReport['rows'][number];
export type ExportFormat = NonNullable<Schemas['ExportQuery']['format']>;
/** A downloaded file: its bytes and the name the server gave it. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId?: string,
    /** What the server says per field of a 400 (`[{ field, message }]`), as it sent it. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export function createApi(key: string, onUnauthorized: (message: string) => void) {
  const client = createClient<paths>({ baseUrl: window.location.origin, headers: { authorization: `Bearer ${key}` } });

  async function unwrap<T>(call: () => Promise<Answer<T>>): Promise<T> {
    let answer: Answer<T>;
    try {
      answer = await call();
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError('Beacon did not answer: is the server running?', 0, 'unreachable');
    }
    const { data, error, response } = answer;
    if (response.ok && data !== undefined) return data;
    const body = (error ?? {}) as { error?: { code?: string; message?: string; request_id?: string; details?: unknown } };
    const message = body.error?.message ?? `${response.status} ${response.statusText}`;
    if (response.status === 401) onUnauthorized(message);
    throw new ApiError(message, response.status, body.error?.code ?? 'http_error', body.error?.request_id, body.error?.details);
  }

  return {
    query: (body: QueryBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/query', { body, signal })),
    catalog: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/catalog', { signal })),
    goals: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/goals', { signal })),
    freshness: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/freshness', { signal })),
    settings: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/settings', { signal })),
    attribution: (body: AttributionBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/attribution', { body, signal })),
    attributionModels: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/attribution/models', { signal })),
    clv: (query: ClvParams, signal?: AbortSignal) => unwrap(() => client.GET('/v1/clv', { params: { query }, signal })),
    funnels: (body: FunnelBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/funnels', { body, signal })),
    cohorts: (body: CohortBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/cohorts', { body, signal })),
    forecast: (body: MetricForecastBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/forecast', { body, signal })),
    anomalies: (body: AnomalyBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/anomalies', { body, signal })),
    experiments: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/experiments', { signal })),
    analyzeExperiment: (body: ExperimentRequest, signal?: AbortSignal) => unwrap(() => client.POST('/v1/experiments/analyze', { body, signal })),
    alerts: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/alerts', { signal })),
    alertHistory: (limit: number, signal?: AbortSignal) => unwrap(() => client.GET('/v1/alerts/history', { params: { query: { limit } }, signal })),
    runAlert: (id: string) => unwrap(() => client.POST('/v1/alerts/{id}/run', { params: { path: { id } } })),
    acknowledgeAlert: (id: string, comment: string) => unwrap(() => client.POST('/v1/alerts/{id}/acknowledge', { params: { path: { id } }, body: { comment } })),
    deleteAlert: (id: string) => unwrap(() => client.DELETE('/v1/alerts/{id}', { params: { path: { id } } })),
    quality: (signal?: AbortSignal) => unwrap(() => client.GET('/v1/quality', { signal })),
    explain: (body: ExplainBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/explain', { body, signal })),
    underperformingSegments: (body: SegmentsBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/segments/underperforming', { body, signal })),
    budget: (body: BudgetBody, signal?: AbortSignal) => unwrap(() => client.POST('/v1/budget/recommend', { body, signal })),
    /** A metric query's rows as a CSV or Parquet file (POST /v1/export), named as Content-Disposition says. */
    exportQuery: async (query: QueryBody, format: ExportFormat, signal?: AbortSignal): Promise<ExportFile> => {
      let disposition: string | null = null;
      const blob = await unwrap(async () => {
        const answer = await client.POST('/v1/export', { body: { query, format }, parseAs: 'blob', signal });
        disposition = answer.response.headers.get('content-disposition');
        return answer;
      });
      return { blob, fileName: fileNameFrom(disposition, `beacon-export.${format}`) };
    },
  };
}

export type Api = ReturnType<typeof createApi>;
