import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BeaconError } from '../core/errors.js';
import { discardStaged, readStagedRows, stagedIds } from '../warehouse/staged-events.js';
import { EventBodyPool } from './event-body-pool.js';
import type { EventBodyJob } from './prepare-event-body.js';

const pool = new EventBodyPool(2);
afterAll(() => pool.close());

const job = (body: string | Buffer, extra: Partial<EventBodyJob> = {}): EventBodyJob => ({
  body: typeof body === 'string' ? Buffer.from(body) : body,
  accept: ['json', 'ndjson'],
  maxInflatedBytes: 1 << 20,
  maxRecords: 100,
  ...extra,
});

const events = [
  { event_id: 'e1', type: 'page_view', timestamp: '2026-03-01T10:00:00.250Z', anonymous_id: 'a1', url: 'https://shop.example/p?utm_source=news&utm_medium=email' },
  { event_id: 'e2', type: 'purchase', timestamp: '2026-03-01T11:00:00+01:00', anonymous_id: 'a1', revenue: '12.50', currency: 'EUR', order_id: 'o1' },
  { event_id: 'e3', type: 'page_view', anonymous_id: 'a2' },
  { event_id: 'e1', type: 'signup', timestamp: '2026-03-01T12:00:00Z', anonymous_id: 'a1' },
];

describe('EventBodyPool', () => {
  it('validates in a worker, locates rejections and stages one copy per id', async () => {
    const { summary, staged } = await pool.prepare(job(JSON.stringify(events)));
    expect(summary).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [{ index: 2, field: 'timestamp', message: expect.stringMatching(/required/) }],
    });
    expect(staged).toMatchObject({ count: 2, sent: 3 });
    expect(stagedIds(staged!)).toEqual(['e1', 'e2']);
    const rows = await readStagedRows(staged!);
    expect(rows.map((r) => [r.event_id, r.type, r.timestamp, r.revenue, r.parsed_utm_source, r.parsed_utm_medium])).toEqual([
      ['e1', 'page_view', Date.UTC(2026, 2, 1, 10, 0, 0, 250), null, 'news', 'email'],
      ['e2', 'purchase', Date.UTC(2026, 2, 1, 10, 0, 0), '12.5', null, null],
    ]);
    await discardStaged(staged!);
  });

  it('reports an NDJSON line that does not parse with its line number, and keeps the others', async () => {
    const body = `${JSON.stringify(events[0])}\n{"event_id": \n${JSON.stringify(events[1])}\n`;
    const { summary, staged } = await pool.prepare(job(body, { contentType: 'application/x-ndjson' }));
    expect(summary.rejected).toBe(1);
    expect(summary.errors[0]).toMatchObject({ index: 1, line: 2, field: '(record)' });
    expect(staged && stagedIds(staged)).toEqual(['e1', 'e2']);
    await discardStaged(staged!);
  });

  it('inflates gzip bodies in the worker', async () => {
    const { staged } = await pool.prepare(job(gzipSync(JSON.stringify(events.slice(0, 2))), { contentEncoding: 'gzip' }));
    expect(staged && stagedIds(staged)).toEqual(['e1', 'e2']);
    await discardStaged(staged!);
  });

  it('fails a body that does not parse with the same 400 as in the request thread', async () => {
    const failure = await pool.prepare(job('[{"event_id": "e1",')).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BeaconError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid_json' });
    const tooMany = await pool.prepare(job(JSON.stringify(events), { maxRecords: 3 })).catch((err: unknown) => err);
    expect(tooMany).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('gives every one of many concurrent bodies its own result', async () => {
    const bodies = Array.from({ length: 9 }, (_, b) =>
      Array.from({ length: 50 }, (_, i) => ({ event_id: `b${b}-${i}`, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: `a${i}` })),
    );
    const results = await Promise.all(bodies.map((body) => pool.prepare(job(JSON.stringify(body)))));
    results.forEach((result, b) => expect(result.staged && stagedIds(result.staged)).toEqual(bodies[b].map((e) => e.event_id)));
    await Promise.all(results.map((r) => discardStaged(r.staged!)));
  });

  it('gives no staging file when nothing is valid, and prepares in the calling thread at size 0', async () => {
    const inline = new EventBodyPool(0);
    const { summary, staged } = await inline.prepare(job(JSON.stringify([events[2], 5])));
    expect(staged).toBeUndefined();
    expect(summary.errors).toEqual([
      { index: 0, field: 'timestamp', message: expect.any(String) },
      { index: 1, field: '(record)', message: 'record must be a JSON object' },
    ]);
  });

  it('refuses work once closed', async () => {
    const closing = new EventBodyPool(1);
    await closing.close();
    await expect(closing.prepare(job('[]'))).rejects.toThrow(/stopped/);
  });
});
