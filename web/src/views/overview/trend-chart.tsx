// The trend of one catalog metric per day, week or month, with the previous
// period drawn beside it (bucket i against the previous period's bucket i).
import { useMemo, useState, useEffect } from 'react';
import type { CatalogMetric, QueryResult } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue } from '../../frame/format';
import { CatalogMetricOptions } from '../../frame/metric-options';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { GRAINS, type ChartGrain } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCurrency, useMetricQuery } from '../../frame/workspace-data';
import { trendQuery } from './overview-queries';

interface TrendChartProps {
  /** Null until the metric is known (a metric named in the address waits for the catalog). */
  metric: string | null;
  catalog: CatalogMetric[];
  grain: ChartGrain;
  onMetric: (id: string) => void;
  onGrain: (grain: ChartGrain) => void;
}

export function TrendChart({ metric, catalog, grain, onMetric, onGrain }: TrendChartProps) {
  const { state } = useViewState();
  const currency = useCurrency();
  const result = useMetricQuery(useMemo(() => (metric ? trendQuery(state, metric, grain) : null), [state, metric, grain]));
  // Label and unit come with the answer, so the chart does not wait for the catalog.
  const spec = result.data?.columns.find((c) => c.name === metric);
  const [drawn, setDrawn] = useState<QueryResult | null>(null);
  useEffect(() => setDrawn(null), [result.data]);
  const option = useMemo(() => (result.data && spec ? trendOption(result.data, spec, currency) : null), [result.data, spec, currency]);
  const empty = result.data && metric && result.data.rows.every((r) => r[metric] === null || r[metric] === 0);

  return (
    <Panel
      title={`${spec?.label ?? catalog.find((m) => m.id === metric)?.label ?? metric ?? 'Trend'} over time`}
      testId="trend-panel"
      tools={
        <>
          <label className="field">
            <span>Metric</span>
            <select value={metric ?? ''} onChange={(e) => onMetric(e.target.value)} data-testid="trend-metric">
              <CatalogMetricOptions catalog={catalog} />
            </select>
          </label>
          <div className="segmented" role="group" aria-label="Grain">
            {GRAINS.map((g) => (
              <button key={g} type="button" aria-pressed={g === grain} onClick={() => onGrain(g)} data-testid={`grain-${g}`}>
                {g}
              </button>
            ))}
          </div>
        </>
      }
    >
      {result.error ? (
        <ErrorMessage error={result.error} />
      ) : !option ? (
        <Skeleton lines={6} height={280} />
      ) : (
        <div data-testid="trend-chart" data-ready={drawn === result.data ? 'true' : 'false'} data-points={result.data!.rows.length}>
          {empty ? <NoData range={state.range} /> : null}
          <Chart option={option} height={280} label={`${spec?.label ?? metric} per ${grain}, with the previous period`} onRendered={() => setDrawn(result.data ?? null)} />
        </div>
      )}
    </Panel>
  );
}

type Column = QueryResult['columns'][number];

function trendOption(result: QueryResult, metric: Column, currency: string): ChartOption {
  const id = metric.name;
  const unit = metric.unit ?? 'count';
  const buckets = result.rows.map((r) => String(r.date));
  const current = result.rows.map((r) => r[id] as number | null);
  const previousRows = result.comparison?.rows ?? [];
  const previous = previousRows.map((r) => r[id] as number | null);
  const format = (v: number | null) => formatValue(v, unit, currency);
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 64, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, left: 0, data: ['This period', 'Previous period'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const before = previousRows[index]?.date ? ` (${String(previousRows[index].date)})` : '';
        const partial = result.rows[index]?.partial === true ? ' (partial)' : '';
        return `${buckets[index]}${partial}: <b>${format(current[index])}</b><br/>previous${before}: ${format(previous[index] ?? null)}`;
      },
    },
    xAxis: { type: 'category', data: buckets, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency) } },
    series: [
      { name: 'This period', type: 'line', data: current, showSymbol: buckets.length < 40, lineStyle: { width: 2, color: '#1d4ed8' }, itemStyle: { color: '#1d4ed8' } },
      { name: 'Previous period', type: 'line', data: previous, showSymbol: false, lineStyle: { width: 1.5, type: 'dashed', color: '#9ca3af' }, itemStyle: { color: '#9ca3af' } },
    ],
  };
}
