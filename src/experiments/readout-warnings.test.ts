import { describe, expect, it } from 'vitest';
import { warnReadout, type WarningFacts } from './readout-warnings.js';
import { checkSampleRatio } from './sample-ratio.js';

const control = { name: 'A', n: 10_000, conversions: 1000, relativeLift: null, noVariance: false, approximate: false, isControl: true };
const treatment = { name: 'B', n: 10_000, conversions: 1100, relativeLift: 0.1, noVariance: false, approximate: false, isControl: false };
const facts = (change: Partial<WarningFacts> = {}): WarningFacts => ({ kind: 'rate', control: 'A', srm: checkSampleRatio([10_000, 10_000], [0.5, 0.5]), variants: [control, treatment], ...change });

describe('warnReadout', () => {
  it('has nothing to say about a large, balanced, plausible experiment', () => {
    expect(warnReadout(facts())).toEqual([]);
  });

  it('warns of fewer than 150 conversions (rates) or units (means) in a variant', () => {
    const few = warnReadout(facts({ variants: [{ ...control, conversions: 149 }, { ...treatment, conversions: 150 }] }));
    expect(few).toEqual([{ code: 'too_little_data', variant: 'A', message: 'A has 149 conversions, fewer than 150: its result can still swing widely' }]);
    const means = warnReadout(facts({ kind: 'mean', variants: [{ ...control, n: 120, conversions: null }, { ...treatment, n: 5000, conversions: null }] }));
    expect(means.map((w) => [w.code, w.variant])).toEqual([['too_little_data', 'A']]);
  });

  it('warns of a relative lift beyond ±50 %', () => {
    const warnings = warnReadout(facts({ variants: [control, { ...treatment, relativeLift: -0.62 }] }));
    expect(warnings).toEqual([{ code: 'suspicious_lift', variant: 'B', message: 'B moves the metric by -62.0 % against A, more than 50 %: check the tracking before trusting it' }]);
    expect(warnReadout(facts({ variants: [control, { ...treatment, relativeLift: 0.5 }] }))).toEqual([]);
  });

  it('puts a sample ratio mismatch first', () => {
    const srm = checkSampleRatio([10_000, 10_600], [0.5, 0.5]);
    const warnings = warnReadout(facts({ srm, variants: [{ ...control, conversions: 100 }, treatment] }));
    expect(warnings.map((w) => w.code)).toEqual(['sample_ratio_mismatch', 'too_little_data']);
    expect(warnings[0].message).toMatch(/^units reached the variants out of the planned proportions \(χ² = 17\.48, p = 2\.\d\de-5 < 0\.001\)/);
  });

  it('says when there is no relative lift, nothing to test, or an approximate probability', () => {
    const warnings = warnReadout(facts({ variants: [control, { ...treatment, relativeLift: null, noVariance: true, approximate: true }] }));
    expect(warnings.map((w) => w.code)).toEqual(['zero_control', 'no_variance', 'approximate_probability']);
  });
});
