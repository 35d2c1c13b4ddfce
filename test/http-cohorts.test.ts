// POST /v1/cohorts over real HTTP on a real DuckDB file: the hand-built
// "months" workspace of support/cohort-fixture.ts loaded through the import
// routes, its matrix as worked out there (seen from today, so only the first
// periods are known in advance: later ones must be 0 % and no cell may run
// past today), the answer fitting its OpenAPI schema, the fields named in
// 400s, the scopes, another workspace seeing nothing, and `beacon cohorts`
// through the server printing the same body and a triangle.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodIndex } from '../src/core/period-index.js';
import { localDate } from '../src/core/time.js';
import { CohortReportSchema } from '../src/server/cohort-schemas.js';
import { MONTHS_DATA, MONTHS_SETTINGS } from './support/cohort-fixture.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-cohorts');
let t: TestServer;
const BODY = { by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-03-31' };
const cohorts = (body: unknown, key = t.keys.read) => call(t.url, 'POST', '/v1/cohorts', { key, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const settings = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: JSON.stringify({ timezone: MONTHS_SETTINGS.timezone }) });
  expect(settings.status).toBe(200);
  for (const source of ['campaigns', 'fx_rates', 'lifecycle', 'orders', 'events'] as const) {
    const answer = await call(t.url, 'POST', `/v1/import/${source}`, { key: t.keys.ingest, body: JSON.stringify(MONTHS_DATA[source]) });
    expect(answer.status, source).toBe(200);
    expect(answer.body.rejected, source).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('POST /v1/cohorts', () => {
  it('answers the monthly retention matrix worked out by hand, in the shape its OpenAPI schema gives', async () => {
    const { status, body } = await cohorts(BODY);
    expect(status).toBe(200);
    expect(TypeCompiler.Compile(CohortReportSchema).Check(body)).toBe(true);
    const today = localDate(Date.now(), MONTHS_SETTINGS.timezone);
    expect(body).toMatchObject({ by: 'month', metric: 'retention', activity: 'purchase', channel: null, dimension: null, today, currency: 'USD' });
    // Periods from January to the month holding today.
    expect(body.periods).toHaveLength(periodIndex(today, 'month') - periodIndex('2026-01-01', 'month') + 1);
    const rows: { cohort: string; customers: number; cells: ({ value: number; complete: boolean } | null)[] }[] = body.matrix.cohorts;
    expect(rows.map((r) => [r.cohort, r.customers])).toEqual([
      ['2026-01-01', 2],
      ['2026-02-01', 3],
      ['2026-03-01', 3],
    ]);
    // January: Ann and Ben, then Ann, Ben, Ann; February: Cat and Eve, Eve, Cat; March: Fay and Kim, nobody in April.
    const first = [[100, 50, 50, 50], [200 / 3, 100 / 3, 100 / 3, 0], [200 / 3, 0, 0, 0]];
    rows.forEach((row, i) => {
      first[i].forEach((value, k) => expect(row.cells[k]!.value).toBeCloseTo(value, 9));
      // Nobody buys after April; each row reaches the period holding today, running, and no further.
      const observed = row.cells.filter((c) => c !== null);
      expect(observed.slice(4).every((c) => c!.value === 0)).toBe(true);
      expect(observed.map((c) => c!.complete)).toEqual(observed.map((_, k) => k < observed.length - 1));
      expect(observed).toHaveLength(body.periods.length - i);
    });
  });

  it('answers per acquisition channel, and for one channel', async () => {
    const split = await cohorts({ ...BODY, dimension: 'channel', activity: 'subscription' });
    expect(split.status).toBe(200);
    expect(split.body.breakdown.map((b: { key: string; matrix: { customers: number } }) => [b.key, b.matrix.customers])).toEqual([
      ['(none)', 4],
      ['Email', 2],
      ['Paid Search', 2],
    ]);
    const email = await cohorts({ ...BODY, channel: 'Email', activity: 'subscription' });
    // Cat (February) subscribed in February and March; Joy (March) in March.
    expect(email.body.matrix.cohorts.map((r: { customers: number; cells: { active: number }[] }) => [r.customers, r.cells[0].active, r.cells[1].active])).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(email.body.breakdown).toBeUndefined();
  });

  it('an unknown channel is an empty matrix with a note', async () => {
    const { status, body } = await cohorts({ ...BODY, channel: 'Carrier pigeon' });
    expect(status).toBe(200);
    expect(body.matrix.customers).toBe(0);
    expect(body.notes[0]).toBe('no customer was acquired from 2026-01-01 to 2026-03-31 through the channel "Carrier pigeon"');
  });

  it.each([
    [{ ...BODY, by: 'quarter' }, 'by', 'must be one of week, month'],
    [{ ...BODY, metric: 'ltv' }, 'metric', 'must be one of retention, revenue'],
    [{ ...BODY, activity: 'visits' }, 'activity', 'must be one of purchase, subscription'],
    [{ ...BODY, dimension: 'ad' }, 'dimension', 'must be one of channel, campaign'],
    [{ ...BODY, from: '2026-04-01' }, 'from', '(2026-04-01) is after to (2026-03-31)'],
    [{ ...BODY, to: '2026-02-30' }, 'to', '"2026-02-30" is not a date YYYY-MM-DD'],
    [{ by: 'month', metric: 'retention', to: '2026-03-31' }, 'from', 'must be a date YYYY-MM-DD'],
  ])('400 for %o, naming %s', async (body, field, message) => {
    const { status, body: answer } = await cohorts(body);
    expect(status).toBe(400);
    expect(answer.error.details).toEqual([{ field, message }]);
  });

  it('400 for a body that is not JSON', async () => {
    const { status, body } = await call(t.url, 'POST', '/v1/cohorts', { key: t.keys.read, body: '{by:' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_json');
  });

  it('needs a read key: 401 without one, 403 for an ingest key', async () => {
    expect((await call(t.url, 'POST', '/v1/cohorts', { body: JSON.stringify(BODY) })).status).toBe(401);
    expect((await cohorts(BODY, t.keys.ingest)).status).toBe(403);
    expect((await cohorts(BODY, t.keys.admin)).status).toBe(200);
  });

  it("another workspace's key sees none of these customers", async () => {
    const { status, body } = await cohorts({ ...BODY, dimension: 'channel' }, t.keys.otherAdmin);
    expect(status).toBe(200);
    expect(body.matrix.customers).toBe(0);
    expect(body.breakdown).toEqual([]);
    expect(body.currency).toBe('USD');
  });

  it('is in the OpenAPI document, answering the CohortReport component', async () => {
    const doc = (await call(t.url, 'GET', '/openapi.json')).body;
    expect(doc.paths['/v1/cohorts'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CohortReport' });
    expect(doc.paths['/v1/cohorts'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Cohorts' });
  });
});

describe('beacon cohorts through the server', () => {
  const cli = (...args: string[]) => runCli(['--server', t.url, '--key', t.keys.read, 'cohorts', '--from', '2026-01-01', '--to', '2026-03-31', ...args]);

  it('prints the body of the route with --json, and a triangle otherwise', async () => {
    const [json, route] = await Promise.all([cli('--by', 'month', '--metric', 'revenue', '--json'), cohorts({ ...BODY, metric: 'revenue' })]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(route.body);
    const text = await cli('--by', 'month');
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^retention \(% of the cohort active, activity: purchase\) by month of acquisition, customers acquired 2026-01-01 … 2026-03-31, seen on /);
    expect(lines[2]).toMatch(/^cohort\s+customers\s+0\s+1\s+2\s+3 /);
    expect(lines[3]).toMatch(/^2026-01\s+2\s+100\.0%\s+50\.0%\s+50\.0%\s+50\.0%/);
    expect(lines[4]).toMatch(/^2026-02\s+3\s+66\.7%\s+33\.3%\s+33\.3%\s+0\.0%/);
    // Seen after June, every cohort has completed periods 0 to 3: 6, 2, 2 and 1 of 8.
    expect(lines[6]).toMatch(/^average\s+8\s+75\.0%\s+25\.0%\s+25\.0%\s+12\.5%/);
  });

  it('says what is wrong with an option, and fails', async () => {
    const { code, stderr } = await cli('--by', 'fortnight');
    expect(code).toBe(1);
    expect(stderr).toContain('invalid cohort request: by must be one of week, month');
  });
});
