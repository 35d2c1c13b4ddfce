// The shapes read off catalog formulas, checked against the formulas as written in KPIS.md.
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { formatFormula, parseFormula } from '../metrics/formula.js';
import { additiveTerms, isSumOfMeasures, productForm, ratioShape } from './formula-shape.js';

const node = (id: string) => CATALOG_BY_ID.get(id)!.node;
const printed = (form: ReturnType<typeof productForm>) => form.factors.map((f) => [formatFormula(f.node), f.exponent]);

describe('additiveTerms', () => {
  it('signs the terms of a difference', () => {
    expect(additiveTerms(parseFormula('a - (b + c) + -d')).map((t) => [formatFormula(t.node), t.sign])).toEqual([['a', 1], ['b', -1], ['c', -1], ['d', -1]]);
  });
});

describe('productForm', () => {
  it('folds constants and keeps sums whole', () => {
    // CTR = clicks / impressions × 100; MER = order_revenue / (cost + non_media_cost).
    expect(productForm(node('ctr'))).toMatchObject({ constant: 100 });
    expect(printed(productForm(node('ctr')))).toEqual([['clicks', 1], ['impressions', -1]]);
    expect(printed(productForm(node('mer')))).toEqual([['order_revenue', 1], ['cost + non_media_cost', -1]]);
  });

  it('cancels a part above and below the line', () => {
    // CAC payback = ((cost + nmc) / nc) / (cfym / 12 / nc) = (cost + nmc) × 12 / cfym.
    const form = productForm(node('cac_payback_months'));
    expect(form.constant).toBe(12);
    expect(printed(form)).toEqual([['cost + non_media_cost', 1], ['customer_first_year_margin', -1]]);
    // LTV : CAC = (clm / nc) / ((cost + nmc) / nc) = clm / (cost + nmc).
    expect(printed(productForm(node('ltv_cac')))).toEqual([['customer_lifetime_margin', 1], ['cost + non_media_cost', -1]]);
  });
});

describe('ratioShape and isSumOfMeasures', () => {
  it('reads ratios of sums with their scale', () => {
    const roi = ratioShape(node('roi'))!;
    expect([formatFormula(roi.numerator), formatFormula(roi.denominator), roi.scale]).toEqual(['revenue - cost', 'cost', 100]);
    const engagement = ratioShape(node('engagement_rate'))!;
    expect(formatFormula(engagement.denominator)).toBe('impressions + social_impressions');
    expect(ratioShape(node('cpm'))!.scale).toBe(1000);
  });

  it('rejects what is no ratio of two sums', () => {
    expect(ratioShape(node('cost'))).toBeNull();
    expect(ratioShape(node('retention_rate'))).toBeNull(); // 100 − a ratio
    expect(ratioShape(parseFormula('a / b / c'))).toBeNull();
    expect(ratioShape(parseFormula('a / 0'))).toBeNull();
  });

  it('knows a sum of measures', () => {
    expect(isSumOfMeasures(node('engagements'))).toBe(true);
    expect(isSumOfMeasures(node('cost'))).toBe(true);
    expect(isSumOfMeasures(parseFormula('a * 2 - b'))).toBe(true);
    expect(isSumOfMeasures(parseFormula('a + 5'))).toBe(false);
    expect(isSumOfMeasures(node('cpa'))).toBe(false);
  });
});
