import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExperiment, type ExperimentReadout } from './analyze-experiment.js';
import { compareRatesBayesian } from './bayesian-comparison.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';

const analyze = (body: unknown) => analyzeExperiment(parseExperimentStats(checkExperimentBody(body)));

/** Every number anywhere in the readout. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Finite numbers only (JSON has no NaN or Infinity), probabilities and p-values within [0, 1]. */
function expectWellFormed(readout: ExperimentReadout): void {
  for (const n of numbersIn(readout)) expect(Number.isFinite(n)).toBe(true);
  for (const v of readout.variants) {
    for (const p of [v.p_value, v.p_value_adjusted, v.probability_to_beat_control]) {
      if (p !== null) expect(p >= 0 && p <= 1).toBe(true);
    }
    if (v.expected_loss) expect(Math.min(v.expected_loss.choose_variant, v.expected_loss.keep_control)).toBeGreaterThanOrEqual(0);
  }
  expect(readout.srm.p_value >= 0 && readout.srm.p_value <= 1).toBe(true);
}

describe('analyzeExperiment on rates', () => {
  const body = { kind: 'rate', variants: [{ name: 'A', n: 10_000, conversions: 1000 }, { name: 'B', n: 10_000, conversions: 1100 }] };

  it('reads the control and a treatment, with the test worked by hand', () => {
    const readout = analyze(body);
    expect(readout).toMatchObject({ kind: 'rate', control: 'A', alpha: 0.05, prior: { alpha: 1, beta: 1 }, sequential: null, cuped: null, warnings: [] });
    const [a, b] = readout.variants;
    expect(a).toEqual({
      name: 'A', n: 10_000, is_control: true, value: 0.1, adjusted_value: null, lift: null, z: null, p_value: null, p_value_adjusted: null,
      probability_to_beat_control: null, expected_loss: null, cuped: null,
    });
    // Pooled p = 0.105, se₀ = √(0.105 · 0.895 · 2/10⁴) = 0.00433532, z = 0.01/se₀ = 2.306635, p = 0.021075 (normal table: 2 · 0.010538).
    expect(b.value).toBeCloseTo(0.11, 15);
    expect(b.z).toBeCloseTo(0.01 / Math.sqrt((0.105 * 0.895 * 2) / 10_000), 10);
    expect(b.p_value).toBeCloseTo(0.021075, 5);
    expect(b.p_value_adjusted).toBe(b.p_value);
    expect(b.lift!.absolute).toBeCloseTo(0.01, 14);
    expect(b.lift!.relative).toBeCloseTo(0.1, 13);
    expect(b.lift!.ci[0]).toBeCloseTo(0.01 - 1.959963984540054 * Math.sqrt((0.1 * 0.9 + 0.11 * 0.89) / 10_000), 12);
    expect(b.probability_to_beat_control).toBe(compareRatesBayesian({ name: 'A', n: 10_000, conversions: 1000 }, { name: 'B', n: 10_000, conversions: 1100 }, { alpha: 1, beta: 1 }).probabilityToBeatControl);
    expect(b.probability_to_beat_control!).toBeGreaterThan(0.98);
    expect(b.expected_loss!.keep_control - b.expected_loss!.choose_variant).toBeCloseTo(1101 / 10_002 - 1001 / 10_002, 12);
    expect(readout.srm).toEqual({ chi_square: 0, df: 1, p_value: 1, flagged: false, threshold: 0.001, expected: [10_000, 10_000] });
  });

  it('compares every treatment with a named control, keeps the order given and adjusts p-values across the treatments', () => {
    const readout = analyze({
      kind: 'rate',
      control: 'B',
      variants: [{ name: 'A', n: 10_000, conversions: 1150 }, { name: 'B', n: 10_000, conversions: 1000 }, { name: 'C', n: 10_000, conversions: 1080 }],
    });
    expect(readout.control).toBe('B');
    expect(readout.variants.map((v) => [v.name, v.is_control])).toEqual([['A', false], ['B', true], ['C', false]]);
    const [a, , c] = readout.variants;
    // Benjamini–Hochberg with m = 2: the smaller p doubles (capped by the larger), the larger stays.
    expect(a.p_value!).toBeLessThan(c.p_value!);
    expect(a.p_value_adjusted).toBeCloseTo(Math.min(2 * a.p_value!, c.p_value!), 15);
    expect(c.p_value_adjusted).toBeCloseTo(c.p_value!, 15);
    expect(a.lift!.absolute).toBeCloseTo(0.015, 14);
  });

  it('gives sequential results on request and flags a sample ratio mismatch', () => {
    const fixed = analyze(body).variants[1];
    const readout = analyze({ ...body, sequential: true, variants: [body.variants[0], { name: 'B', n: 10_600, conversions: 1166 }] });
    expect(readout.sequential!.tuning).toBe(5000);
    expect(readout.sequential!.rho).toBeCloseTo(0.0398400668, 9);
    expect(readout.variants[1].p_value!).toBeGreaterThan(fixed.p_value!);
    // χ² = 2 · 300² / 10,300 = 17.4757, p = 2.91e−5.
    expect(readout.srm.chi_square).toBeCloseTo(17.4757, 4);
    expect(readout.srm.flagged).toBe(true);
    expect(readout.warnings[0].code).toBe('sample_ratio_mismatch');
  });

  it('warns of too few conversions and a suspicious lift, and has no relative lift over a control of 0', () => {
    const small = analyze({ kind: 'rate', variants: [{ name: 'A', n: 500, conversions: 20 }, { name: 'B', n: 500, conversions: 45 }] });
    expect(small.warnings.map((w) => [w.code, w.variant])).toEqual([['too_little_data', 'A'], ['too_little_data', 'B'], ['suspicious_lift', 'B']]);
    const zero = analyze({ kind: 'rate', variants: [{ name: 'A', n: 500, conversions: 0 }, { name: 'B', n: 500, conversions: 3 }] });
    expect(zero.variants[1].lift).toMatchObject({ relative: null, relative_ci: null });
    expect(zero.warnings.map((w) => w.code)).toContain('zero_control');
    expectWellFormed(zero);
  });
});

