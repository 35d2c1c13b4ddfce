// Current against recommended spend, a pair of bars per key (a row each, so
// long campaign names read), the recommended bar labelled with its change and
// the constraint that holds it, if any.
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue } from '../../frame/format';
import { barLabel, BINDING_MEANINGS, type BarRow } from './budget-format';

const CURRENT = '#94a3b8';
const RECOMMENDED = '#1d4ed8';
const HELD = '#b45309';

interface BarsProps {
  rows: readonly BarRow[];
  currency: string;
  onRendered: () => void;
}

export function BudgetBars({ rows, currency, onRendered }: BarsProps) {
  const option = useMemo(() => barsOption(rows, currency), [rows, currency]);
  const height = Math.max(180, rows.length * 64 + 70);
  return <Chart option={option} height={height} label="Current and recommended spend per key, with the change and the constraint holding each" onRendered={onRendered} />;
}

function barsOption(rows: readonly BarRow[], currency: string): ChartOption {
  // The first key on top, as the table lists it.
  const ordered = [...rows].reverse();
  const money = (v: number) => formatValue(v, 'money', currency);
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 150, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: ['Current', 'Recommended'], itemWidth: 18, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = ordered[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!row) return '';
        const held = row.binding ? `<br/>${BINDING_MEANINGS[row.binding]}` : '';
        return `${escape(row.label)}<br/>current: ${money(row.current)}<br/>recommended: <b>${money(row.recommended)}</b> (${barLabel({ change: row.change, binding: null }) || '—'})${held}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(v, 'money', currency) }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { width: 160, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      { type: 'bar', name: 'Current', data: ordered.map((r) => r.current), itemStyle: { color: CURRENT }, barGap: '10%', barMaxWidth: 22 },
      {
        type: 'bar',
        name: 'Recommended',
        barMaxWidth: 22,
        data: ordered.map((r) => ({
          value: r.recommended,
          itemStyle: { color: RECOMMENDED },
          label: { show: true, position: 'right', formatter: barLabel(r), color: r.binding ? HELD : '#374151', fontWeight: r.binding ? 600 : 400, fontSize: 12 },
        })),
        itemStyle: { color: RECOMMENDED },
      },
    ],
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
