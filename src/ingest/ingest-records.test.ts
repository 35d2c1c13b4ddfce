import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Row } from '../model/validate.js';
import type { SourceWriter } from '../warehouse/warehouse.js';
import { ingestRecords, type IngestTarget } from './ingest-records.js';
import type { PresetName } from './presets.js';
import type { CsvHeader } from './readers/raw-record.js';
import { readRecords } from './readers/read-records.js';

/** A writer that keeps what it is given and counts every row as new. */
function memoryWriter(): SourceWriter & { rows: Row[] } {
  const rows: Row[] = [];
  return {
    engine: 'duckdb',
    rows,
    async write(_workspace, _source, batch) {
      rows.push(...batch);
      return { accepted: batch.length, updated: 0, duplicates: 0 };
    },
    async writeStagedEvents() {
      throw new Error('not used');
    },
    async deleteImport() {
      return false;
    },
  };
}

/** Reads a CSV text and ingests it as `beacon import` does, the reader telling the pipeline its header. */
async function importCsv(text: string, target: Partial<IngestTarget> = {}, preset?: PresetName) {
  const warehouse = memoryWriter();
  let header: CsvHeader | undefined;
  const records = readRecords(Readable.from([Buffer.from(text)]), 'csv', { preset, onHeader: (h) => (header = h) });
  const summary = await ingestRecords({ warehouse, workspace: 'w', source: 'orders', importId: 'i', ...target }, records, { header: () => header, batchSize: 10 });
  return { summary, rows: warehouse.rows };
}

describe('ingestRecords: the CSV header', () => {
  it('rejects every record of a file whose header lacks a required field with one error, storing nothing', async () => {
    const text = 'order_id,customer_id,ordered_at,amount\no1,c1,2026-03-01T10:00:00Z,10\no2,c2,later,ten\no3,c3\n';
    const { summary, rows } = await importCsv(text);
    expect(summary).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 3,
      errors: [
        {
          index: 0,
          line: 1,
          field: '(header)',
          message:
            'the header has no column for timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?), ' +
            'amount (did you mean revenue?); import it with --map "ordered_at=timestamp,amount=revenue"',
        },
      ],
    });
    expect(rows).toEqual([]);
  });

  it('reports such a header also when no record follows it', async () => {
    const { summary } = await importCsv('order_id,customer_id\n', { optionStyle: 'http' });
    expect(summary.rejected).toBe(0);
    expect(summary.errors).toEqual([
      { index: 0, line: 1, field: '(header)', message: 'the header has no column for timestamp, revenue (required by orders); add a column for timestamp, revenue or map one of yours to each with ?map=Column1=timestamp,Column2=revenue' },
    ]);
  });

  it("rejects an export whose preset header lacks a required column, and warns of none of the export's other columns", async () => {
    const text = 'Campaign report\nDay,Campaign,Impr.,Clicks,Cost,Avg. CPC\n2026-03-01,Brand,10,1,2.00,2.00\n2026-03-02,Brand,10,1,2.00,2.00\nTotal,,20,2,4.00,2.00\n';
    const { summary } = await importCsv(text, { source: 'ad_performance', platform: 'google_ads' }, 'google_ads');
    // Two day rows; the total row is no record.
    expect(summary).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 2,
      errors: [
        {
          index: 0,
          line: 2,
          field: '(header)',
          message: 'the google_ads header has no column for campaign_id (required by ad_performance); add a column for campaign_id or map one of yours to it with --map "Column=campaign_id"',
        },
      ],
    });
    const complete = await importCsv(text.replace('Day,Campaign,', 'Day,Campaign ID,'), { source: 'ad_performance', platform: 'google_ads' }, 'google_ads');
    expect(complete.summary).toEqual({ accepted: 2, updated: 0, duplicates: 0, rejected: 0, errors: [] });
  });

  it('stores the records of a header with an extra column and says it was ignored', async () => {
    const { summary, rows } = await importCsv('order_id,customer_id,timestamp,revenue,note\no1,c1,2026-03-01T10:00:00Z,10,gift\n');
    expect(summary).toEqual({
      accepted: 1,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      errors: [],
      warnings: [{ line: 1, field: 'note', message: 'is not a field of orders; the column is ignored' }],
    });
    expect(rows.map((r) => r.order_id)).toEqual(['o1']);
  });
});

describe('ingestRecords: every invalid field', () => {
  it('reports each bad field of a record, counts records, and keeps the first 100 errors', async () => {
    const bad = Array.from({ length: 60 }, (_, i) => `b${i},c,soon,lots`);
    const { summary } = await importCsv(['order_id,customer_id,timestamp,revenue', 'good,c,2026-03-01T10:00:00Z,5', ...bad].join('\n'));
    expect(summary.accepted).toBe(1);
    expect(summary.rejected).toBe(60);
    expect(summary.errors.length).toBe(100);
    expect(summary.errors.slice(0, 2)).toEqual([
      { index: 1, line: 3, field: 'timestamp', message: 'must be an ISO-8601 timestamp with a zone (e.g. 2026-03-01T12:00:00Z), got "soon"' },
      { index: 1, line: 3, field: 'revenue', message: 'must be a number, got "lots"' },
    ]);
    // 50 records of two errors each fill the 100.
    expect(summary.errors[99]).toMatchObject({ index: 50, line: 52, field: 'revenue' });
  });

  it('reads date-only timestamps in the assumed zone', async () => {
    const { summary, rows } = await importCsv('order_id,customer_id,timestamp,revenue\no1,c1,2026-03-01,5\n', { assumeTimezone: 'America/New_York' });
    expect(summary).toMatchObject({ accepted: 1, rejected: 0 });
    // EST is UTC-5 on 1 March.
    expect(rows[0].timestamp).toBe(Date.UTC(2026, 2, 1, 5));
  });
});
