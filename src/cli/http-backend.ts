// Runs CLI commands through a Beacon server over HTTP: a remote one
// (--server URL --key KEY) or the local server that holds the database file.
import type { AttributionReport } from '../attribution/attribution-service.js';
import type { CohortReport } from '../cohorts/cohort-service.js';
import type { FunnelReport } from '../funnels/funnel-report.js';
import type { ForecastReport } from '../forecast/forecast-service.js';
import type { AnomalyReport } from '../anomalies/anomaly-service.js';
import type { ExplainReport } from '../insight/explain-service.js';
import type { SegmentsReport } from '../insight/segments-service.js';
import type { ForecastQueryResult } from '../forecast/query-forecast.js';
import type { GoalReport } from '../goals/goals-service.js';
import type { AlertRuleReport, PublicAlertRule } from '../alerts/alerts-service.js';
import type { AlertFiringRecord } from '../alerts/alert-store.js';
import type { RuleEvaluation } from '../alerts/evaluate-rule.js';
import type { AlertStateView } from '../alerts/state-view.js';
import type { ExperimentList, ExperimentReport } from '../experiments/experiment-service.js';
import type { QualityReport } from '../quality/quality-service.js';
import type { BudgetReport } from '../budget/budget-service.js';
import type { ClvReport, ClvRequest } from '../clv/clv-service.js';
import { BeaconError, ValidationError } from '../core/errors.js';
import { headerGate } from '../ingest/header-gate.js';
import { addError, addRejection, addWrite, emptySummary, type IngestSummary } from '../ingest/ingest-summary.js';
import type { WorkspaceSettings } from '../model/settings.js';
import { WORKSPACE_HEADER } from '../server/auth.js';
import type { ExportFormat, FreshnessRow, ImportRecord, SqlResult, Workspace } from '../warehouse/warehouse.js';
import type { ExportFile } from '../export/export-format.js';
import { Readable } from 'node:stream';
import type { Backend, ImportRequest, PublicKey, PublicMetric } from './backend.js';

export interface HttpBackendOptions {
  url: string;
  key: string;
  /** Sent with the server's local token, which is not bound to a workspace. */
  workspace?: string;
  /** What to say when the server does not answer (default: that it cannot be reached). */
  unreachable?: string;
  /** Records per request and bytes per request, under the server's limits. */
  maxRecords?: number;
  maxBytes?: number;
}

type Located = { index: number; line?: number };

export class HttpBackend implements Backend {
  readonly description: string;
  private readonly maxRecords: number;
  private readonly maxBytes: number;

  constructor(private readonly options: HttpBackendOptions) {
    this.description = `server ${options.url}`;
    this.maxRecords = options.maxRecords ?? 10_000;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  }

