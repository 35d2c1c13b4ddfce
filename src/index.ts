// Beacon as a library: what a program embedding it uses. Open a warehouse,
// create a workspace, ingest records, keep the derived view current, ask
// metric queries and read goals; the HTTP server and the CLI are built on the
// same functions.
//
// @example
// import { answerQuery, createWarehouse, createWorkspace, DeriveScheduler, ingestRecords } from 'beacon';
// const warehouse = await createWarehouse({ kind: 'duckdb', path: './data/beacon.duckdb' });
// const workspace = await createWorkspace(warehouse, 'shop', { currency: 'USD' });
// await ingestRecords({ warehouse, workspace: 'shop', source: 'orders', importId: 'imp_1' },
//   [{ index: 0, value: { order_id: 'o1', customer_id: 'c1', timestamp: '2026-11-02T10:00:00Z', revenue: '40.00', currency: 'USD' } }]);
// const result = await answerQuery({ warehouse, derived: new DeriveScheduler(warehouse) }, workspace,
//   { metrics: ['orders', 'order_revenue'], from: '2026-11-01', to: '2026-11-30' });

export * from './core/errors.js';
export { GRAINS, type Grain } from './core/time.js';

export { ATTRIBUTION_MODELS, QUERY_ATTRIBUTION_MODELS, type AttributionChoice, type AttributionModel } from './model/attribution.js';
export { DEFAULT_SETTINGS, type WorkspaceSettings } from './model/settings.js';
export { SOURCE_NAMES, SOURCES, type SourceName } from './model/sources.js';
export { validatorFor, type Row } from './model/validate.js';

export { createWarehouse, type WarehouseConfig } from './warehouse/create-warehouse.js';
export { DeriveScheduler, refreshWorkspace, type DerivedFreshness } from './warehouse/derive-scheduler.js';
export type {
  ApiKeyRecord,
  DerivedViewMaintainer,
  Engine,
  FreshnessRow,
  FunnelBreakdown,
  FunnelCounts,
  FunnelOrder,
  FunnelQuery,
  FunnelStepMatch,
  ImportRecord,
  JourneyDimension,
  JourneyPath,
  JourneyQuery,
  MetadataStore,
  QueryRunner,
  RfmCounts,
  RfmCountsQuery,
  RfmQuery,
  RfmRow,
  RfmTimeUnit,
  SourceWriter,
  Warehouse,
  Workspace,
  WriteResult,
} from './warehouse/warehouse.js';

export { createApiKey, type CreatedKey } from './access/api-keys.js';
export { createWorkspace, DEFAULT_WORKSPACE, ensureWorkspace, requireWorkspace, updateSettings } from './access/workspaces.js';

export { ingestRecords, type IngestOptions, type IngestTarget } from './ingest/ingest-records.js';
export type { IngestSummary, RecordError } from './ingest/ingest-summary.js';
export { openInputFile } from './ingest/readers/open-input.js';
export { readRecords, type ReadRecordsOptions } from './ingest/readers/read-records.js';
export type { InputFormat, RawRecord } from './ingest/readers/raw-record.js';

export { CATALOG, type CatalogMetric } from './metrics/catalog.js';
export { deleteCustomMetric, listCustomMetrics, metricCatalog, saveCustomMetric, type CustomMetric } from './metrics/metrics-service.js';
export { answerQuery, campaignKpis, queryMetrics, type CampaignKpis, type QueryServices } from './metrics/query-service.js';
export { attachBenchmarks, createBenchmark, listBenchmarks, type Benchmark } from './metrics/benchmarks-service.js';
export type { MetricQuery, QueryResult, ResultColumn, ResultRow } from './metrics/types.js';

export { createGoal, goalReports, type Goal, type GoalReport } from './goals/goals-service.js';
