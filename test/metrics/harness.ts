// Shared plumbing of the metric tests: a real DuckDB file in a temp dir, one
// workspace per hand-built data set, loading through the normal ingestion
// path, and small helpers to find result rows and compare numbers.
import { CATALOG } from '../../src/metrics/catalog.js';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createWorkspace, updateSettings } from '../../src/access/workspaces.js';
import { LocalBackend } from '../../src/cli/local-backend.js';
import { refreshWorkspace } from '../../src/warehouse/derive-scheduler.js';
import { queryMetrics } from '../../src/metrics/query-service.js';
import type { QueryResult, ResultRow } from '../../src/metrics/types.js';
import type { SourceName } from '../../src/model/sources.js';
import { createDuckDbWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';
import { tempDir } from '../support/temp-dir.js';

export type DataSet = Partial<Record<SourceName, Record<string, unknown>[]>>;

// Reference data first, so the first refresh already sees campaigns and rates.
const LOAD_ORDER: SourceName[] = ['campaigns', 'fx_rates', 'ad_performance', 'costs', 'lifecycle', 'orders', 'surveys', 'events'];

export interface Harness {
  warehouse: Warehouse;
  /** Creates a workspace, loads the data set (every record must be accepted) and refreshes the derived view. */
  workspace(
    name: string,
    data: DataSet,
    options?: { currency?: string; timezone?: string; settings?: Record<string, unknown> },
  ): Promise<void>;
  query(workspace: string, body: Record<string, unknown>): Promise<QueryResult>;
  close(): Promise<void>;
}

export async function openHarness(prefix: string): Promise<Harness> {
  const dir = tempDir(prefix);
  const warehouse = await createDuckDbWarehouse({ path: join(dir.path, 'beacon.duckdb') });
  return {
    warehouse,
    async workspace(name, data, options = {}) {
      await createWorkspace(warehouse, name, { currency: options.currency, timezone: options.timezone });
      if (options.settings) await updateSettings(warehouse, name, options.settings);
      const backend = new LocalBackend(warehouse, name, 'test');
      for (const source of LOAD_ORDER) {
        const records = data[source];
        if (!records || records.length === 0) continue;
        const summary = await backend.importRecords({
          source,
          records: records.map((value, index) => ({ index, value })),
          origin: 'test',
        });
        if (summary.rejected > 0 || summary.accepted + summary.updated + summary.duplicates !== records.length) {
          throw new Error(`test data for ${name}/${source} not loaded as written: ${JSON.stringify(summary)}`);
        }
      }
      await refreshWorkspace(warehouse, name);
    },
    async query(workspace, body) {
      const ws = await warehouse.getWorkspace(workspace);
      if (!ws) throw new Error(`no workspace ${workspace}`);
      return queryMetrics(warehouse, ws, body);
    },
    async close() {
      try {
        await warehouse.close();
      } finally {
        dir.remove();
      }
    },
  };
}

/** The one row whose fields equal `match` (e.g. { date: '2026-03-02', campaign: 'C1' }). */
export function rowOf(result: { rows: ResultRow[] }, match: Record<string, string>): ResultRow {
  const found = result.rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (found.length !== 1) {
    throw new Error(`expected exactly one row matching ${JSON.stringify(match)}, found ${found.length} in ${JSON.stringify(result.rows)}`);
  }
  return found[0];
}

/** Values of one field over the rows, in row order. */
export const column = (result: { rows: ResultRow[] }, field: string) => result.rows.map((r) => r[field]);

/** Money metrics (the catalog's, and the custom ones these tests define): answers give them to the cent. */
const MONEY = new Set([...CATALOG.filter((m) => m.unit === 'money').map((m) => m.id), 'cost_per_lead']);
const cents = (value: number) => Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9) / 100;

/** Asserts a metric value: exactly null when null is expected, else equal to 6 decimals (money: to the cent it rounds to). */
export function expectValue(actual: unknown, expected: number | null, label = '', metric = ''): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
  } else {
    expect(typeof actual, `${label} should be a number, got ${JSON.stringify(actual)}`).toBe('number');
    expect(actual as number, label).toBeCloseTo(MONEY.has(metric) ? cents(expected) : expected, 6);
  }
}

/** Asserts several metric values of one row or totals object. */
export function expectValues(actual: Record<string, unknown>, expected: Record<string, number | null>, where = ''): void {
  for (const [metric, value] of Object.entries(expected)) expectValue(actual[metric], value, `${where} ${metric}`.trim(), metric);
}

// Small builders for events: every event needs an id, a type, a time and a person.
let eventSeq = 0;
export function ev(type: string, timestamp: string, anonymous_id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  eventSeq += 1;
  return { event_id: `e-${type}-${anonymous_id}-${eventSeq}`, type, timestamp, anonymous_id, ...extra };
}
