// Formula drivers on hand-built periods, each part worked out by hand, and
// the property that makes them trustworthy: the parts add up to the change
// for every catalog KPI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_BY_ID } from '../metrics/catalog.js';
import { evaluateFormula, parseFormula } from '../metrics/formula.js';
import { formulaDrivers } from './formula-drivers.js';
import { KNOWN_FACTORISATIONS } from './known-factorisations.js';

const metric = (id: string) => CATALOG_BY_ID.get(id)!;
const parts = (result: ReturnType<typeof formulaDrivers>) => Object.fromEntries(result!.parts.map((p) => [p.id, p.contribution]));
const total = (result: ReturnType<typeof formulaDrivers>) => result!.parts.reduce((t, p) => t + p.contribution, 0);

describe('formulaDrivers with a known factorisation', () => {
  // CPA 20 → 25: 100 clicks both times; cost 100 → 110 (CPC 1 → 1.1); conversions 5 → 4.4 (CVR 5 % → 4.4 %).
  const previous = { cost: 100, clicks: 100, conversions: 5 };
  const current = { cost: 110, clicks: 100, conversions: 4.4 };

  it('splits CPA into CPC and CVR', () => {
    const result = formulaDrivers(metric('cpa'), previous, current)!;
    expect(result.method).toBe('known-factors');
    // CPA = CPC / CVR × 100. CPC: ½ (0.1 × 100/5 + 0.1 × 100/4.4) = ½ (2 + 25/11) = 47/22 ≈ 2.136.
    // CVR: ½ ((100/4.4 − 100/5) + (110/4.4 − 110/5)) = ½ (30/11 + 3) = 63/22 ≈ 2.864.
    expect(parts(result).cpc).toBeCloseTo(47 / 22, 10);
    expect(parts(result).cvr).toBeCloseTo(63 / 22, 10);
    expect(total(result)).toBeCloseTo(5, 10);
    const cvr = result.parts[0];
    expect([cvr.id, cvr.previous, cvr.current]).toEqual(['cvr', 5, 4.4]);
    expect(cvr.changePercent).toBeCloseTo(-12, 10);
    expect(cvr.sharePercent).toBeCloseTo((63 / 22 / 5) * 100, 8);
  });

  it('splits a fall the other way round', () => {
    const result = formulaDrivers(metric('cpa'), current, previous)!;
    expect(parts(result).cpc).toBeCloseTo(-47 / 22, 10);
    expect(parts(result).cvr).toBeCloseTo(-63 / 22, 10);
  });

  it('splits ROAS into AOV, conversions and cost', () => {
    // ROAS = AOV × conversions / cost: AOV 100 → 110, conversions 10 → 12, cost 500 → 600; ROAS 2 → 2.2.
    // f at the 8 mixes (a c k): 000 2, 100 2.2, 010 2.4, 001 5/3, 110 2.64, 101 11/6, 011 2, 111 2.2.
    // AOV: ⅓ (2.2 − 2) + ⅙ (2.64 − 2.4) + ⅙ (11/6 − 5/3) + ⅓ (2.2 − 2) = 2/15 + 1/25 + 1/36 = 181/900.
    // conversions: ⅓ (0.4) + ⅙ (0.44) + ⅙ (1/3) + ⅓ (2.2 − 11/6) = 173/450; cost: 0.2 − 181/900 − 346/900 = −347/900.
    const result = formulaDrivers(metric('roas'), { revenue: 1000, conversions: 10, cost: 500 }, { revenue: 1320, conversions: 12, cost: 600 })!;
    expect(result.method).toBe('known-factors');
    expect(parts(result).aov).toBeCloseTo(181 / 900, 10);
    expect(parts(result).conversions).toBeCloseTo(173 / 450, 10);
    expect(parts(result).cost).toBeCloseTo(-347 / 900, 10);
    expect(total(result)).toBeCloseTo(0.2, 10);
  });

  it('falls back to the formula when a factor has no value or its measures are not given', () => {
    // No clicks now: CPC has no value, so CPA splits into cost and conversions.
    // CPA 20 → 25 (cost 100 → 125, conversions 5 both times): all of it is cost.
    const noClicks = formulaDrivers(metric('cpa'), { cost: 100, clicks: 100, conversions: 5 }, { cost: 125, clicks: 0, conversions: 5 })!;
    expect(noClicks.method).toBe('formula');
    expect(parts(noClicks)).toEqual({ cost: 5, conversions: 0 });
    const unknownClicks = formulaDrivers(metric('cpa'), { cost: 100, conversions: 5 }, { cost: 125, conversions: 5 })!;
    expect(unknownClicks.method).toBe('formula');
  });
});

