// LTV:CAC per acquisition channel as horizontal bars (so far and predicted),
// over bands that mark below 1× and from 3×.
import { useMemo } from 'react';
import type { QueryResult } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatValue } from '../../frame/format';
import { channelName, LTV_CAC_BAD_BELOW, LTV_CAC_HEALTHY_FROM, type ValueMetric } from './customers-queries';

type Row = QueryResult['rows'][number];

const SERIES_NAMES: Record<string, string> = { ltv_cac: 'LTV:CAC so far', predicted_ltv_cac: 'Predicted LTV:CAC' };

export function RatioChart({ rows, ratios }: { rows: Row[]; ratios: ValueMetric[] }) {
  const channels = rows.map(channelName);
  const values = ratios.flatMap((m) => rows.map((r) => (typeof r[m] === 'number' ? (r[m] as number) : 0)));
  const top = Math.max(LTV_CAC_HEALTHY_FROM + 1, Math.ceil(Math.max(0, ...values) * 1.15));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 56, top: ratios.length > 1 ? 48 : 22, bottom: 24, containLabel: true },
      legend: ratios.length > 1 ? { top: 0, left: 0, itemWidth: 14, itemHeight: 10 } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, 'ratio'),
      },
      xAxis: { type: 'value', min: 0, max: top, axisLabel: { formatter: (v: number) => `${v}×` }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: channels, inverse: true, axisTick: { show: false }, axisLabel: { color: '#374151', fontSize: 12 } },
      series: ratios.map((m, i) => ({
        name: SERIES_NAMES[m],
        type: 'bar' as const,
        barMaxWidth: 22,
        data: rows.map((r) => (typeof r[m] === 'number' ? (r[m] as number) : null)),
        itemStyle: { color: i === 0 ? '#1d4ed8' : '#93c5fd', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' as const, fontSize: 11, color: '#374151', formatter: (p: { value: unknown }) => formatValue(typeof p.value === 'number' ? p.value : null, 'ratio') },
        ...(i === 0
          ? {
              markArea: {
                silent: true,
                label: { position: 'top' as const, distance: 4, fontSize: 11, color: '#6b7280' },
                data: [
                  [{ xAxis: 0, name: `below ${LTV_CAC_BAD_BELOW}×`, itemStyle: { color: 'rgba(185, 28, 28, 0.1)' } }, { xAxis: LTV_CAC_BAD_BELOW }],
                  [{ xAxis: LTV_CAC_HEALTHY_FROM, name: `${LTV_CAC_HEALTHY_FROM}× and up`, itemStyle: { color: 'rgba(21, 128, 61, 0.08)' } }, { xAxis: top }],
                ],
              },
            }
          : {}),
      })),
    }),
    [rows, ratios, channels.join('|'), top],
  );
  const height = 64 + channels.length * (ratios.length > 1 ? 46 : 34) + (ratios.length > 1 ? 16 : 0);
  return (
    <div className="ratio-chart" data-testid="ltv-cac-chart" data-channels={channels.join('|')}>
      <Chart option={option} height={height} label="LTV to CAC ratio per acquisition channel" />
    </div>
  );
}