describe('analyzeExperiment on means', () => {
  it('runs Welch’s test on the sums (Wikipedia’s example 1: t = 2.4554, ν = 24.99, p = 0.0214)', () => {
    const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const variant = (name: string, values: number[]) => ({ name, n: values.length, sum: values.reduce((a, b) => a + b, 0), sum_squares: values.reduce((s, x) => s + x * x, 0) });
    const readout = analyze({ kind: 'mean', variants: [variant('A1', A1), variant('A2', A2)] });
    const b = readout.variants[1];
    expect(b.t).toBeCloseTo(2.455356398286006, 10);
    expect(b.df).toBeCloseTo(24.988529290231416, 9);
    expect(b.p_value).toBeCloseTo(0.021378001462866992, 11);
    expect(b).not.toHaveProperty('z');
    expect(readout.prior).toBeNull();
  });

  it('adjusts for a covariate (CUPED), comparing the adjusted means', () => {
    // A: (y, x) = (1, 1), (2, 2), (4, 3); B: (3, 1), (3, 2), (5, 4). Pooled over the six units:
    // Σy = 18, Σx = 13, Σxy = 46, Σx² = 35; Σ(x − x̄)(y − ȳ) = 46 − 13·18/6 = 7, Σ(x − x̄)² = 35 − 169/6 = 41/6, θ = 42/41.
    const readout = analyze({
      kind: 'mean',
      variants: [
        { name: 'A', n: 3, sum: 7, sum_squares: 21, covariate_sum: 6, covariate_sum_squares: 14, cross_sum: 17 },
        { name: 'B', n: 3, sum: 11, sum_squares: 43, covariate_sum: 7, covariate_sum_squares: 21, cross_sum: 29 },
      ],
    });
    const theta = 42 / 41;
    expect(readout.cuped!.theta).toBeCloseTo(theta, 13);
    const [a, b] = readout.variants;
    expect(a.adjusted_value).toBeCloseTo(7 / 3 - theta * (2 - 13 / 6), 13);
    expect(b.adjusted_value).toBeCloseTo(11 / 3 - theta * (7 / 3 - 13 / 6), 13);
    expect(b.lift!.absolute).toBeCloseTo(b.adjusted_value! - a.adjusted_value!, 13);
    expect(a.value).toBeCloseTo(7 / 3, 14);
    expect(a.cuped!.variance_reduction).toBeGreaterThan(0.8);
  });
});