  private async request<T>(method: string, path: string, body?: string, contentType = 'application/json'): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.key}` };
    if (this.options.workspace) headers[WORKSPACE_HEADER] = this.options.workspace;
    if (body !== undefined) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.url), { method, headers, body });
    } catch (err) {
      const cause = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
      throw new BeaconError(503, 'unavailable', this.options.unreachable ?? `cannot reach the Beacon server at ${this.options.url} (${cause}); check that it runs and the --server URL`);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      throw new BeaconError(response.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`, error?.details);
    }
    return parsed as T;
  }

  /**
   * Sends records in batches under the body limit, mapping each error back to
   * its place in the input. The CSV header is checked here, where the file is
   * read; when it rejects the file the records still go, so that the server
   * counts and lists the rejected import, but its one error stands for them.
   */
  async importRecords(request: ImportRequest): Promise<IngestSummary> {
    const summary = emptySummary();
    const rejectsAll = request.header === undefined ? () => false : headerGate({ ...request, optionStyle: 'cli' }, request.header);
    const query = new URLSearchParams();
    if (request.platform) query.set('platform', request.platform);
    if (request.assumeTimezone) query.set('assume_timezone', request.assumeTimezone);
    const path = `/v1/import/${request.source}${query.size > 0 ? `?${query}` : ''}`;
    let lines: string[] = [];
    let places: Located[] = [];
    let bytes = 0;
    const send = async () => {
      if (lines.length === 0) return;
      const result = await this.request<IngestSummary>('POST', path, lines.join('\n'), 'application/x-ndjson');
      addWrite(summary, result);
      summary.rejected += result.rejected;
      if (!rejectsAll(summary)) for (const error of result.errors) addError(summary, { ...error, ...places[error.index] });
      lines = [];
      places = [];
      bytes = 0;
      request.onProgress?.(summary);
    };
    for await (const record of request.records) {
      const rejecting = rejectsAll(summary);
      const place: Located = record.line === undefined ? { index: record.index } : { index: record.index, line: record.line };
      if ('error' in record) {
        if (rejecting) summary.rejected++;
        else addRejection(summary, { ...place, field: '(record)', message: record.error });
        continue;
      }
      const line = JSON.stringify(record.value);
      if (lines.length >= this.maxRecords || bytes + line.length > this.maxBytes) await send();
      lines.push(line);
      places.push(place);
      bytes += line.length + 1;
    }
    await send();
    rejectsAll(summary);
    return summary;
  }

  async settings(): Promise<WorkspaceSettings> {
    return (await this.request<{ settings: WorkspaceSettings }>('GET', '/v1/settings')).settings;
  }

  async updateSettings(patch: Record<string, unknown>): Promise<WorkspaceSettings> {
    return (await this.request<{ settings: WorkspaceSettings }>('PATCH', '/v1/settings', JSON.stringify(patch))).settings;
  }

  createKey(scope: string) {
    return this.request<{ id: string; key: string; scope: 'ingest' | 'read' | 'admin'; workspace: string }>('POST', '/v1/keys', JSON.stringify({ scope }));
  }

  async listKeys(): Promise<PublicKey[]> {
    return (await this.request<{ keys: PublicKey[] }>('GET', '/v1/keys')).keys;
  }

  async revokeKey(id: string): Promise<void> {
    await this.request('DELETE', `/v1/keys/${encodeURIComponent(id)}`);
  }

  async createWorkspace(): Promise<Workspace> {
    throw new ValidationError('workspaces are created on the database itself: stop the server, or run the command where the database is');
  }

  async listWorkspaces(): Promise<Workspace[]> {
    throw new ValidationError('a server key sees only its own workspace; list workspaces where the database is');
  }

  async freshness(): Promise<FreshnessRow[]> {
    return (await this.request<{ sources: FreshnessRow[] }>('GET', '/v1/freshness')).sources;
  }

  async imports(): Promise<ImportRecord[]> {
    return (await this.request<{ imports: ImportRecord[] }>('GET', '/v1/imports')).imports;
  }

  query(body: Record<string, unknown>): Promise<ForecastQueryResult> {
    return this.request<ForecastQueryResult>('POST', '/v1/query', JSON.stringify(body));
  }

  async goals(): Promise<GoalReport[]> {
    return (await this.request<{ goals: GoalReport[] }>('GET', '/v1/goals')).goals;
  }

  async catalog(): Promise<PublicMetric[]> {
    return (await this.request<{ metrics: PublicMetric[] }>('GET', '/v1/catalog')).metrics;
  }

  clv(options: ClvRequest): Promise<ClvReport> {
    const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return this.request<ClvReport>('GET', `/v1/clv?${query}`);
  }

  attribution(body: Record<string, unknown>): Promise<AttributionReport> {
    return this.request<AttributionReport>('POST', '/v1/attribution', JSON.stringify(body));
  }

  cohorts(body: Record<string, unknown>): Promise<CohortReport> {
    return this.request<CohortReport>('POST', '/v1/cohorts', JSON.stringify(body));
  }

  funnel(body: Record<string, unknown>): Promise<FunnelReport> {
    return this.request<FunnelReport>('POST', '/v1/funnels', JSON.stringify(body));
  }

  forecast(body: Record<string, unknown>): Promise<ForecastReport> {
    return this.request<ForecastReport>('POST', '/v1/forecast', JSON.stringify(body));
  }

  anomalies(body: Record<string, unknown>): Promise<AnomalyReport> {
    return this.request<AnomalyReport>('POST', '/v1/anomalies', JSON.stringify(body));
  }

  explain(body: Record<string, unknown>): Promise<ExplainReport> {
    return this.request<ExplainReport>('POST', '/v1/explain', JSON.stringify(body));
  }

  underperformingSegments(body: Record<string, unknown>): Promise<SegmentsReport> {
    return this.request<SegmentsReport>('POST', '/v1/segments/underperforming', JSON.stringify(body));
  }

  experiment(body: Record<string, unknown>): Promise<ExperimentReport> {
    return this.request<ExperimentReport>('POST', '/v1/experiments/analyze', JSON.stringify(body));
  }

  experiments(): Promise<ExperimentList> {
    return this.request<ExperimentList>('GET', '/v1/experiments');
  }

  exportSource(source: string, format: ExportFormat): Promise<ExportFile> {
    return this.download('GET', `/v1/export?${new URLSearchParams({ source, format })}`);
  }

  exportQuery(query: Record<string, unknown>, format: ExportFormat): Promise<ExportFile> {
    return this.download('POST', '/v1/export', JSON.stringify({ query, format }));
  }

  sql(body: { sql: string; limit?: number }): Promise<SqlResult> {
    return this.request<SqlResult>('POST', '/v1/sql', JSON.stringify(body));
  }

  /** A file the server streams: its bytes as they arrive, its type and the name its Content-Disposition gives. */
  private async download(method: string, path: string, body?: string): Promise<ExportFile> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.key}` };
    if (this.options.workspace) headers[WORKSPACE_HEADER] = this.options.workspace;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.url), { method, headers, body });
    } catch (err) {
      throw new BeaconError(503, 'unavailable', this.options.unreachable ?? `cannot reach the Beacon server at ${this.options.url} (${(err as Error).message})`);
    }
    if (!response.ok || !response.body) {
      const parsed = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
      throw new BeaconError(response.status, parsed?.error?.code ?? 'http_error', parsed?.error?.message ?? `HTTP ${response.status}`, parsed?.error?.details);
    }
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { stream: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), contentType: response.headers.get('content-type') ?? '', fileName };
  }

  quality(): Promise<QualityReport> {
    return this.request<QualityReport>('GET', '/v1/quality');
  }

  budget(body: Record<string, unknown>): Promise<BudgetReport> {
    return this.request<BudgetReport>('POST', '/v1/budget/recommend', JSON.stringify(body));
  }

  async alerts(): Promise<AlertRuleReport[]> {
    return (await this.request<{ alerts: AlertRuleReport[] }>('GET', '/v1/alerts')).alerts;
  }

  createAlert(body: Record<string, unknown>): Promise<PublicAlertRule> {
    return this.request<PublicAlertRule>('POST', '/v1/alerts', JSON.stringify(body));
  }

  async deleteAlert(id: string): Promise<void> {
    await this.request('DELETE', `/v1/alerts/${encodeURIComponent(id)}`);
  }

  async alertHistory(options: { ruleId?: string; limit?: number }): Promise<AlertFiringRecord[]> {
    const query = new URLSearchParams();
    if (options.ruleId !== undefined) query.set('rule_id', options.ruleId);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    return (await this.request<{ firings: AlertFiringRecord[] }>('GET', `/v1/alerts/history${query.size > 0 ? `?${query}` : ''}`)).firings;
  }

  async acknowledgeAlert(id: string, comment: string): Promise<AlertStateView> {
    return (await this.request<{ state: AlertStateView }>('POST', `/v1/alerts/${encodeURIComponent(id)}/acknowledge`, JSON.stringify({ comment }))).state;
  }

  runAlert(id: string): Promise<RuleEvaluation> {
    return this.request<RuleEvaluation>('POST', `/v1/alerts/${encodeURIComponent(id)}/run`, '{}');
  }

  async close(): Promise<void> {}
}
