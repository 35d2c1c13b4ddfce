import { describe, expect, it } from 'vitest';
import type { ExperimentReadout } from '../../api/client';
import {
  cupedSummary,
  formatAbsolute,
  formatChance,
  formatLoss,
  formatMetricValue,
  formatPeople,
  formatPValue,
  formatRelative,
  formatShare,
  readoutSentence,
  sampleRatioRows,
  verdictOf,
  type VariantRow,
} from './readout-format';

const control: VariantRow = {
  name: 'control',
  n: 2000,
  is_control: true,
  value: 0.1,
  adjusted_value: null,
  lift: null,
  p_value: null,
  p_value_adjusted: null,
  probability_to_beat_control: null,
  expected_loss: null,
  cuped: null,
};
const treatment = (name: string, extra: Partial<VariantRow>): VariantRow => ({
  ...control,
  name,
  is_control: false,
  value: 0.125,
  lift: { absolute: 0.025, relative: 0.25, ci: [0.005, 0.045], relative_ci: [0.031, 0.469] },
  p_value: 0.0123,
  p_value_adjusted: 0.0123,
  probability_to_beat_control: 0.9937,
  expected_loss: { choose_variant: 0.00002, keep_control: 0.025 },
  ...extra,
});

function readout(variants: VariantRow[], extra: Partial<ExperimentReadout> = {}): ExperimentReadout {
  return {
    kind: 'rate',
    control: 'control',
    alpha: 0.05,
    prior: { alpha: 1, beta: 1 },
    sequential: null,
    cuped: null,
    variants,
    srm: { chi_square: 0, df: 1, p_value: 1, flagged: false, threshold: 0.001, expected: variants.map(() => 2000) },
    warnings: [],
    source: null,
    notes: [],
    secondary: [],
    ...extra,
  } as ExperimentReadout;
}

describe('values in their unit', () => {
  it('a rate as a percent, revenue in the workspace currency, counts per person with two decimals', () => {
    expect(formatMetricValue(2 / 3, 'rate', 'USD')).toBe('66.67%');
    expect(formatMetricValue(65 / 3, 'money', 'EUR')).toBe('€21.67');
    expect(formatMetricValue(1.5, 'count', 'USD')).toBe('1.50');
    expect(formatMetricValue(null, 'count', 'USD')).toBe('—');
  });

  it('differences signed, a rate in percentage points; relative lifts to one decimal', () => {
    expect(formatAbsolute(0.025, 'rate', 'USD')).toBe('+2.50 pp');
    expect(formatAbsolute(-3.2, 'money', 'USD')).toBe('−$3.20');
    expect(formatAbsolute(0, 'count', 'USD')).toBe('±0.00');
    expect(formatRelative(0.25)).toBe('+25.0%');
    expect(formatRelative(-0.0449)).toBe('−4.5%');
  });

  it('p-values, chances and losses as they are read', () => {
    expect([formatPValue(0.0123), formatPValue(0.0004), formatPValue(null)]).toEqual(['0.012', '<0.001', '—']);
    expect([formatChance(0.9937), formatChance(0.9995), formatChance(0.0002)]).toEqual(['99.4%', '>99.9%', '<0.1%']);
    expect([formatLoss(0.00002, 'rate', 'USD'), formatLoss(0.0123, 'rate', 'USD'), formatLoss(0.004, 'money', 'USD'), formatLoss(1.234, 'money', 'USD')]).toEqual([
      '<0.01 pp',
      '1.23 pp',
      '<$0.01',
      '$1.23',
    ]);
    expect([formatPeople(2000), formatPeople(2000.5)]).toEqual(['2,000', '2,000.5']);
  });
});