describe('analyzeExperiment never gives NaN or Infinity', () => {
  it('on edge cases: nobody or everybody converts, one unit, no spread, equal arms', () => {
    const rates: [number, number][][] = [
      [[1, 0], [1, 0]],
      [[1, 1], [1, 0]],
      [[50, 50], [50, 50]],
      [[50, 0], [50, 50]],
      [[1, 1], [1_000_000, 0]],
      [[10_000_000, 5_000_000], [10_000_000, 5_001_000]],
      [[Number.MAX_SAFE_INTEGER, 2 ** 50], [Number.MAX_SAFE_INTEGER, 1]],
    ];
    for (const [[n1, c1], [n2, c2]] of rates) {
      for (const sequential of [false, true]) {
        expectWellFormed(analyze({ kind: 'rate', sequential, variants: [{ name: 'A', n: n1, conversions: c1 }, { name: 'B', n: n2, conversions: c2 }] }));
      }
    }
    const means = [
      [{ name: 'A', n: 2, sum: 0, sum_squares: 0 }, { name: 'B', n: 2, sum: 0, sum_squares: 0 }],
      [{ name: 'A', n: 2, sum: 2, sum_squares: 2 }, { name: 'B', n: 5, sum: 5, sum_squares: 5 }],
      [{ name: 'A', n: 3, sum: 0, sum_squares: 2 }, { name: 'B', n: 3, sum: 3, sum_squares: 3 }],
      [{ name: 'A', n: 2, sum: -4, sum_squares: 8 }, { name: 'B', n: 2, sum: 6, sum_squares: 18 }],
      [{ name: 'A', n: 2, sum: -1e150, sum_squares: 1e300 }, { name: 'B', n: Number.MAX_SAFE_INTEGER, sum: 1e150, sum_squares: 1e300 }],
    ];
    for (const variants of means) {
      for (const sequential of [false, true]) expectWellFormed(analyze({ kind: 'mean', sequential, variants }));
      // A covariate of 1 on two units and 0 on the rest, uncorrelated with the metric: Σxy = Σx Σy / n.
      expectWellFormed(analyze({ kind: 'mean', variants: variants.map((v) => ({ ...v, covariate_sum: 2, covariate_sum_squares: 2, cross_sum: (v.sum * 2) / v.n })) }));
    }
  });

  it('on random valid rate experiments of 2 to 5 variants', () => {
    const variant = fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.record({ n: fc.constant(n), conversions: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(
        fc.array(variant, { minLength: 2, maxLength: 5 }),
        fc.record({ alpha: fc.double({ min: 1e-4, max: 0.5, noNaN: true }), prior: fc.double({ min: 0.1, max: 5, noNaN: true }), sequential: fc.boolean() }),
        (variants, { alpha, prior, sequential }) => {
          const body = { kind: 'rate', alpha, sequential, prior: { alpha: prior, beta: prior }, variants: variants.map((v, i) => ({ name: `v${i}`, ...v })) };
          expectWellFormed(analyze(body));
        },
      ),
      { seed: 20260301, numRuns: 80 },
    );
  });

  it('on random valid mean experiments, with and without a covariate', () => {
    // Values below 1e−6 are taken as 0: sums of subnormal numbers are not data, and their squares underflow apart from their products.
    const value = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));
    const variant = fc.record({
      n: fc.integer({ min: 2, max: 100_000 }),
      mean: value(-1e4, 1e4),
      sd: fc.oneof(fc.constant(0), value(0, 1e3)),
      covariateMean: value(-1e3, 1e3),
      covariateSd: fc.oneof(fc.constant(0), value(0, 1e2)),
      correlation: value(-1, 1),
    });
    fc.assert(
      fc.property(fc.array(variant, { minLength: 2, maxLength: 4 }), fc.boolean(), fc.boolean(), (variants, withCovariate, sequential) => {
        const body = {
          kind: 'mean',
          sequential,
          variants: variants.map((v, i) => ({
            name: `v${i}`,
            n: v.n,
            sum: v.n * v.mean,
            sum_squares: (v.n - 1) * v.sd ** 2 + v.n * v.mean ** 2,
            ...(withCovariate
              ? {
                  covariate_sum: v.n * v.covariateMean,
                  covariate_sum_squares: (v.n - 1) * v.covariateSd ** 2 + v.n * v.covariateMean ** 2,
                  cross_sum: (v.n - 1) * v.correlation * v.sd * v.covariateSd + v.n * v.mean * v.covariateMean,
                }
              : {}),
          })),
        };
        expectWellFormed(analyze(body));
      }),
      { seed: 20260302, numRuns: 200 },
    );
  });
});
