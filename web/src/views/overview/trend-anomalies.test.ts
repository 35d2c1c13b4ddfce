import { describe, expect, it } from 'vitest';
import type { AnomalyReport } from '../../api/client';
import { anomalyCaption, anomalySeries, anomalyTooltip, coverageText, MARKER_COLOR, MARKER_SIZE } from './trend-anomalies';

type Point = AnomalyReport['points'][number];
const point = (date: string, value: number, anomaly: boolean, direction: Point['direction'] = 'above', severity: Point['severity'] = null): Point => ({
  date,
  value,
  expected: 100,
  lower: 90,
  upper: 110,
  anomaly,
  severity,
  score: Math.abs(value - 100) / 4,
  direction,
});

describe('the trend chart’s anomaly layer', () => {
  it('writes the coverage and the caption as a marketer reads them', () => {
    expect(coverageText(0.99)).toBe('99%');
    expect(coverageText(0.995)).toBe('99.5%');
    expect(anomalyCaption({ anomalies: 3, method: 'holt_winters', sensitivity: 0.99 })).toBe('3 anomalies · Holt-Winters one-step forecasts, 99% interval');
    expect(anomalyCaption({ anomalies: 1, method: 'mad', sensitivity: 0.95 })).toBe('1 anomaly · the median of the history, 95% interval');
  });

  it('gives the tooltip the expected value and interval, and the severity only for an anomaly', () => {
    const format = (v: number) => `$${v.toFixed(2)}`;
    expect(anomalyTooltip(point('2026-11-02', 104, false), 0.99, format)).toBe('expected: $100.00<br/>99% interval: $90.00 – $110.00');
    expect(anomalyTooltip(point('2026-11-03', 60, true, 'below', 'medium'), 0.99, format)).toContain('anomaly: medium severity, below expected');
    expect(anomalyTooltip(undefined, 0.99, format)).toBe('');
  });

  it('lines the band and the markers up with the chart’s buckets, a marker only on an anomaly', () => {
    const report = { points: [point('2026-11-02', 104, false), point('2026-11-03', 60, true, 'below', 'medium'), point('2026-11-04', 150, true, 'above', 'high')] } as AnomalyReport;
    const [lower, width, markers] = anomalySeries(report, ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) as { data: unknown[] }[];
    expect(lower.data).toEqual([null, 90, 90, 90]);
    expect(width.data).toEqual([null, 20, 20, 20]);
    expect(markers.data).toEqual([
      null,
      null,
      { value: 60, symbolSize: MARKER_SIZE.medium, itemStyle: { color: MARKER_COLOR.below } },
      { value: 150, symbolSize: MARKER_SIZE.high, itemStyle: { color: MARKER_COLOR.above } },
    ]);
  });
});
