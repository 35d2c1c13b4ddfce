// The stats body checked: defaults, and one 400 naming every bad field.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';

const RATE = { kind: 'rate', variants: [{ name: 'A', n: 1000, conversions: 100 }, { name: 'B', n: 1000, conversions: 120 }] };
const MEAN = { kind: 'mean', variants: [{ name: 'A', n: 3, sum: 6, sum_squares: 14 }, { name: 'B', n: 3, sum: 9, sum_squares: 29 }] };

const parse = (body: unknown) => parseExperimentStats(checkExperimentBody(body));

/** The problems a body gets, as { field: message }. */
function problems(body: unknown): Record<string, string> {
  try {
    parse(body);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).status).toBe(400);
    return Object.fromEntries(((err as ValidationError).details as { field: string; message: string }[]).map((p) => [p.field, p.message]));
  }
  throw new Error('no problem found');
}

const withVariant = (body: typeof RATE | typeof MEAN, i: number, change: object) => ({ ...body, variants: body.variants.map((v, j) => (j === i ? { ...v, ...change } : v)) });

describe('parseExperimentStats', () => {
  it('takes the first variant as control, an equal split, alpha 0.05, a Beta(1, 1) prior and fixed-horizon results', () => {
    expect(parse(RATE)).toEqual({
      kind: 'rate',
      variants: [{ name: 'A', n: 1000, conversions: 100 }, { name: 'B', n: 1000, conversions: 120 }],
      controlIndex: 0,
      plannedSplit: [0.5, 0.5],
      alpha: 0.05,
      prior: { alpha: 1, beta: 1 },
      sequentialTuning: null,
    });
  });

  it('reads a named control, a planned split, alpha, a prior and sequential testing', () => {
    const body = { ...RATE, variants: [...RATE.variants, { name: 'C', n: 500, conversions: 40 }], control: 'B', planned_split: [0.4, 0.4, 0.2], alpha: 0.1, prior: { alpha: 0.5, beta: 0.5 }, sequential: true };
    expect(parse(body)).toMatchObject({ controlIndex: 1, plannedSplit: [0.4, 0.4, 0.2], alpha: 0.1, prior: { alpha: 0.5, beta: 0.5 }, sequentialTuning: 5000 });
    expect(parse({ ...body, sequential_tuning: 20000 }).sequentialTuning).toBe(20000);
  });

  it('reads means, with or without a covariate', () => {
    expect(parse(MEAN).variants[0]).toEqual({ name: 'A', n: 3, sum: 6, sumSquares: 14, covariate: null });
    const covariate = { covariate_sum: 3, covariate_sum_squares: 5, cross_sum: 7 };
    const both = { ...MEAN, variants: MEAN.variants.map((v) => ({ ...v, ...covariate })) };
    expect(parse(both).variants[1]).toEqual({ name: 'B', n: 3, sum: 9, sumSquares: 29, covariate: { sum: 3, sumSquares: 5, crossSum: 7 } });
  });

  it.each([
    [withVariant(RATE, 1, { n: 0, conversions: 0 }), 'variants[1].n', 'must be at least 1 (got 0)'],
    [withVariant(RATE, 1, { conversions: 1200 }), 'variants[1].conversions', '(1200) is more than n (1000)'],
    [withVariant(RATE, 0, { conversions: -1 }), 'variants[0].conversions', 'cannot be negative (got -1)'],
    [withVariant(RATE, 0, { n: -5 }), 'variants[0].n', 'cannot be negative (got -5)'],
    [withVariant(RATE, 1, { conversions: 2.5 }), 'variants[1].conversions', 'must be a whole number (got 2.5)'],
    [withVariant(RATE, 1, { conversions: undefined }), 'variants[1].conversions', 'is required for a rate'],
    [withVariant(RATE, 1, { sum: 3 }), 'variants[1].sum', 'belongs to a mean; a rate variant has n and conversions'],
    [withVariant(RATE, 1, { name: 'A' }), 'variants[1].name', 'repeats variants[0].name ("A"): every variant needs its own name'],
    [{ ...RATE, control: 'Z' }, 'control', '"Z" is not a variant; the variants are A, B'],
    [{ ...RATE, planned_split: [0.5, 0.3, 0.2] }, 'planned_split', 'has 3 shares for 2 variants'],
    [{ ...RATE, planned_split: [0.5, 0.6] }, 'planned_split', 'sums to 1.1; the shares must sum to 1'],
    [{ ...RATE, planned_split: [1, 0] }, 'planned_split[0]', 'must be a share above 0 and below 1 (got 1)'],
    [{ ...RATE, alpha: 0 }, 'alpha', 'must be above 0 and at most 0.5 (got 0)'],
    [{ ...RATE, alpha: 0.9 }, 'alpha', 'must be above 0 and at most 0.5 (got 0.9)'],
    [{ ...RATE, prior: { alpha: 0, beta: 1 } }, 'prior.alpha', 'must be a number above 0 (got 0)'],
    [{ ...MEAN, prior: { alpha: 1, beta: 1 } }, 'prior', 'applies to rates only (a mean is compared with a flat prior)'],
    [{ ...RATE, sequential: true, sequential_tuning: 0 }, 'sequential_tuning', 'must be a sample size of at least 1 (got 0)'],
    [withVariant(MEAN, 1, { n: 1 }), 'variants[1].n', 'must be at least 2: a mean needs 2 units for its variance (got 1)'],
    [withVariant(MEAN, 1, { sum_squares: undefined }), 'variants[1].sum_squares', 'is required for a mean'],
    [withVariant(MEAN, 1, { sum_squares: -1 }), 'variants[1].sum_squares', 'cannot be negative (got -1)'],
    // Three values summing to 9 have Σx² ≥ 9²/3 = 27.
    [withVariant(MEAN, 1, { sum_squares: 26 }), 'variants[1].sum_squares', '(26) is below sum²/n (27): no values have these sums (their variance would be negative)'],
    [withVariant(MEAN, 0, { conversions: 1 }), 'variants[0].conversions', 'belongs to a rate; a mean variant has n, sum and sum_squares'],
    [withVariant(MEAN, 0, { sum: 1e200 }), 'variants[0].sum', '(1e+200) is beyond ±1e+150: scale the metric down (to thousands, say)'],
    [withVariant(RATE, 0, { n: 2 ** 60, conversions: 1 }), 'variants[0].n', '(1152921504606847000) is more than 2⁵³ − 1'],
  ])('refuses a bad field, naming it (%#)', (body, field, message) => {
    expect(problems(body)[field]).toBe(message);
  });

  it('accepts a sum of squares that is sum²/n up to rounding (every value the same)', () => {
    // Three units of 0.1 each: 0.1 + 0.1 + 0.1 and 3 × 0.01 in floating point.
    const same = withVariant(MEAN, 0, { sum: 0.1 + 0.1 + 0.1, sum_squares: 0.01 + 0.01 + 0.01 });
    expect(parse(same).variants[0]).toMatchObject({ n: 3 });
  });

  it('refuses covariate sums that are missing on some variants or inconsistent with the metric', () => {
    const covariate = { covariate_sum: 3, covariate_sum_squares: 5, cross_sum: 7 };
    expect(problems(withVariant(MEAN, 0, covariate))).toEqual({
      'variants[1].covariate_sum': 'is required: the covariate is given on some variants, so every variant needs it',
      'variants[1].covariate_sum_squares': 'is required: the covariate is given on some variants, so every variant needs it',
      'variants[1].cross_sum': 'is required: the covariate is given on some variants, so every variant needs it',
    });
    // Variant A: metric spread 14 − 36/3 = 2, covariate spread 5 − 9/3 = 2, so |Σxy − 6·3/3| ≤ 2: Σxy within [4, 8].
    const both = { ...MEAN, variants: MEAN.variants.map((v) => ({ ...v, ...covariate })) };
    expect(problems(withVariant(both, 0, { cross_sum: 8.5 }))).toEqual({
      'variants[0].cross_sum': '(8.5) is inconsistent with the sums and sums of squares: metric and covariate would correlate beyond ±1',
    });
    expect(problems(withVariant(both, 0, { covariate_sum_squares: 2 }))['variants[0].covariate_sum_squares']).toMatch(/below covariate_sum²\/n \(3\)/);
  });

  it('reports every problem at once', () => {
    const body = { ...withVariant(RATE, 1, { conversions: 2000, name: 'A' }), control: 'X', alpha: 2 };
    expect(Object.keys(problems(body)).sort()).toEqual(['alpha', 'control', 'variants[1].conversions', 'variants[1].name']);
  });
});

describe('checkExperimentBody', () => {
  it('refuses a single variant in plain words', () => {
    expect(problems({ kind: 'rate', variants: [{ name: 'A', n: 10, conversions: 1 }] })).toEqual({ variants: 'must list 2 to 20 variants, a control and at least one treatment (got 1)' });
  });

  it.each([
    [{ ...RATE, kind: 'ratio' }, 'kind'],
    [{ ...RATE, variants: 'A,B' }, 'variants'],
    [withVariant(RATE, 0, { n: '1000' }), 'variants[0].n'],
    [withVariant(RATE, 0, { name: '' }), 'variants[0].name'],
    [withVariant(RATE, 0, { extra: 1 }), 'variants[0].extra'],
    [{ ...RATE, sequential: 'yes' }, 'sequential'],
    [{ ...RATE, unknown: 1 }, 'unknown'],
  ])('refuses a field of the wrong type or shape, naming it (%#)', (body, field) => {
    expect(Object.keys(problems(body))).toContain(field);
  });
});
