// The waterfall: the KPI before, each driver's part of the change chained
// from there (green when it moved the KPI its better way, red otherwise),
// and the KPI now. Drawn as stacked bars on transparent bases; the value
// axis starts where the steps can be seen (axisFloor).
import { useMemo } from 'react';
import type { Unit } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue, type Tone } from '../../frame/format';
import { formatPart } from './explain-format';
import type { WaterfallBar } from './waterfall';

const COLORS: Record<Tone | 'end', string> = { good: '#15803d', bad: '#b91c1c', neutral: '#94a3b8', end: '#1d4ed8' };

interface WaterfallChartProps {
  bars: readonly WaterfallBar[];
  floor: number;
  unit: Unit;
  currency: string;
  label: string;
  onRendered: () => void;
}

export function WaterfallChart({ bars, floor, unit, currency, label, onRendered }: WaterfallChartProps) {
  const option = useMemo(() => waterfallOption(bars, floor, unit, currency), [bars, floor, unit, currency]);
  return <Chart option={option} height={320} label={label} onRendered={onRendered} />;
}

/** What a bar says: the KPI at an end, a signed part for a step. */
function barText(b: WaterfallBar, unit: Unit, currency: string): string {
  return b.kind === 'driver' ? formatPart(b.value, unit, currency) : formatValue(b.value, unit, currency);
}

function waterfallOption(bars: readonly WaterfallBar[], floor: number, unit: Unit, currency: string): ChartOption {
  const color = (b: WaterfallBar) => (b.kind === 'driver' ? COLORS[b.tone] : COLORS.end);
  const hidden = { type: 'bar' as const, stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, barMaxWidth: 72 };
  const shown = { type: 'bar' as const, stack: 'waterfall', barMaxWidth: 72, emphasis: { disabled: true } };
  // Each bar's text sits on the outer end of the part it draws: above zero on top, below zero underneath.
  const labelled = (b: WaterfallBar, above: boolean) => (above ? b.heightAbove > 0 || b.heightBelow === 0 : b.heightAbove === 0 && b.heightBelow < 0);
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const b = bars[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!b) return '';
        if (b.kind !== 'driver') return `${b.label}: <b>${formatValue(b.value, unit, currency)}</b>`;
        return `${b.label}: <b>${formatPart(b.value, unit, currency)}</b><br/>${formatValue(b.from, unit, currency)} → ${formatValue(b.to, unit, currency)}`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, hideOverlap: false, width: 110, overflow: 'truncate' }, axisTick: { show: false } },
    yAxis: {
      type: 'value',
      ...(floor > 0 ? { min: floor } : {}),
      // The floor is an odd number; the caption under the chart names it.
      axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency), showMinLabel: floor > 0 ? false : undefined },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    series: [
      { ...hidden, name: 'base above zero', data: bars.map((b) => b.baseAbove) },
      { ...hidden, name: 'base below zero', data: bars.map((b) => b.baseBelow) },
      {
        ...shown,
        name: 'above zero',
        data: bars.map((b) => ({
          value: b.heightAbove,
          itemStyle: { color: color(b) },
          label: { show: labelled(b, true), position: 'top' as const, formatter: () => barText(b, unit, currency), color: '#374151', fontSize: 12 },
        })),
      },
      {
        ...shown,
        name: 'below zero',
        data: bars.map((b) => ({
          value: b.heightBelow,
          itemStyle: { color: color(b) },
          label: { show: labelled(b, false), position: 'bottom' as const, formatter: () => barText(b, unit, currency), color: '#374151', fontSize: 12 },
        })),
      },
    ],
  };
}
