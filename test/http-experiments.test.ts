// POST /v1/experiments/analyze over real HTTP: a rate readout whose lift, z,
// p-value and interval are worked out here by hand, a mean readout (Welch's t
// from raw values summed here), both in exactly the shape the OpenAPI
// document promises; the 400s name their field; a key needs the read scope;
// the warehouse form (a body naming `experiment`) is a 501 that says what to
// send instead.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBackend } from '../src/cli/http-backend.js';
import { ExperimentReadoutSchema } from '../src/server/experiment-schemas.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-experiments');
let t: TestServer;

const analyze = (body: unknown, key: string | null = t.keys.read) => call(t.url, 'POST', '/v1/experiments/analyze', { key: key ?? undefined, body: JSON.stringify(body) });
const schema = TypeCompiler.Compile(ExperimentReadoutSchema);
const misfits = (body: unknown) => [...schema.Errors(body)].slice(0, 5).map((e) => `${e.path || '(body)'}: ${e.message}`);
/** Φ⁻¹(0.975), the two-sided 95 % critical value. */
const Z_975 = 1.959963984540054;

beforeAll(async () => {
  t = await startTestServer(dir.path);
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('POST /v1/experiments/analyze', () => {
  it('a rate: lift, pooled z, p-value and Wald interval as computed by hand; the sample ratio as planned', async () => {
    const { status, body } = await analyze({ kind: 'rate', variants: [{ name: 'control', n: 10_000, conversions: 1_000 }, { name: 'new checkout', n: 10_000, conversions: 1_100 }] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(misfits(body)).toEqual([]);
    // p₁ = 1000/10000 = 0.10, p₂ = 1100/10000 = 0.11: lift 0.01 absolute, 0.01 / 0.10 = 10 % relative.
    // Pooled p̄ = 2100/20000 = 0.105; z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) = 0.01 / √(0.105 · 0.895 · 0.0002) = 2.30663…
    const z = 0.01 / Math.sqrt(0.105 * 0.895 * (1 / 10_000 + 1 / 10_000));
    // Interval: 0.01 ± Φ⁻¹(0.975) · √(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂) (unpooled).
    const se = Math.sqrt((0.1 * 0.9) / 10_000 + (0.11 * 0.89) / 10_000);
    const [control, treatment] = body.variants;
    expect(control).toMatchObject({ name: 'control', n: 10_000, is_control: true, value: 0.1, lift: null, z: null, p_value: null, probability_to_beat_control: null });
    expect(treatment).toMatchObject({ name: 'new checkout', is_control: false });
    expect(treatment.value).toBeCloseTo(0.11, 12);
    expect(treatment.lift.absolute).toBeCloseTo(0.01, 12);
    expect(treatment.lift.relative).toBeCloseTo(0.1, 12);
    expect(treatment.z).toBeCloseTo(z, 9);
    expect(z).toBeCloseTo(2.3066, 4);
    // 2(1 − Φ(2.30663)) = erfc(z/√2) = 0.0210752 (scipy.special.erfc).
    expect(treatment.p_value).toBeCloseTo(0.0210752, 6);
    expect(treatment.p_value_adjusted).toBeCloseTo(treatment.p_value, 12); // one treatment: nothing to adjust
    expect(treatment.lift.ci[0]).toBeCloseTo(0.01 - Z_975 * se, 12);
    expect(treatment.lift.ci[1]).toBeCloseTo(0.01 + Z_975 * se, 12);
    expect(treatment.probability_to_beat_control).toBeGreaterThan(0.98);
    expect(treatment.probability_to_beat_control).toBeLessThan(0.995);
    expect(body).toMatchObject({ kind: 'rate', control: 'control', alpha: 0.05, prior: { alpha: 1, beta: 1 }, sequential: null, cuped: null, warnings: [] });
    expect(body.srm).toEqual({ chi_square: 0, df: 1, p_value: 1, flagged: false, threshold: 0.001, expected: [10_000, 10_000] });
  });

  it('a mean: Welch’s t and its degrees of freedom from sums of raw values, the control named, small samples warned of', async () => {
    const a = [12, 15, 11, 14, 13, 16, 12, 15];
    const b = [16, 18, 14, 17, 19, 15, 18, 16, 17];
    const sums = (xs: number[]) => ({ n: xs.length, sum: xs.reduce((s, x) => s + x, 0), sum_squares: xs.reduce((s, x) => s + x * x, 0) });
    const { status, body } = await analyze({ kind: 'mean', control: 'A', variants: [{ name: 'B', ...sums(b) }, { name: 'A', ...sums(a) }] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(misfits(body)).toEqual([]);
    // Means 108/8 = 13.5 and 150/9 = 16.67; variances (Σx² − (Σx)²/n)/(n − 1).
    const moments = (xs: number[]) => {
      const { n, sum, sum_squares } = sums(xs);
      return { n, mean: sum / n, v: (sum_squares - (sum * sum) / n) / (n - 1) / n };
    };
    const [ma, mb] = [moments(a), moments(b)];
    const t = (mb.mean - ma.mean) / Math.sqrt(ma.v + mb.v);
    const df = (ma.v + mb.v) ** 2 / (ma.v ** 2 / (ma.n - 1) + mb.v ** 2 / (mb.n - 1));
    const [treatment, control] = body.variants;
    expect(body.control).toBe('A');
    expect(control).toMatchObject({ name: 'A', is_control: true, value: 13.5, lift: null, t: null });
    expect(treatment.name).toBe('B');
    expect(treatment.value).toBeCloseTo(150 / 9, 12);
    expect(treatment.lift.absolute).toBeCloseTo(150 / 9 - 13.5, 12);
    expect(treatment.t).toBeCloseTo(t, 9);
    expect(treatment.df).toBeCloseTo(df, 9);
    expect([t, df]).toEqual([expect.closeTo(3.86687, 5), expect.closeTo(14.1908, 4)]); // scipy.stats.ttest_ind(b, a, equal_var=False)
    expect(treatment.p_value).toBeCloseTo(0.00167055, 7); // same
    expect(treatment).not.toHaveProperty('z');
    expect(body.prior).toBeNull();
    expect(body.warnings.map((w: { code: string; variant: string }) => `${w.code}:${w.variant}`)).toEqual(['too_little_data:B', 'too_little_data:A']);
  });

  it('400s name the field: conversions above n, one variant, a rate field on a mean, an unknown control', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ kind: 'rate', variants: [{ name: 'A', n: 1000, conversions: 100 }, { name: 'B', n: 1000, conversions: 1200 }] }, 'variants[1].conversions', /\(1200\) is more than n \(1000\)/],
      [{ kind: 'rate', variants: [{ name: 'A', n: 1000, conversions: 100 }] }, 'variants', /must list 2 to 20 variants, a control and at least one treatment \(got 1\)/],
      [{ kind: 'mean', variants: [{ name: 'A', n: 10, sum: 5, sum_squares: 5 }, { name: 'B', n: 10, sum: 5, sum_squares: 5, conversions: 2 }] }, 'variants[1].conversions', /belongs to a rate/],
      [{ kind: 'rate', control: 'Z', variants: [{ name: 'A', n: 10, conversions: 1 }, { name: 'B', n: 10, conversions: 2 }] }, 'control', /"Z" is not a variant/],
    ];
    for (const [request, field, message] of cases) {
      const { status, body } = await analyze(request);
      expect(status, field).toBe(400);
      expect(body.error.details).toContainEqual({ field, message: expect.stringMatching(message) });
      expect(body.error.message).toContain(field);
    }
    const notJson = await call(t.url, 'POST', '/v1/experiments/analyze', { key: t.keys.read, body: '{ "kind": ' });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'invalid_json']);
  });

  it('needs a key with the read scope', async () => {
    const stats = { kind: 'rate', variants: [{ name: 'A', n: 10, conversions: 1 }, { name: 'B', n: 10, conversions: 2 }] };
    expect((await analyze(stats, null)).status).toBe(401);
    expect((await analyze(stats, 'bk_not_a_key')).status).toBe(401);
    const ingest = await analyze(stats, t.keys.ingest);
    expect([ingest.status, ingest.body.error.code]).toEqual([403, 'forbidden']);
    expect((await analyze(stats, t.keys.admin)).status).toBe(200);
  });

  it('the warehouse form (experiment and metric) is a 501 that asks for the sufficient statistics', async () => {
    const { status, body } = await analyze({ experiment: 'checkout-2026', metric: 'purchase', from: '2026-05-01', to: '2026-05-31' });
    expect(status).toBe(501);
    expect(body.error.code).toBe('not_implemented');
    expect(body.error.message).toMatch(/^the readout of an experiment from its experiment_exposure events .* is not available yet; send the sufficient statistics of each variant instead/);
    expect(body.error.details).toEqual({ field: 'experiment' });
    // The scope is checked first.
    expect((await analyze({ experiment: 'checkout-2026' }, t.keys.ingest)).status).toBe(403);
  });

  it('answers `beacon experiment --server` (the HTTP backend) with the same body, and its errors as the route words them', async () => {
    const stats = { kind: 'rate', variants: [{ name: 'A', n: 500, conversions: 50 }, { name: 'B', n: 520, conversions: 70 }, { name: 'C', n: 480, conversions: 40 }] };
    const backend = new HttpBackend({ url: t.url, key: t.keys.read });
    expect(await backend.experiment(stats)).toEqual((await analyze(stats)).body);
    await expect(backend.experiment({ experiment: 'checkout-2026' })).rejects.toMatchObject({ status: 501, code: 'not_implemented' });
    await expect(backend.experiment({ kind: 'rate', variants: [] })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('variants') });
  });

  it('is in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await call(t.url, 'GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/experiments/analyze'].post;
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ExperimentStats' });
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ExperimentReadout' });
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '401', '403', '501']);
    expect(doc.components.schemas.ExperimentReadout).toEqual(JSON.parse(JSON.stringify(ExperimentReadoutSchema)));
  });
});
