// Underperforming segments on hand-built data: a big campaign with a clearly
// low CTR is flagged while a one-impression campaign with no click is not;
// segments that only differ by noise give none; a CPA campaign that spent and
// never converted puts its whole spend at stake.
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { bayesianFdrSelection, defaultShrinkageModel, underperformingSegments } from './underperforming-segments.js';

const metric = (id: string) => CATALOG_BY_ID.get(id)!;

describe('underperformingSegments', () => {
  // CTR by campaign. big: 1 % on 100,000 impressions; tiny: 0 clicks on 1 impression; s1, s2: 2.5 % on 100,000.
  // Workspace: 6000 / 300,001 ≈ 2 %.
  const ctr = [
    { key: 'big', numerator: 1000, denominator: 100_000, spend: 5000 },
    { key: 'tiny', numerator: 0, denominator: 1, spend: 0.05 },
    { key: 's1', numerator: 2500, denominator: 100_000, spend: 5000 },
    { key: 's2', numerator: 2500, denominator: 100_000, spend: 5000 },
  ];

  it('does not let a one-impression campaign outrank a big one with a clearly low CTR', () => {
    const report = underperformingSegments(metric('ctr'), ctr);
    expect(report.model).toEqual({ kind: 'beta-binomial' });
    expect(report.workspace).toBeCloseTo(2, 4);
    // Raw, tiny is the worst (0 %); shrunk, it is back near the workspace.
    // Moments: spread ≈ (100,000 × 0.01² + 2 × 100,000 × 0.005² + 1 × 0.02²) / 300,001 ≈ 5.0e−5; noise ≈ 0.0196 / 75,000 ≈ 2.6e−7;
    // α + β ≈ 0.0196 / 4.97e−5 − 1 ≈ 393, α ≈ 7.86. tiny: 7.86 / 394 ≈ 1.995 %; big: (7.86 + 1000) / (393 + 100,000) ≈ 1.004 %.
    const byKey = Object.fromEntries(report.assessed.map((s) => [s.key, s]));
    expect(byKey.tiny.value).toBe(0);
    expect(byKey.tiny.shrunk).toBeCloseTo(1.995, 2);
    expect(byKey.big.shrunk).toBeCloseTo(1.004, 3);
    expect(report.assessed.map((s) => s.key).indexOf('big')).toBeLessThan(report.assessed.map((s) => s.key).indexOf('tiny'));
    expect(byKey.tiny.probabilityWorse).toBeLessThan(0.6);
    expect(byKey.big.probabilityWorse).toBeGreaterThan(0.9999);
    // Only big is flagged. At the workspace CTR its clicks would have cost 5000 × 1/2 = 2500.
    expect(report.segments.map((s) => s.key)).toEqual(['big']);
    expect(report.segments[0].excessCost).toBeCloseTo(2500, 0);
    expect(report.segments[0].expectedExcessCost).toBeCloseTo(5000 * (1 - 1.004 / 2), -1);
    expect(report.expectedFalseDiscoveryRate).toBeLessThan(1e-6);
  });

  it('flags none when the campaigns differ only by noise', () => {
    // 2 %, 2.1 %, 1.9 % on 10,000, 5,000 and 5,000 impressions: well inside binomial noise (sd ≈ 0.2 pp at 5,000).
    const report = underperformingSegments(metric('ctr'), [
      { key: 'A', numerator: 200, denominator: 10_000, spend: 100 },
      { key: 'B', numerator: 105, denominator: 5_000, spend: 50 },
      { key: 'C', numerator: 95, denominator: 5_000, spend: 50 },
    ]);
    expect(report.segments).toEqual([]);
    expect(report.expectedFalseDiscoveryRate).toBeNull();
    expect(report.prior!.capped).toBe(true);
    expect(report.assessed).toHaveLength(3);
  });

  it('puts the whole spend of a campaign that never converted at stake (CPA)', () => {
    // As in gamma-poisson-shrinkage.test: workspace CPA 2500 / 80 = 31.25; C spent 500 for nothing; D has no data.
    const report = underperformingSegments(metric('cpa'), [
      { key: 'A', numerator: 1000, denominator: 50, spend: 1000 },
      { key: 'B', numerator: 1000, denominator: 30, spend: 1000 },
      { key: 'C', numerator: 500, denominator: 0, spend: 500 },
      { key: 'D', numerator: 0, denominator: 0, spend: 0 },
    ]);
    expect(report.model).toEqual({ kind: 'gamma-poisson', count: 'denominator' });
    expect(report.workspace).toBe(31.25);
    expect(report.segments.map((s) => s.key)).toEqual(['C']);
    const c = report.segments[0];
    // cost − conversions × workspace CPA = 500 − 0 × 31.25.
    expect(c.value).toBeNull();
    expect(c.excessCost).toBe(500);
    // B: CPA 33.3, 1000 − 30 × 31.25 = 62.5 of excess, but with 30 conversions that is not clearly worse.
    const b = report.assessed.find((s) => s.key === 'B')!;
    expect(b.excessCost).toBeCloseTo(62.5, 10);
    expect(b.probabilityWorse).toBeLessThan(0.9);
  });

  it('ranks flagged segments by the money at stake', () => {
    // CVR: X 1 % of 10,000 clicks, spend 1000; Y 0.5 % of 2,000 clicks, spend 5000; the others 3 %.
    const report = underperformingSegments(metric('cvr'), [
      { key: 'X', numerator: 100, denominator: 10_000, spend: 1000 },
      { key: 'Y', numerator: 10, denominator: 2_000, spend: 5000 },
      { key: 'P', numerator: 300, denominator: 10_000, spend: 1000 },
      { key: 'Q', numerator: 300, denominator: 10_000, spend: 1000 },
    ]);
    expect(report.segments.map((s) => s.key)).toEqual(['Y', 'X']);
    // X is the surer of the two (more clicks) but Y wastes more: about 5000 × (1 − 0.5/2.1) vs 1000 × (1 − 1/2.1).
    expect(report.assessed[0].key).toBe('X');
  });

  it('says why there is no comparison', () => {
    expect(underperformingSegments(metric('revenue'), []).notes).toEqual(['Revenue is not a ratio of two sums: its segments are not compared']);
    expect(underperformingSegments(metric('frequency'), []).notes[0]).toMatch(/no better direction/);
    expect(underperformingSegments(metric('ctr'), [{ key: 'A', numerator: 0, denominator: 0, spend: 0 }]).notes[0]).toMatch(/denominator is 0/);
    const roas = underperformingSegments(metric('roas'), [{ key: 'A', numerator: 100, denominator: 50, spend: 50 }]);
    expect(roas.model).toEqual({ kind: 'normal', valueCv: 1 });
    expect(roas.notes[0]).toMatch(/needs each segment’s count of events/);
  });

  it('models a percentage whose numerator can exceed its denominator as a Poisson rate', () => {
    // Engagement rate: 150 engagements on 100 impressions is no rate of successes.
    const report = underperformingSegments(metric('engagement_rate'), [
      { key: 'A', numerator: 150, denominator: 100, spend: 10 },
      { key: 'B', numerator: 20, denominator: 1000, spend: 10 },
    ]);
    expect(report.model).toEqual({ kind: 'gamma-poisson', count: 'numerator' });
    expect(report.notes[0]).toMatch(/more successes than trials/);
  });
});

