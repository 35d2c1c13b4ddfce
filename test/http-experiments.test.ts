// POST /v1/experiments/analyze over real HTTP: a rate readout whose lift, z,
// p-value and interval are worked out here by hand, a mean readout (Welch's t
// from raw values summed here), both in exactly the shape the OpenAPI
// document promises; the 400s name their field; a key needs the read scope.
// The warehouse form (a body naming `experiment`) reads the hand-built
// experiment of support/experiment-fixture.ts sent over /v1/events: its
// readout must be the stats form's on the sums worked out there by hand.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBackend } from '../src/cli/http-backend.js';
import { ExperimentReadoutSchema } from '../src/server/experiment-schemas.js';
import { EXPERIMENT_EVENTS } from './support/experiment-fixture.js';
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
  const sent = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(EXPERIMENT_EVENTS) });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
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

  it('the warehouse form reads conversions per person with CUPED: the stats form’s readout of the sums worked out by hand', async () => {
    const { status, body } = await analyze({ experiment: 'hero', metric: 'conversions', to: '2026-02-28' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(misfits(body)).toEqual([]);
    // support/experiment-fixture.ts: A n 2, Σy 1, Σy² 1, Σx 1, Σx² 1, Σxy 1; B n 3, Σy 3, Σy² 5, Σx 1, Σx² 1, Σxy 0.
    const byHand = await analyze({
      kind: 'mean',
      variants: [
        { name: 'A', n: 2, sum: 1, sum_squares: 1, covariate_sum: 1, covariate_sum_squares: 1, cross_sum: 1 },
        { name: 'B', n: 3, sum: 3, sum_squares: 5, covariate_sum: 1, covariate_sum_squares: 1, cross_sum: 0 },
      ],
    });
    expect(body).toEqual({ ...byHand.body, source: body.source, notes: body.notes });
    expect(body.secondary).toEqual([]);
    expect(body.source).toEqual({
      experiment: 'hero',
      metric: 'conversions',
      per_person: 'conversions after exposure (one per order)',
      unit: 'count',
      from: '2026-02-10',
      to: '2026-02-28',
      time_zone: 'UTC',
      exposed: 5,
      excluded_multiple_variants: 1,
      first_exposure: '2026-02-10T09:00:00.000Z',
      last_exposure: '2026-02-10T10:00:00.000Z',
      cuped_days: 14,
    });
    expect(body.notes).toEqual(['1 person (16.7 %) saw more than one variant and is left out']);
    // θ = Cov(y, x) / Var(x) over the five people: Σxy − ΣxΣy/n = 1 − 2·4/5 = −0.6; Σx² − (Σx)²/n = 2 − 4/5 = 1.2 → θ = −0.5.
    expect(body.cuped.theta).toBeCloseTo(-0.5, 12);
  });

  it('a rate without CUPED, the control named, a planned split by name', async () => {
    const { status, body } = await analyze({ experiment: 'hero', metric: 'visitor_cvr', to: '2026-02-28', cuped: false, control: 'B', planned_split: { A: 0.4, B: 0.6 } });
    expect(status, JSON.stringify(body)).toBe(200);
    // Converted after exposure: A ana (1 of 2); B cal and fay (2 of 3).
    const byHand = await analyze({ kind: 'rate', variants: [{ name: 'B', n: 3, conversions: 2 }, { name: 'A', n: 2, conversions: 1 }], planned_split: [0.6, 0.4] });
    expect(body).toEqual({ ...byHand.body, source: body.source, notes: body.notes });
    expect(body.srm.expected).toEqual([3, 2]);
    expect([body.kind, body.control, body.source.cuped_days, body.notes]).toEqual(['rate', 'B', null, ['1 person (16.7 %) saw more than one variant and is left out']]);
  });

  it('an event type reads as a rate; with CUPED on and activity before exposure it is the mean of a 1-or-0 outcome, and says so', async () => {
    const { status, body } = await analyze({ experiment: 'hero', metric: 'purchase', to: '2026-02-28' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.kind).toBe('mean');
    expect(body.variants.map((v: { value: number }) => v.value)).toEqual([1 / 2, 2 / 3]);
    expect(body.notes[0]).toMatch(/^purchase is compared as the mean of a 1-or-0 outcome so that CUPED can adjust it/);
  });

  it('several metrics read together: each its own readout, p-values adjusted across all of them', async () => {
    const { status, body } = await analyze({ experiment: 'hero', metrics: ['visitor_cvr', 'revenue'], to: '2026-02-28', cuped: false });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(misfits(body)).toEqual([]);
    const alone = async (metric: string) => (await analyze({ experiment: 'hero', metric, to: '2026-02-28', cuped: false })).body;
    const [cvr, revenue] = [await alone('visitor_cvr'), await alone('revenue')];
    expect(body.secondary).toHaveLength(1);
    expect(body.source.metric).toBe('visitor_cvr');
    expect(body.secondary[0].source.metric).toBe('revenue');
    // Each metric's own p-value is unchanged; Benjamini–Hochberg over the two: the larger p stays, the smaller becomes min(2 p₍₁₎, p₍₂₎).
    const [p1, p2] = [cvr.variants[1].p_value, revenue.variants[1].p_value];
    expect([body.variants[1].p_value, body.secondary[0].variants[1].p_value]).toEqual([p1, p2]);
    const [low, high] = [Math.min(p1, p2), Math.max(p1, p2)];
    const adjusted = (p: number) => (p === high ? high : Math.min(2 * low, high));
    expect(body.variants[1].p_value_adjusted).toBeCloseTo(adjusted(p1), 12);
    expect(body.secondary[0].variants[1].p_value_adjusted).toBeCloseTo(adjusted(p2), 12);
    expect(body.notes).toContain('p_value_adjusted corrects across the 2 comparisons of the 2 metrics read together (Benjamini–Hochberg)');
    const both = await analyze({ experiment: 'hero', metric: 'revenue', metrics: ['revenue'] });
    expect([both.status, both.body.error.details]).toEqual([400, [{ field: 'metrics', message: 'give metric or metrics, not both' }]]);
  });

  it('lists the experiments the exposures name', async () => {
    const { status, body } = await call(t.url, 'GET', '/v1/experiments', { key: t.keys.read });
    expect(status).toBe(200);
    expect(body).toEqual({
      experiments: [
        { experiment: 'banner', variants: [{ variant: 'red', people: 1 }], people: 1, first_exposure: '2026-02-10T10:00:00.000Z', last_exposure: '2026-02-10T10:00:00.000Z' },
        { experiment: 'hero', variants: [{ variant: 'A', people: 2 }, { variant: 'B', people: 3 }], people: 5, first_exposure: '2026-02-10T09:00:00.000Z', last_exposure: '2026-02-10T10:00:00.000Z' },
      ],
    });
  });

  it('another workspace sees none of these exposures', async () => {
    const list = await call(t.url, 'GET', '/v1/experiments', { key: t.keys.otherAdmin });
    expect([list.status, list.body]).toEqual([200, { experiments: [] }]);
    const readout = await analyze({ experiment: 'hero', metric: 'conversions' }, t.keys.otherAdmin);
    expect([readout.status, readout.body.error.message]).toEqual([404, 'no experiment_exposure event names experiment "hero"; no experiment_exposure events with properties.experiment and properties.variant are loaded']);
  });

  it('the warehouse form’s errors name what is wrong', async () => {
    const metric = await analyze({ experiment: 'hero', metric: 'ctr' });
    expect([metric.status, metric.body.error.details]).toEqual([400, [{ field: 'metric', message: expect.stringMatching(/^"ctr" cannot be read per exposed person.*use visitor_cvr, conversions, revenue, pageviews or an event type/) }]]);
    const unknown = await analyze({ experiment: 'herro', metric: 'conversions' });
    expect([unknown.status, unknown.body.error.message]).toEqual([404, 'no experiment_exposure event names experiment "herro"; the experiments seen are banner, hero']);
    const window = await analyze({ experiment: 'hero', metric: 'conversions', from: '2026-03-01', to: '2026-03-31' });
    expect([window.status, window.body.error.message]).toEqual([422, 'experiment "hero" has no exposures between 2026-03-01 and 2026-03-31']);
    const one = await analyze({ experiment: 'banner', metric: 'conversions' });
    expect([one.status, one.body.error.message]).toEqual([422, 'experiment "banner" has exposures of one variant only ("red", 1 people); a readout compares at least two']);
    const bad = await analyze({ experiment: 'hero', metric: 'conversions', from: '2026-02-30', cuped_days: 0, control: 'Z' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { field: 'from', message: '2026-02-30 is not a calendar date' },
      { field: 'cuped_days', message: 'must be 1 to 365 days (got 0)' },
    ]);
    const control = await analyze({ experiment: 'hero', metric: 'conversions', control: 'Z' });
    expect([control.status, control.body.error.details]).toEqual([400, [{ field: 'control', message: '"Z" is not a variant of hero; its variants are A, B' }]]);
    const split = await analyze({ experiment: 'hero', metric: 'conversions', planned_split: { A: 0.5, C: 0.5 } });
    expect(split.body.error.details).toEqual([
      { field: 'planned_split.C', message: 'is not a variant; the variants are A, B' },
      { field: 'planned_split.B', message: 'is missing: give a share for every variant' },
    ]);
    expect((await analyze({ experiment: 'hero', metric: 'conversions' }, t.keys.ingest)).status).toBe(403);
  });

  it('answers `beacon experiment --server` (the HTTP backend) with the same body, and its errors as the route words them', async () => {
    const stats = { kind: 'rate', variants: [{ name: 'A', n: 500, conversions: 50 }, { name: 'B', n: 520, conversions: 70 }, { name: 'C', n: 480, conversions: 40 }] };
    const backend = new HttpBackend({ url: t.url, key: t.keys.read });
    expect(await backend.experiment(stats)).toEqual((await analyze(stats)).body);
    await expect(backend.experiment({ experiment: 'checkout-2026', metric: 'conversions' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await backend.experiments()).toEqual((await call(t.url, 'GET', '/v1/experiments', { key: t.keys.read })).body);
    await expect(backend.experiment({ kind: 'rate', variants: [] })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('variants') });
  });

  it('is in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await call(t.url, 'GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/experiments/analyze'].post;
    expect(operation.requestBody.content['application/json'].schema).toEqual({ oneOf: [{ $ref: '#/components/schemas/ExperimentStats' }, { $ref: '#/components/schemas/ExperimentRequest' }] });
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ExperimentReadout' });
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '401', '403', '404', '422']);
    expect(doc.paths['/v1/experiments'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ExperimentList' });
    expect(doc.components.schemas.ExperimentReadout).toEqual(JSON.parse(JSON.stringify(ExperimentReadoutSchema)));
  });
});
