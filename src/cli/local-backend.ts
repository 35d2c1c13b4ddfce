// Runs CLI commands on a warehouse opened in this process. Each analytics
// service is loaded on its first use: a command pays in start-up time and
// memory only for the modules it runs (an import loads none of them).
import type { DeliveryOptions } from '../alerts/webhook-delivery.js';
import type { ClvRequest } from '../clv/clv-service.js';
import { createApiKey } from '../access/api-keys.js';
import { createWorkspace, ensureWorkspace, requireWorkspace, updateSettings } from '../access/workspaces.js';
import { NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { DeriveScheduler } from '../warehouse/derive-scheduler.js';
import { DEFAULT_BATCH_SIZE, ingestRecords } from '../ingest/ingest-records.js';
import type { QueryServices } from '../metrics/query-service.js';
import { predictedValues } from '../clv/predicted-values.js';
import type { ExportFormat, Warehouse } from '../warehouse/warehouse.js';
import type { Backend, ImportRequest, PublicKey } from './backend.js';

/**
 * Rows per write on ClickHouse when the caller names none. Every insert makes
 * a part that ClickHouse merges in the background, and each batch costs a
 * duplicate lookup round trip, so fewer, larger inserts suit it; 20,000 rows
 * keep the lookup's key list (a few hundred KB) well under the statement size
 * limit and the batch in memory to some tens of MB. DuckDB keeps the small
 * default, which holds an import's memory flat.
 */
export const CLICKHOUSE_BATCH_SIZE = 20_000;

export class LocalBackend implements Backend {
  /** Reads bring the derived view up to date first (imports only store raw records). */
  private readonly services: QueryServices;

  constructor(
    readonly warehouse: Warehouse,
    private readonly workspace: string,
    readonly description: string,
    /** How `alerts run` sends webhooks (the target policy of the configuration). */
    private readonly webhooks?: DeliveryOptions,
  ) {
    this.services = { warehouse, derived: new DeriveScheduler(warehouse), customerValues: predictedValues(warehouse) };
  }

  async importRecords(request: ImportRequest) {
    await ensureWorkspace(this.warehouse, this.workspace);
    const importId = newId('imp');
    const startedAt = new Date().toISOString();
    const { source, platform, assumeTimezone } = request;
    const summary = await ingestRecords(
      { warehouse: this.warehouse, workspace: this.workspace, source, importId, platform, assumeTimezone, optionStyle: 'cli' },
      request.records,
      { onBatch: request.onProgress, batchSize: request.batchSize ?? this.defaultBatchSize(), header: request.header },
    );
    const { accepted, updated, duplicates, rejected } = summary;
    // A file that stored nothing because it was rejected, or held only records already stored, is listed too, with its counts.
    if (accepted + updated + duplicates + rejected > 0) {
      // The derived view is brought up to date by its readers (the server, queries), not here:
      // a large import should not pay for a rebuild nobody has asked for yet.
      await this.warehouse.saveImport({ id: importId, workspace: this.workspace, source: request.source, origin: request.origin, startedAt, accepted, updated, duplicates, rejected });
    }
    return summary;
  }

  private defaultBatchSize(): number {
    return this.warehouse.engine === 'clickhouse' ? CLICKHOUSE_BATCH_SIZE : DEFAULT_BATCH_SIZE;
  }

  async settings() {
    return (await ensureWorkspace(this.warehouse, this.workspace)).settings;
  }

  async updateSettings(patch: Record<string, unknown>) {
    await ensureWorkspace(this.warehouse, this.workspace);
    return updateSettings(this.warehouse, this.workspace, patch);
  }

  async createKey(scope: string) {
    await ensureWorkspace(this.warehouse, this.workspace);
    return createApiKey(this.warehouse, this.workspace, scope);
  }

  async listKeys(): Promise<PublicKey[]> {
    await requireWorkspace(this.warehouse, this.workspace);
    return (await this.warehouse.listKeys(this.workspace)).map(({ hash: _hash, ...rest }) => rest);
  }

  async revokeKey(id: string) {
    if (!(await this.warehouse.revokeKey(this.workspace, id))) throw new NotFoundError(`unknown or already revoked key "${id}"`);
  }

  createWorkspace(name: string, options: { currency?: string; timezone?: string }) {
    return createWorkspace(this.warehouse, name, options);
  }

  listWorkspaces() {
    return this.warehouse.listWorkspaces();
  }

  async freshness() {
    await requireWorkspace(this.warehouse, this.workspace);
    return this.warehouse.freshness(this.workspace);
  }

  async imports() {
    return this.warehouse.listImports(this.workspace);
  }

  async query(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { answerForecastQuery } = await import('../forecast/query-forecast.js');
    return answerForecastQuery(this.services, workspace, body);
  }

  async goals() {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { goalReports } = await import('../goals/goals-service.js');
    return goalReports(this.services, workspace);
  }

  async clv(options: ClvRequest) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { clvReport } = await import('../clv/clv-service.js');
    return clvReport(this.services, workspace, options);
  }

  async attribution(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { attributionReport } = await import('../attribution/attribution-service.js');
    return attributionReport(this.services, workspace, body);
  }

  async cohorts(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { cohortReport } = await import('../cohorts/cohort-service.js');
    return cohortReport(this.services, workspace, body);
  }

  async funnel(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { funnelReport } = await import('../funnels/funnel-service.js');
    return funnelReport(this.services, workspace, body);
  }

  async forecast(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { forecastReport } = await import('../forecast/forecast-service.js');
    return forecastReport(this.services, workspace, body);
  }

  async anomalies(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { anomalyReport } = await import('../anomalies/anomaly-service.js');
    return anomalyReport(this.services, workspace, body);
  }

  async explain(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { explainReport } = await import('../insight/explain-service.js');
    return explainReport(this.services, workspace, body);
  }

  async underperformingSegments(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { underperformingReport } = await import('../insight/segments-service.js');
    return underperformingReport(this.services, workspace, body);
  }

  /** A stats body reads nothing of the workspace, which need not exist. */
  async experiment(body: Record<string, unknown>) {
    const { experimentReport, readsExposures, statsReport } = await import('../experiments/experiment-service.js');
    if (!readsExposures(body)) return statsReport(body);
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    return experimentReport(this.services, workspace, body);
  }

  async experiments() {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { experimentList } = await import('../experiments/experiment-service.js');
    return experimentList(this.services, workspace);
  }

  async budget(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { budgetReport } = await import('../budget/budget-service.js');
    return budgetReport(this.services, workspace, body);
  }

  async exportSource(source: string, format: ExportFormat) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { exportSource } = await import('../export/export-service.js');
    return exportSource(this.warehouse, workspace, source, format);
  }

  async exportQuery(query: Record<string, unknown>, format: ExportFormat) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { exportQuery } = await import('../export/export-service.js');
    return exportQuery(this.services, workspace, { query, format });
  }

  async sql(body: { sql: string; limit?: number }) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { runSql } = await import('../export/sql-service.js');
    return runSql(this.warehouse, workspace, body);
  }

  async quality() {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { qualityReport } = await import('../quality/quality-service.js');
    return qualityReport(this.services, workspace);
  }

  async catalog() {
    await requireWorkspace(this.warehouse, this.workspace);
    const { metricCatalog, publicMetric } = await import('../metrics/metrics-service.js');
    return [...(await metricCatalog(this.warehouse, this.workspace)).values()].map(publicMetric);
  }

  async alerts() {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { listAlerts } = await import('../alerts/alerts-service.js');
    return listAlerts(this.warehouse, workspace);
  }

  async createAlert(body: Record<string, unknown>) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { createAlert } = await import('../alerts/alerts-service.js');
    return createAlert(this.warehouse, workspace, body);
  }

  async deleteAlert(id: string) {
    await requireWorkspace(this.warehouse, this.workspace);
    const { deleteAlert } = await import('../alerts/alerts-service.js');
    await deleteAlert(this.warehouse, this.workspace, id);
  }

  async alertHistory(options: { ruleId?: string; limit?: number }) {
    await requireWorkspace(this.warehouse, this.workspace);
    const { alertHistory } = await import('../alerts/alerts-service.js');
    return alertHistory(this.warehouse, this.workspace, options);
  }

  async acknowledgeAlert(id: string, comment: string) {
    await requireWorkspace(this.warehouse, this.workspace);
    const { acknowledgeAlert } = await import('../alerts/alerts-service.js');
    return acknowledgeAlert(this.warehouse, this.workspace, id, { comment });
  }

  async runAlert(id: string) {
    const workspace = await requireWorkspace(this.warehouse, this.workspace);
    const { runAlert } = await import('../alerts/alerts-service.js');
    return runAlert({ ...this.services, ...(this.webhooks ? { delivery: this.webhooks } : {}) }, workspace, id);
  }

  close() {
    return this.warehouse.close();
  }
}