describe('formulaDrivers along the formula', () => {
  it('splits a ratio with a constant factor into numerator and denominator', () => {
    // CTR 2 → 2.5: clicks 20 → 30, impressions 1000 → 1200.
    // clicks: ½ (10/1000 + 10/1200) × 100 = 11/12; impressions: ½ ((20/1200 − 20/1000) + (30/1200 − 30/1000)) × 100 = −5/12.
    const result = formulaDrivers(metric('ctr'), { clicks: 20, impressions: 1000 }, { clicks: 30, impressions: 1200 })!;
    expect(result.method).toBe('formula');
    expect(parts(result).clicks).toBeCloseTo(11 / 12, 12);
    expect(parts(result).impressions).toBeCloseTo(-5 / 12, 12);
    expect(result.parts.map((p) => p.label)).toEqual(['Clicks', 'Impressions']);
  });

  it('splits a constant minus a ratio', () => {
    // Retention = 100 − churned / active × 100: churn 10/100 → 15/120, retention 90 → 87.5.
    // churned: −100 × ½ (5/100 + 5/120) = −55/12; active: −100 × ½ ((10/120 − 10/100) + (15/120 − 15/100)) = +25/12.
    const result = formulaDrivers(metric('retention_rate'), { churned_customers: 10, active_at_start: 100 }, { churned_customers: 15, active_at_start: 120 })!;
    expect(parts(result).churned_customers).toBeCloseTo(-55 / 12, 12);
    expect(parts(result).active_at_start).toBeCloseTo(25 / 12, 12);
    expect(total(result)).toBeCloseTo(-2.5, 12);
  });

  it('keeps a sum below the line as one part, and cancels what divides out', () => {
    // LTV : CAC = clm / (cost + nmc): clm 3000 → 4000, cost + nmc 1000 → 1200, new customers 10 → 20 cancel. 3 → 10/3.
    // clm: ½ (1000/1000 + 1000/1200) = 11/12; costs: ½ ((3000/1200 − 3) + (4000/1200 − 4)) = −7/12.
    const result = formulaDrivers(
      metric('ltv_cac'),
      { customer_lifetime_margin: 3000, new_customers: 10, cost: 800, non_media_cost: 200 },
      { customer_lifetime_margin: 4000, new_customers: 20, cost: 900, non_media_cost: 300 },
    )!;
    expect(result.parts.map((p) => [p.id, p.label])).toEqual([
      ['customer_lifetime_margin', 'Customer lifetime margin'],
      ['cost + non_media_cost', 'Cost + Non media cost'],
    ]);
    expect(parts(result).customer_lifetime_margin).toBeCloseTo(11 / 12, 12);
    expect(parts(result)['cost + non_media_cost']).toBeCloseTo(-7 / 12, 12);
  });

  it('gives a sum of measures their own changes, and a single measure the whole change', () => {
    const result = formulaDrivers(
      metric('engagements'),
      { social_engagement_events: 10, ad_likes: 5, ad_shares: 2, ad_comments: 1 },
      { social_engagement_events: 4, ad_likes: 9, ad_shares: 2, ad_comments: null },
    )!;
    expect(parts(result)).toEqual({ social_engagement_events: -6, ad_likes: 4, ad_shares: 0, ad_comments: -1 });
    const cost = formulaDrivers(metric('cost'), { cost: 0 }, { cost: 50 })!;
    expect(cost.parts).toEqual([{ id: 'cost', label: 'Cost', previous: 0, current: 50, contribution: 50, changePercent: null, sharePercent: 100 }]);
  });

  it('has no split when a period has no value', () => {
    expect(formulaDrivers(metric('cpa'), { cost: 100, conversions: 0 }, { cost: 100, conversions: 4 })).toBeNull();
  });
});

describe('every catalog KPI', () => {
  const positive = fc.double({ min: 0.5, max: 1e5, noNaN: true });

  it('splits into finite parts that add up to its change', () => {
    for (const kpi of CATALOG) {
      fc.assert(
        fc.property(fc.array(positive, { minLength: kpi.measures.length * 2, maxLength: kpi.measures.length * 2 }), (drawn) => {
          const previous = Object.fromEntries(kpi.measures.map((m, i) => [m, drawn[i]]));
          const current = Object.fromEntries(kpi.measures.map((m, i) => [m, drawn[kpi.measures.length + i]]));
          const before = evaluateFormula(kpi.node, (id) => previous[id]);
          const after = evaluateFormula(kpi.node, (id) => current[id]);
          const result = formulaDrivers(kpi, previous, current);
          if (before === null || after === null) return result === null;
          expect(result!.method).not.toBe('whole');
          for (const part of result!.parts) expect(Number.isFinite(part.contribution)).toBe(true);
          const scale = Math.max(1, Math.abs(before), Math.abs(after));
          expect(Math.abs(total(result) - (after - before))).toBeLessThan(1e-9 * scale);
          return true;
        }),
        { numRuns: 30 },
      );
    }
  });

  it('is rebuilt exactly by its known factorisation', () => {
    for (const [id, factorisation] of KNOWN_FACTORISATIONS) {
      const kpi = metric(id);
      const measures = ['cost', 'clicks', 'impressions', 'conversions', 'revenue'];
      fc.assert(
        fc.property(fc.array(positive, { minLength: 5, maxLength: 5 }), (drawn) => {
          const values = Object.fromEntries(measures.map((m, i) => [m, drawn[i]]));
          const factors = Object.fromEntries(factorisation.factors.map((f) => [f.id, evaluateFormula(parseFormula(f.compute), (m) => values[m])!]));
          const rebuilt = evaluateFormula(parseFormula(factorisation.combine), (f) => factors[f])!;
          const direct = evaluateFormula(kpi.node, (m) => values[m])!;
          expect(Math.abs(rebuilt - direct)).toBeLessThan(1e-9 * Math.max(1, Math.abs(direct)));
        }),
        { numRuns: 50 },
      );
    }
  });
});
