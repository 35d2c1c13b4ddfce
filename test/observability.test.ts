// What a running server lets its operator see: Prometheus metrics on loopback
// (requests by route, ingested records by outcome, errors by code, derived
// view lag), and a request id in every error body, response header and log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('observability');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(dir.path);
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/** The value of one sample line of the Prometheus text, e.g. `beacon_x{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts ingested records by outcome, requests by route pattern, and errors by code', async () => {
    const events = [
      { event_id: 'm1', type: 'page_view', timestamp: '2026-05-01T10:00:00Z', anonymous_id: 'a1' },
      { event_id: 'm2', type: 'page_view', timestamp: '2026-05-01T10:01:00Z', anonymous_id: 'a1' },
      { event_id: 'm3', type: 'page_view', anonymous_id: 'a1' },
    ];
    const first = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(events) });
    expect(first.body).toMatchObject({ accepted: 2, rejected: 1 });
    await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(events.slice(0, 1)) });
    await call(t.url, 'GET', '/v1/goals/nope', { key: t.keys.read });
    await call(t.url, 'DELETE', '/v1/goals/nope', { key: t.keys.admin });

    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    // Two bodies: 2 accepted and 1 rejected, then 1 duplicate.
    expect(sample(text, 'beacon_ingested_records_total{source="events",outcome="accepted"}')).toBe(2);
    expect(sample(text, 'beacon_ingested_records_total{source="events",outcome="rejected"}')).toBe(1);
    expect(sample(text, 'beacon_ingested_records_total{source="events",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'beacon_http_requests_total{method="POST",route="/v1/events",status="200"}')).toBe(2);
    // The route's pattern, not the id that was asked for.
    expect(sample(text, 'beacon_http_requests_total{method="DELETE",route="/v1/goals/:id",status="404"}')).toBe(1);
    expect(sample(text, 'beacon_errors_total{code="not_found"}')).toBe(2);
    expect(sample(text, 'beacon_http_request_duration_seconds_count{method="POST",route="/v1/events"}')).toBe(2);
    expect(text).toContain('beacon_derived_view_lag_seconds');
  });
});

describe('request ids', () => {
  it('puts the same id in the error body and the X-Request-Id header, and takes a sane one from the caller', async () => {
    const missing = await call(t.url, 'GET', '/v1/freshness', {});
    expect(missing.status).toBe(401);
    expect(missing.body.error.request_id).toBe(missing.headers.get('x-request-id'));
    expect(missing.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);

    const traced = await call(t.url, 'GET', '/v1/freshness', { headers: { 'x-request-id': 'trace-42' } });
    expect(traced.body.error.request_id).toBe('trace-42');
    const hostile = await call(t.url, 'GET', '/v1/freshness', { headers: { 'x-request-id': 'a b <script>' } });
    expect(hostile.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