describe('bayesianFdrSelection', () => {
  it('flags the most segments whose mean chance of a false flag stays within q', () => {
    // Means of 1 − P: 0.001, 0.0055, 0.037, 0.153.
    expect(bayesianFdrSelection([0.999, 0.99, 0.9, 0.5], 0.05)).toBe(3);
    expect(bayesianFdrSelection([0.9, 0.8], 0.05)).toBe(0);
    expect(bayesianFdrSelection([], 0.05)).toBe(0);
  });
});

describe('defaultShrinkageModel', () => {
  it('picks the model from the kind of ratio', () => {
    expect(defaultShrinkageModel(metric('ctr'))).toEqual({ kind: 'beta-binomial' });
    expect(defaultShrinkageModel(metric('email_open_rate'))).toEqual({ kind: 'beta-binomial' });
    expect(defaultShrinkageModel(metric('cpa'))).toEqual({ kind: 'gamma-poisson', count: 'denominator' });
    expect(defaultShrinkageModel(metric('cpm'))).toEqual({ kind: 'gamma-poisson', count: 'denominator' });
    expect(defaultShrinkageModel(metric('roas'))).toEqual({ kind: 'normal', valueCv: 1 });
    expect(defaultShrinkageModel(metric('roi'))).toEqual({ kind: 'normal', valueCv: 1 });
  });
});
