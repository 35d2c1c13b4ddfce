// The history and the forecast on one time axis: what was observed (bold),
// the model's one-step fit (thin), and the forecast (dashed) inside its
// prediction interval, a shaded band drawn as the interval's width stacked
// on its lower end.
import { useMemo } from 'react';
import type { Unit } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue } from '../../frame/format';
import type { ChartRow } from './forecast-queries';

const ACTUAL = '#1d4ed8';
const FITTED = '#94a3b8';
const FORECAST = '#7c3aed';
const BAND = 'rgba(124, 58, 237, 0.18)';

interface ForecastChartProps {
  rows: readonly ChartRow[];
  unit: Unit;
  currency: string;
  /** Coverage of the interval, in %. */
  level: number;
  label: string;
  onRendered: () => void;
}

export function ForecastChart({ rows, unit, currency, level, label, onRendered }: ForecastChartProps) {
  const option = useMemo(() => forecastOption(rows, unit, currency, level), [rows, unit, currency, level]);
  return <Chart option={option} height={340} label={label} onRendered={onRendered} />;
}

function forecastOption(rows: readonly ChartRow[], unit: Unit, currency: string, level: number): ChartOption {
  const dates = rows.map((r) => r.date);
  const format = (v: number | null) => formatValue(v, unit, currency);
  const interval = `${formatValue(level, 'count')}% interval`;
  const firstForecast = rows.find((r) => r.actual === null && r.forecast !== null)?.date;
  const line = { type: 'line' as const, showSymbol: false, connectNulls: false, emphasis: { disabled: true } };
  const band = { ...line, stack: 'interval', stackStrategy: 'all' as const, silent: true, lineStyle: { opacity: 0 }, symbol: 'none' };
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 20, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: ['Actual', 'Fitted', 'Forecast', { name: interval, icon: 'rect' }], itemWidth: 18, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const row = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!row) return '';
        if (row.actual === null && row.forecast !== null) {
          return `${row.date}<br/>forecast: <b>${format(row.forecast)}</b><br/>${interval}: ${format(row.lower)} – ${format(row.upper)}`;
        }
        return `${row.date}<br/>actual: <b>${format(row.actual)}</b><br/>fitted: ${format(row.fitted)}`;
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency) }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    series: [
      { ...band, name: 'interval lower end', data: rows.map((r) => r.lower), itemStyle: { color: BAND } },
      { ...band, name: interval, data: rows.map((r) => (r.lower === null || r.upper === null ? null : r.upper - r.lower)), areaStyle: { color: BAND }, itemStyle: { color: BAND } },
      { ...line, name: 'Fitted', data: rows.map((r) => r.fitted), lineStyle: { width: 1, color: FITTED }, itemStyle: { color: FITTED } },
      {
        ...line,
        name: 'Actual',
        data: rows.map((r) => r.actual),
        showSymbol: rows.length <= 60,
        symbolSize: 4,
        lineStyle: { width: 2, color: ACTUAL },
        itemStyle: { color: ACTUAL },
      },
      {
        ...line,
        name: 'Forecast',
        data: rows.map((r) => r.forecast),
        lineStyle: { width: 2, type: 'dashed', color: FORECAST },
        itemStyle: { color: FORECAST },
        markArea: firstForecast
          ? {
              silent: true,
              label: { position: 'insideTop', color: '#6b7280', fontSize: 11, distance: 6 },
              itemStyle: { color: 'rgba(15, 23, 42, 0.035)' },
              data: [[{ xAxis: firstForecast, name: 'forecast' }, { xAxis: dates[dates.length - 1] }]],
            }
          : undefined,
      },
    ],
  };
}
