// One key's response curve: the expected outcome over the period at each
// period spend, the spend its history was seen at shaded, and markers at the
// current and the recommended spend.
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue, type DisplayUnit } from '../../frame/format';
import type { CurveData } from './budget-format';

const CURVE = '#475569';
const CURRENT = '#64748b';
const RECOMMENDED = '#1d4ed8';
const OBSERVED = 'rgba(29, 78, 216, 0.08)';

interface CurveChartProps {
  data: CurveData;
  unit: DisplayUnit;
  outcome: string;
  currency: string;
  label: string;
  onRendered: () => void;
}

export function CurveChart({ data, unit, outcome, currency, label, onRendered }: CurveChartProps) {
  const option = useMemo(() => curveOption(data, unit, outcome, currency), [data, unit, outcome, currency]);
  return <Chart option={option} height={220} label={label} onRendered={onRendered} />;
}

function curveOption(data: CurveData, unit: DisplayUnit, outcome: string, currency: string): ChartOption {
  const spend = (v: number) => formatValue(v, 'money', currency);
  const value = (v: number) => formatValue(v, unit, currency);
  const marker = (name: string, point: [number, number], color: string, symbol: string) => ({
    type: 'line' as const,
    name,
    data: [point],
    symbol,
    symbolSize: 11,
    showSymbol: true,
    itemStyle: { color, borderColor: '#fff', borderWidth: 1.5 },
    z: 3,
    tooltip: { formatter: () => `${name}<br/>spend ${spend(point[0])}<br/>expected ${outcome} <b>${value(point[1])}</b>` },
  });
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 6, right: 14, top: 30, bottom: 6, containLabel: true },
    legend: { top: 0, left: 0, data: [{ name: 'Current', icon: 'circle' }, { name: 'Recommended', icon: 'diamond' }, { name: 'Spend seen', icon: 'rect' }], itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: data.points.at(-1)?.[0], axisLabel: { formatter: (v: number) => formatAxis(v, 'money', currency), hideOverlap: true, showMaxLabel: false }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency) }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    series: [
      {
        type: 'line',
        name: 'Curve',
        data: data.points,
        showSymbol: false,
        smooth: true,
        lineStyle: { width: 2, color: CURVE },
        itemStyle: { color: CURVE },
        tooltip: { show: false },
        markArea: { silent: true, itemStyle: { color: OBSERVED }, data: [[{ xAxis: data.observed[0] }, { xAxis: data.observed[1] }]] },
      },
      // Names the shaded range in the legend; draws nothing itself.
      { type: 'line', name: 'Spend seen', data: [], itemStyle: { color: 'rgba(29, 78, 216, 0.25)' } },
      marker('Current', data.current, CURRENT, 'circle'),
      marker('Recommended', data.recommended, RECOMMENDED, 'diamond'),
    ],
  };
}
