// The relative lift of each treatment over the control with its interval, as
// a forest plot: one row per treatment, a dot at the lift and a bar across
// its interval, against a dashed line at no change; green for a significant
// gain, red for a significant loss, grey otherwise.
import { useMemo } from 'react';
import type { ExperimentReadout } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { confidenceLevel, formatInterval, formatRelative, verdictOf, type VerdictTone } from './readout-format';

const TONE_COLOURS: Record<VerdictTone, string> = { better: '#15803d', worse: '#b91c1c', unclear: '#64748b' };

interface Row {
  name: string;
  lift: number;
  interval: readonly number[];
  colour: string;
}

export function LiftChart({ readout, metric, currency }: { readout: ExperimentReadout; metric: string; currency: string }) {
  const rows = useMemo<Row[]>(
    () =>
      readout.variants
        .filter((v) => v.lift?.relative != null && v.lift.relative_ci !== null)
        .map((v) => ({ name: v.name, lift: v.lift!.relative!, interval: v.lift!.relative_ci!, colour: TONE_COLOURS[verdictOf(readout, v, metric, currency).tone] })),
    [readout, metric, currency],
  );
  const level = confidenceLevel(readout.alpha);
  const option = useMemo<ChartOption>(() => {
    const names = rows.map((r) => r.name);
    const percent = (v: number) => Number((v * 100).toFixed(3));
    return {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 32, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          // One interval series per row, then the series of the lifts (one point per row).
          const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
          const row = seriesIndex < rows.length ? rows[seriesIndex] : rows[dataIndex];
          return row ? `${row.name}: ${formatRelative(row.lift)} against ${readout.control}<br/>${level} interval ${formatInterval(row.interval)}` : '';
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}%`, color: '#4b5563' },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: '#111827', fontSize: 13, margin: 12 } },
      series: [
        ...rows.map((r, i) => ({
          type: 'line' as const,
          name: r.name,
          data: [
            [percent(r.interval[0]), r.name],
            [percent(r.interval[1]), r.name],
          ],
          symbol: 'rect',
          symbolSize: [3, 16],
          lineStyle: { width: 4, color: r.colour, opacity: 0.55 },
          itemStyle: { color: r.colour },
          ...(i === 0
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  data: [{ xAxis: 0 }],
                  lineStyle: { color: '#374151', type: 'dashed' as const, width: 1 },
                  label: { show: false },
                },
              }
            : {}),
        })),
        {
          type: 'line' as const,
          name: 'lift',
          data: rows.map((r) => ({ value: [percent(r.lift), r.name], itemStyle: { color: r.colour } })),
          symbol: 'circle',
          symbolSize: 12,
          lineStyle: { opacity: 0 },
          label: { show: true, position: 'top' as const, distance: 10, fontSize: 12, fontWeight: 'bold' as const, color: '#111827', formatter: (p: { dataIndex: number }) => formatRelative(rows[p.dataIndex].lift) },
          z: 3,
        },
      ],
    };
  }, [rows, readout.control, level]);
  if (rows.length === 0) return null;
  return (
    <div className="lift-chart" data-testid="lift-chart" data-lifts={rows.map((r) => `${r.name}:${(r.lift * 100).toFixed(1)}`).join('|')}>
      <Chart option={option} height={56 + rows.length * 56} label={`relative lift over ${readout.control} with its ${level} interval: ${rows.map((r) => `${r.name} ${formatRelative(r.lift)} (${formatInterval(r.interval)})`).join(', ')}`} />
      <p className="hint lift-legend">
        The dot is each treatment’s lift over {readout.control}, the bar its {level} interval, the dashed line no change.
      </p>
    </div>
  );
}
