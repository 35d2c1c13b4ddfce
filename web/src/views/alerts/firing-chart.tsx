// One firing's metric over the 30 buckets of its grain ending with the one it
// fired on: the series as /v1/query answers it with the firing's filters, a
// red line and point at the bucket it fired on, and for a threshold the line
// it crossed.
import { useMemo } from 'react';
import type { AlertFiring, CatalogMetric } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatAxis, formatValue, type DisplayUnit } from '../../frame/format';
import { ErrorMessage, Notice, Skeleton } from '../../frame/panel';
import { useMetricQuery } from '../../frame/workspace-data';
import { chartMetric, chartPoints, chartQuery, chartWindow, markedIndex, referenceLine, type ChartPoint } from './alerts-queries';

const LINE = '#1d4ed8';
const FIRED = '#b91c1c';

interface FiringChartProps {
  firing: AlertFiring;
  metric: CatalogMetric | undefined;
  currency: string;
}

export function FiringChart({ firing, metric, currency }: FiringChartProps) {
  const body = useMemo(() => chartQuery(firing), [firing]);
  const answer = useMetricQuery(body);
  const id = chartMetric(firing);
  const window = chartWindow(firing.query);
  const points = useMemo(() => (answer.data && id ? chartPoints(answer.data, id) : []), [answer.data, id]);
  const marked = markedIndex(points, window.marked);
  const reference = referenceLine(firing);
  const unit = (metric?.unit ?? 'count') as DisplayUnit;
  const label = metric?.label ?? id ?? '';
  const option = useMemo(() => firingOption(points, marked, reference, unit, currency, label), [points, marked, reference, unit, currency, label]);

  if (body === null) return <Notice>This firing judged a funnel’s conversion, which has no series to chart.</Notice>;
  if (answer.error) return <ErrorMessage error={answer.error} />;
  if (!answer.data) return <Skeleton lines={6} height={260} />;
  const markedBucket = points[marked]?.bucket;
  return (
    <div
      className="alert-chart"
      data-testid="alert-chart"
      data-metric={id}
      data-grain={window.grain}
      data-from={window.from}
      data-to={window.to}
      data-buckets={points.length}
      data-marked={markedBucket}
      data-reference={reference ?? undefined}
    >
      <Chart
        option={option}
        height={260}
        label={`${label} per ${window.grain} from ${window.from} to ${window.to}${markedBucket ? `; fired on ${markedBucket}` : ''}${reference !== null ? `; threshold ${formatValue(reference, unit, currency)}` : ''}`}
      />
      <p className="hint alert-chart-caption">
        {label} per {window.grain}
        {firing.query.filters && firing.query.filters.length > 0 ? ' with the rule’s filters' : ''}, {window.from} to {window.to}; the red mark is the {window.grain} it fired on
        {reference !== null ? ', the dashed line its threshold' : ''}.
      </p>
    </div>
  );
}

function firingOption(points: readonly ChartPoint[], marked: number, reference: number | null, unit: DisplayUnit, currency: string, label: string): ChartOption {
  const buckets = points.map((p) => p.bucket);
  const values = points.map((p) => p.value);
  const highest = Math.max(0, ...values.filter((v): v is number => v !== null));
  const bucket = buckets[marked];
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatValue(typeof v === 'number' ? v : null, unit, currency) },
    xAxis: { type: 'category', data: buckets, axisLabel: { hideOverlap: true, color: '#4b5563' } },
    yAxis: {
      type: 'value',
      // The threshold stays in view when the series never reached it.
      ...(reference !== null && reference > highest ? { max: Math.ceil(reference * 1.15) } : {}),
      axisLabel: { formatter: (v: number) => formatAxis(v, unit, currency), color: '#4b5563' },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    series: [
      {
        type: 'line',
        name: label,
        data: values,
        showSymbol: points.length <= 60,
        symbolSize: 4,
        lineStyle: { width: 2, color: LINE },
        itemStyle: { color: LINE },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            ...(bucket
              ? [
                  {
                    xAxis: bucket,
                    lineStyle: { color: FIRED, type: 'solid' as const, width: 1, opacity: 0.6 },
                    label: { position: 'end' as const, color: FIRED, fontSize: 11, fontWeight: 'bold' as const, formatter: () => 'fired' },
                  },
                ]
              : []),
            ...(reference !== null
              ? [
                  {
                    yAxis: reference,
                    lineStyle: { color: FIRED, type: 'dashed' as const, width: 1.5 },
                    label: {
                      position: 'insideStartTop' as const,
                      color: FIRED,
                      backgroundColor: 'rgba(255, 255, 255, 0.85)',
                      padding: [1, 4],
                      formatter: () => `threshold ${formatValue(reference, unit, currency)}`,
                    },
                  },
                ]
              : []),
          ],
        },
      },
      {
        type: 'line',
        name: 'fired',
        data: values.map((v, i) => (i === marked ? v : null)),
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 11,
        lineStyle: { opacity: 0 },
        itemStyle: { color: FIRED, borderColor: '#fff', borderWidth: 2 },
        tooltip: { show: false },
        z: 3,
      },
    ],
  };
}
