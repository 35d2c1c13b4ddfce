// The trend of one catalog metric per day, week or month, with the previous
// period drawn beside it (bucket i against the previous period's bucket i),
// and on request (anomalies=1 in the address) its anomalies: the expected
// band and a marker on each bucket outside it (POST /v1/anomalies). Download
// hands over the chart's query (one row per bucket) as a CSV or Parquet file.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AnomalyBody, AnomalyReport, CatalogMetric, QueryResult } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Chart, type ChartOption } from '../../frame/chart';
import { DownloadMenu } from '../../frame/download-menu';
import { formatAxis, formatValue } from '../../frame/format';
import { CatalogMetricOptions } from '../../frame/metric-options';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { GRAINS, type ChartGrain } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCurrency, useMetricQuery } from '../../frame/workspace-data';
import { anomalyQuery, trendQuery } from './overview-queries';
import { anomalyCaption, anomalySeries, anomalyTooltip, BAND_NAME, MARKER_NAME, pointsByDate } from './trend-anomalies';

/** The address parameter of the "Show anomalies" toggle. */
export const ANOMALIES_PARAM = 'anomalies';

interface TrendChartProps {
  /** Null until the metric is known (a metric named in the address waits for the catalog). */
  metric: string | null;
  catalog: CatalogMetric[];
  grain: ChartGrain;
  onMetric: (id: string) => void;
  onGrain: (grain: ChartGrain) => void;
}

export function TrendChart({ metric, catalog, grain, onMetric, onGrain }: TrendChartProps) {
  const { state, setParam } = useViewState();
  const currency = useCurrency();
  const body = useMemo(() => (metric ? trendQuery(state, metric, grain) : null), [state, metric, grain]);
  const result = useMetricQuery(body);
  const showAnomalies = state.params.get(ANOMALIES_PARAM) === '1';
  const anomalies = useAnomalies(useMemo(() => (metric && showAnomalies ? anomalyQuery(state, metric, grain) : null), [state, metric, grain, showAnomalies]));
  const report = showAnomalies ? anomalies.data : undefined;
  // Label and unit come with the answer, so the chart does not wait for the catalog.
  const spec = result.data?.columns.find((c) => c.name === metric);
  const option = useMemo(() => (result.data && spec ? trendOption(result.data, spec, currency, report) : null), [result.data, spec, currency, report]);
  const [drawn, setDrawn] = useState<ChartOption | null>(null);
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
          <label className="toggle">
            <input type="checkbox" checked={showAnomalies} onChange={(e) => setParam(ANOMALIES_PARAM, e.target.checked ? '1' : null)} data-testid="trend-anomalies" />
            <span>Show anomalies</span>
          </label>
          <DownloadMenu query={body} name="trend" />
        </>
      }
    >
      {result.error ? (
        <ErrorMessage error={result.error} />
      ) : !option ? (
        <Skeleton lines={6} height={280} />
      ) : (
        <div
          data-testid="trend-chart"
          data-ready={drawn === option ? 'true' : 'false'}
          data-points={result.data!.rows.length}
          data-anomalies={report ? report.points.filter((p) => p.anomaly).map((p) => p.date).join('|') : undefined}
        >
          {empty ? <NoData range={state.range} /> : null}
          <Chart option={option} height={280} label={`${spec?.label ?? metric} per ${grain}, with the previous period`} onRendered={() => setDrawn(option)} />
          {showAnomalies ? <AnomalyCaption report={report} error={anomalies.error} /> : null}
        </div>
      )}
    </Panel>
  );
}

function useAnomalies(body: AnomalyBody | null) {
  const api = useApi();
  return useQuery({ queryKey: ['anomalies', body], queryFn: ({ signal }) => api.anomalies(body!, signal), enabled: body !== null });
}

/** What the anomaly layer shows: the count and method, the API's reason when it cannot judge (a 422: too little history), or that it is on its way. */
function AnomalyCaption({ report, error }: { report: AnomalyReport | undefined; error: Error | null }) {
  const [text, state] = error ? [error.message, 'error'] : report ? [anomalyCaption(report), 'shown'] : ['Looking for anomalies…', 'loading'];
  return (
    <p className={`panel-caption trend-caption${error ? ' anomaly-problem' : ''}`} role="status" data-testid="anomaly-caption" data-state={state}>
      {text}
    </p>
  );
}

type Column = QueryResult['columns'][number];

function trendOption(result: QueryResult, metric: Column, currency: string, report: AnomalyReport | undefined): ChartOption {
  const id = metric.name;
  const unit = metric.unit ?? 'count';
  const buckets = result.rows.map((r) => String(r.date));
  const current = result.rows.map((r) => r[id] as number | null);
  const previousRows = result.comparison?.rows ?? [];
  const previous = previousRows.map((r) => r[id] as number | null);
  const format = (v: number | null) => formatValue(v, unit, currency);
  const judged = report ? pointsByDate(report) : null;
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 64, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, left: 0, data: ['This period', 'Previous period', ...(report ? [{ name: BAND_NAME, icon: 'rect' }, MARKER_NAME] : [])] },
    tooltip: {
      trigger: 'axis',
      className: 'trend-tooltip',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const before = previousRows[index]?.date ? ` (${String(previousRows[index].date)})` : '';
        const partial = result.rows[index]?.partial === true ? ' (partial)' : '';
        const lines = `${buckets[index]}${partial}: <b>${format(current[index])}</b><br/>previous${before}: ${format(previous[index] ?? null)}`;
        const judgedLines = judged && report ? anomalyTooltip(judged.get(buckets[index]), report.sensitivity, format) : '';
        return judgedLines ? `${lines}<br/>${judgedLines}` : lines;
      },
    },
    xAxis: { type: 'category', data: buckets, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency) } },
    series: [
      { name: 'This period', type: 'line', data: current, showSymbol: buckets.length < 40, lineStyle: { width: 2, color: '#1d4ed8' }, itemStyle: { color: '#1d4ed8' } },
      { name: 'Previous period', type: 'line', data: previous, showSymbol: false, lineStyle: { width: 1.5, type: 'dashed', color: '#9ca3af' }, itemStyle: { color: '#9ca3af' } },
      ...(report ? anomalySeries(report, buckets) : []),
    ],
  };
}
