// The trend chart's anomaly layer, from an answer of POST /v1/anomalies: the
// expected band (its lower end with its width stacked on it), a marker on each
// anomalous bucket (red above, amber below, larger the more severe), the
// tooltip's lines and the caption under the chart. Pure.
import type { AnomalyReport } from '../../api/client';
import type { ChartOption } from '../../frame/chart';

type AnomalyPoint = AnomalyReport['points'][number];
type Series = Extract<NonNullable<ChartOption['series']>, unknown[]>[number];

export const BAND_NAME = 'Expected range';
export const MARKER_NAME = 'Anomaly';
const BAND = 'rgba(29, 78, 216, 0.10)';
export const MARKER_COLOR = { above: '#dc2626', below: '#d97706' } as const;
export const MARKER_SIZE = { low: 9, medium: 12, high: 15 } as const;

const METHOD_TEXT: Record<AnomalyReport['method'], string> = {
  holt_winters: 'Holt-Winters one-step forecasts',
  seasonal_mad: 'a season before plus the median seasonal change',
  mad: 'the median of the history',
};

/** The coverage in % as the caption writes it: 0.99 → "99%", 0.995 → "99.5%". */
export function coverageText(sensitivity: number): string {
  return `${Number((sensitivity * 100).toFixed(4))}%`;
}

/** "3 anomalies · Holt-Winters one-step forecasts, 99% interval". */
export function anomalyCaption(report: Pick<AnomalyReport, 'anomalies' | 'method' | 'sensitivity'>): string {
  const count = `${report.anomalies} ${report.anomalies === 1 ? 'anomaly' : 'anomalies'}`;
  return `${count} · ${METHOD_TEXT[report.method]}, ${coverageText(report.sensitivity)} interval`;
}

/** The judged point of each bucket, by the bucket's date (buckets the API left out have none). */
export function pointsByDate(report: AnomalyReport): Map<string, AnomalyPoint> {
  return new Map(report.points.map((p) => [p.date, p]));
}

/** The tooltip's lines for one bucket: expected, interval, and the severity when it is an anomaly. */
export function anomalyTooltip(point: AnomalyPoint | undefined, sensitivity: number, format: (v: number) => string): string {
  if (!point) return '';
  const lines = [`expected: ${format(point.expected)}`, `${coverageText(sensitivity)} interval: ${format(point.lower)} – ${format(point.upper)}`];
  if (point.anomaly) lines.push(`<b style="color:${MARKER_COLOR[point.direction]}">anomaly: ${point.severity} severity, ${point.direction} expected</b>`);
  return lines.join('<br/>');
}

/** The band and marker series over the chart's buckets (null where a bucket was not judged). */
export function anomalySeries(report: AnomalyReport, buckets: readonly string[]): Series[] {
  const byDate = pointsByDate(report);
  const at = buckets.map((date) => byDate.get(date));
  const band = { type: 'line' as const, stack: 'expected-band', stackStrategy: 'all' as const, silent: true, symbol: 'none', lineStyle: { opacity: 0 }, emphasis: { disabled: true }, z: 1 };
  return [
    { ...band, name: 'expected lower end', data: at.map((p) => p?.lower ?? null), itemStyle: { color: BAND } },
    { ...band, name: BAND_NAME, data: at.map((p) => (p ? p.upper - p.lower : null)), areaStyle: { color: BAND }, itemStyle: { color: BAND } },
    {
      type: 'line',
      name: MARKER_NAME,
      data: at.map((p) => (p?.anomaly ? { value: p.value, symbolSize: MARKER_SIZE[p.severity ?? 'low'], itemStyle: { color: MARKER_COLOR[p.direction] } } : null)),
      symbol: 'circle',
      showSymbol: true,
      showAllSymbol: true,
      connectNulls: false,
      lineStyle: { opacity: 0 },
      itemStyle: { color: MARKER_COLOR.above, borderColor: '#fff', borderWidth: 1.5 },
      emphasis: { disabled: true },
      z: 5,
    },
  ];
}
