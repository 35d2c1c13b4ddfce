import { describe, expect, it } from 'vitest';
import { parseFormula } from '../metrics/formula.js';
import { metricSplit, type SplittableMetric } from './metric-parts.js';

const metric = (id: string, compute: string, cumulative: boolean): SplittableMetric => ({ id, node: parseFormula(compute), cumulative });
const CATALOG = new Map(
  [metric('cost', 'cost', true), metric('conversions', 'conversions', true), metric('clicks', 'clicks', true), metric('impressions', 'impressions', true)].map((m) => [m.id, m]),
);

describe('metricSplit', () => {
  it('adds up a sum', () => {
    expect(metricSplit(CATALOG.get('cost')!, CATALOG)).toEqual({ kind: 'additive' });
  });

  it('splits a ratio of two catalog metrics, with its scale', () => {
    expect(metricSplit(metric('cpa', 'cost / conversions', false), CATALOG)).toEqual({ kind: 'ratio', numerator: 'cost', denominator: 'conversions', scale: 1 });
    expect(metricSplit(metric('ctr', 'clicks / impressions * 100', false), CATALOG)).toEqual({ kind: 'ratio', numerator: 'clicks', denominator: 'impressions', scale: 100 });
  });

  it('does not split a formula of several terms, nor a ratio of measures that are no catalog metric', () => {
    expect(metricSplit(metric('roi', '(revenue - cost) / cost * 100', false), CATALOG).kind).toBe('none');
    expect(metricSplit(metric('pps', 'session_pageviews / sessions', false), CATALOG).kind).toBe('none');
  });
});
