// What CLI commands need from Beacon, whether the database is opened in this
// process (LocalBackend) or reached through a running server (HttpBackend).
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
import type { ExportFile } from '../export/export-format.js';
import type { ExportFormat, SqlResult } from '../warehouse/warehouse.js';
import type { ClvReport, ClvRequest } from '../clv/clv-service.js';
import type { CreatedKey } from '../access/api-keys.js';
import type { IngestSummary } from '../ingest/ingest-summary.js';
import type { CsvHeader, RawRecord } from '../ingest/readers/raw-record.js';
import type { SourceName } from '../model/sources.js';
import type { WorkspaceSettings } from '../model/settings.js';
import type { ApiKeyRecord, FreshnessRow, ImportRecord, Workspace } from '../warehouse/warehouse.js';
import type { publicMetric } from '../metrics/metrics-service.js';

export type PublicMetric = ReturnType<typeof publicMetric>;

export interface ImportRequest {
  source: SourceName;
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>;
  platform?: string;
  /** IANA zone whose midnight a date-only timestamp means (--assume-timezone). */
  assumeTimezone?: string;
  /** The CSV header once the reader has read it (ReadRecordsOptions.onHeader). */
  header?: () => CsvHeader | undefined;
  origin: string;
  /** Rows per write when the database is local (default: small, to keep an import's memory flat). */
  batchSize?: number;
  onProgress?: (summary: IngestSummary) => void;
}

export type PublicKey = Omit<ApiKeyRecord, 'hash'>;

export interface Backend {
  readonly description: string;
  importRecords(request: ImportRequest): Promise<IngestSummary>;
  settings(): Promise<WorkspaceSettings>;
  updateSettings(patch: Record<string, unknown>): Promise<WorkspaceSettings>;
  createKey(scope: string): Promise<CreatedKey>;
  listKeys(): Promise<PublicKey[]>;
  revokeKey(id: string): Promise<void>;
  createWorkspace(name: string, options: { currency?: string; timezone?: string }): Promise<Workspace>;
  listWorkspaces(): Promise<Workspace[]>;
  freshness(): Promise<FreshnessRow[]>;
  imports(): Promise<ImportRecord[]>;
  /** POST /v1/query: the body as the HTTP API takes it (with its forecast when it asks for one). */
  query(body: Record<string, unknown>): Promise<ForecastQueryResult>;
  /** GET /v1/goals: every goal with its progress and forecast. */
  goals(): Promise<GoalReport[]>;
  catalog(): Promise<PublicMetric[]>;
  /** GET /v1/clv: its query options. */
  clv(options: ClvRequest): Promise<ClvReport>;
  /** POST /v1/attribution: the body as the HTTP API takes it. */
  attribution(body: Record<string, unknown>): Promise<AttributionReport>;
  /** POST /v1/cohorts: the body as the HTTP API takes it. */
  cohorts(body: Record<string, unknown>): Promise<CohortReport>;
  /** POST /v1/funnels: the body as the HTTP API takes it. */
  funnel(body: Record<string, unknown>): Promise<FunnelReport>;
  /** POST /v1/forecast: the body as the HTTP API takes it. */
  forecast(body: Record<string, unknown>): Promise<ForecastReport>;
  /** POST /v1/anomalies: the body as the HTTP API takes it. */
  anomalies(body: Record<string, unknown>): Promise<AnomalyReport>;
  /** POST /v1/explain: the body as the HTTP API takes it. */
  explain(body: Record<string, unknown>): Promise<ExplainReport>;
  /** POST /v1/segments/underperforming: the body as the HTTP API takes it. */
  underperformingSegments(body: Record<string, unknown>): Promise<SegmentsReport>;
  /** POST /v1/experiments/analyze: the stats or experiment body as the HTTP API takes it. */
  experiment(body: Record<string, unknown>): Promise<ExperimentReport>;
  /** GET /v1/experiments. */
  experiments(): Promise<ExperimentList>;
  /** GET /v1/quality: the data-quality audit. */
  quality(): Promise<QualityReport>;
  /** GET /v1/export: a source's current rows as a CSV or Parquet file. */
  exportSource(source: string, format: ExportFormat): Promise<ExportFile>;
  /** POST /v1/export: a metric query's rows (the POST /v1/query body) as a CSV or Parquet file. */
  exportQuery(query: Record<string, unknown>, format: ExportFormat): Promise<ExportFile>;
  /** POST /v1/sql: one read-only SELECT over the workspace's views. */
  sql(body: { sql: string; limit?: number }): Promise<SqlResult>;
  /** POST /v1/budget/recommend: the body as the HTTP API takes it. */
  budget(body: Record<string, unknown>): Promise<BudgetReport>;
  /** GET /v1/alerts: every rule with its state and next run. */
  alerts(): Promise<AlertRuleReport[]>;
  /** POST /v1/alerts: the rule body as the HTTP API takes it. */
  createAlert(body: Record<string, unknown>): Promise<PublicAlertRule>;
  deleteAlert(id: string): Promise<void>;
  /** GET /v1/alerts/history: firings newest first. */
  alertHistory(options: { ruleId?: string; limit?: number }): Promise<AlertFiringRecord[]>;
  acknowledgeAlert(id: string, comment: string): Promise<AlertStateView>;
  /** POST /v1/alerts/{id}/run: the rule evaluated now. */
  runAlert(id: string): Promise<RuleEvaluation>;
  close(): Promise<void>;
}
