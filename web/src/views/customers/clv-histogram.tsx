// The spread of predicted CLV: customers per band of predicted value, each
// band's share of the whole predicted value in its tooltip.
import { useMemo } from 'react';
import type { ClvReport } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue } from '../../frame/format';
import { useCurrency } from '../../frame/workspace-data';
import { binLabel } from './customers-queries';

export function ClvHistogram({ report }: { report: ClvReport }) {
  const currency = useCurrency();
  const bins = report.distribution.bins;
  const short = (v: number) => formatAxis(v, 'money', currency);
  const labels = bins.map((b) => binLabel(b, short));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 32, bottom: 30, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const bin = bins[i];
          return bin
            ? `${binLabel(bin, (v) => formatValue(v, 'money', currency))}<br/><b>${formatValue(bin.customers, 'count')}</b> customers · ${formatValue(bin.value_share * 100, 'percent')} of the predicted value`
            : '';
        },
      },
      xAxis: {
        type: 'category',
        data: labels,
        name: 'predicted CLV per customer',
        nameLocation: 'middle',
        nameGap: 28,
        nameTextStyle: { color: '#6b7280' },
        axisTick: { alignWithLabel: true },
        axisLabel: { interval: 0, hideOverlap: true, fontSize: 11 },
      },
      yAxis: { type: 'value', name: 'customers', nameTextStyle: { color: '#6b7280', align: 'left' }, minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [{ type: 'bar', data: bins.map((b) => b.customers), barCategoryGap: '12%', itemStyle: { color: '#1d4ed8', borderRadius: [3, 3, 0, 0] } }],
    }),
    [bins, labels.join('|'), currency],
  );
  return (
    <div data-testid="clv-histogram" data-bins={labels.join('|')}>
      <Chart option={option} height={280} label="customers per band of predicted lifetime value" />
    </div>
  );
}