describe('one sentence per treatment', () => {
  it('a significant winner on conversion rate', () => {
    const green = treatment('green', {});
    expect(verdictOf(readout([control, green]), green, 'visitor_cvr', 'USD')).toEqual({
      variant: 'green',
      text: 'green converts 25.0% better than control (95% interval +3.1% … +46.9%), 99.4% chance to beat control — significant (p = 0.012)',
      tone: 'better',
      significant: true,
    });
  });

  it('a loser that is not significant, on revenue, in a sequential test with two treatments judged by the adjusted p-value', () => {
    const blue = treatment('blue', {
      lift: { absolute: -1.5, relative: -0.081, ci: [-4, 1], relative_ci: [-0.2, 0.04] },
      p_value: 0.03,
      p_value_adjusted: 0.06,
      probability_to_beat_control: 0.12,
    });
    const green = treatment('green', {});
    const both = readout([control, blue, green], { kind: 'mean', sequential: { tuning: 5000, rho: 0.001 } });
    expect(verdictOf(both, blue, 'revenue', 'USD')).toEqual({
      variant: 'blue',
      text: 'blue brings 8.1% less revenue per person than control (95% always-valid interval −20.0% … +4.0%), 12.0% chance to beat control — not significant (adjusted p = 0.060)',
      tone: 'unclear',
      significant: false,
    });
  });

  it('says so where the relative interval, an approximation, disagrees with the test on the absolute difference', () => {
    const edge = treatment('green', { lift: { absolute: 0.0177, relative: 0.17, ci: [0.0005, 0.0349], relative_ci: [-0.007, 0.347] }, p_value: 0.043, p_value_adjusted: 0.043 });
    expect(verdictOf(readout([control, edge], { kind: 'mean' }), edge, 'visitor_cvr', 'USD').text).toBe(
      'green converts 17.0% better than control (95% interval −0.7% … +34.7%), 99.4% chance to beat control — significant (p = 0.043; the relative interval, an approximation, still includes no change)',
    );
  });

  it('an event type, and a control at 0 (no relative lift: the absolute one instead)', () => {
    const green = treatment('green', {});
    expect(verdictOf(readout([control, green]), green, 'signup', 'USD').text).toMatch(/^green gets 25\.0% more people to do signup than control \(/);
    const zero = treatment('green', { lift: { absolute: 0.05, relative: null, ci: [0.01, 0.09], relative_ci: null } });
    expect(verdictOf(readout([control, zero], { kind: 'mean' }), zero, 'conversions', 'USD').text).toBe(
      'green is +0.05 against control, whose value is 0 (95% interval +0.01 … +0.09), 99.4% chance to beat control — significant (p = 0.012)',
    );
  });
});

describe('CUPED and the sample ratio', () => {
  it('says what share of the variance CUPED removed in each variant', () => {
    const withCuped = readout(
      [
        { ...control, cuped: { variance_reduction: 0.182, correlation: 0.43 } },
        treatment('green', { cuped: { variance_reduction: 0.2104, correlation: 0.46 } }),
      ],
      { cuped: { theta: 0.41 } },
    );
    expect(cupedSummary(withCuped, 14)).toBe('CUPED removed 18.2% of the variance in control and 21.0% in green, using each person’s same metric in the 14 days before their first exposure.');
    expect(cupedSummary(readout([control, treatment('green', {})]), null)).toBeNull();
  });

  it('pairs each variant’s people with the people the split expects', () => {
    const split = readout([{ ...control, n: 180 }, treatment('b', { n: 20 })], {
      srm: { chi_square: 128, df: 1, p_value: 1e-29, flagged: true, threshold: 0.001, expected: [100, 100] },
    });
    expect(sampleRatioRows(split)).toEqual([
      { name: 'control', observed: 180, expected: 100 },
      { name: 'b', observed: 20, expected: 100 },
    ]);
  });
});

describe('the API’s words', () => {
  it('keep the case of a name they open with, and are capitalised otherwise', () => {
    expect(readoutSentence('new_price has 4 conversions, fewer than 150: its result can still swing widely', ['control', 'new_price'])).toBe(
      'new_price has 4 conversions, fewer than 150: its result can still swing widely.',
    );
    expect(readoutSentence("green's probability to beat control comes from a normal approximation", ['control', 'green'])).toMatch(/^green's/);
    expect(readoutSentence('visitor_cvr is compared as the mean of a 1-or-0 outcome', ['visitor_cvr'])).toMatch(/^visitor_cvr is/);
    expect(readoutSentence('1 person (16.7 %) saw more than one variant and is left out', [])).toBe('1 person (16.7 %) saw more than one variant and is left out.');
    expect(readoutSentence('the control A has a value of 0, so B has no relative lift', ['A', 'B'])).toBe('The control A has a value of 0, so B has no relative lift.');
    expect([formatShare(0.2141), formatShare(-0.4568)]).toEqual(['21.4%', '−45.7%']);
  });
});
