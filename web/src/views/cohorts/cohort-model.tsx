// The retention model of subscription cohorts: how long a subscriber stays,
// in words, and the share of subscribers still subscribed after each period
// as observed beside the shifted-beta-geometric model's curve, which goes on
// past the longest cohort as the projection.
import { useMemo } from 'react';
import type { CohortReport } from '../../api/client';
import { Chart, type ChartOption } from '../../frame/chart';
import { formatValue } from '../../frame/format';
import { lifetimeSentence, modelSurvival, observedSurvival, periodHeading, unitName, type Grain, type RetentionModel } from './cohorts-queries';

type Matrix = CohortReport['matrix'];

const OBSERVED = 'Observed';
const MODEL = 'Model (sBG)';
const percent = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`);

export function RetentionModelSummary({ matrix, model, by }: { matrix: Matrix; model: RetentionModel; by: Grain }) {
  const last = model.projection.at(-1)?.period ?? model.observed_periods;
  const firstProjected = model.projection[0]?.period ?? last + 1;
  const observed = useMemo(() => observedSurvival(matrix, firstProjected), [matrix, firstProjected]);
  const curve = useMemo(() => modelSurvival(model, last), [model, last]);
  const end = model.projection.at(-1);
  return (
    <div className="model-summary" data-testid="cohort-model" data-lifetime={model.expected_lifetime ?? ''} data-projection={model.projection.map((p) => p.retention.toFixed(1)).join('|')}>
      <p className="model-lifetime" data-testid="cohort-lifetime">
        {lifetimeSentence(model, by)}
      </p>
      <dl className="model-figures">
        <div>
          <dt>Expected lifetime</dt>
          <dd>{model.expected_lifetime === null ? 'no limit' : `${model.expected_lifetime.toFixed(1)} ${unitName(by, 2)}`}</dd>
        </div>
        <div>
          <dt>Median lifetime</dt>
          <dd>{model.median_lifetime === null ? 'no limit' : `${model.median_lifetime} ${unitName(by, model.median_lifetime)}`}</dd>
        </div>
        {end ? (
          <div>
            <dt title={`% of a cohort's subscribers the model expects still subscribed ${end.period} ${unitName(by, end.period)} after acquisition`}>
              Still subscribed after {end.period} {unitName(by, end.period)}
            </dt>
            <dd>{percent(end.retention)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Fitted on</dt>
          <dd>
            {formatValue(model.subscribers, 'count')} subscribers, {formatValue(model.cohorts, 'count')} cohort{model.cohorts === 1 ? '' : 's'}
          </dd>
        </div>
      </dl>
      <SurvivalChart observed={observed} curve={curve} firstProjected={firstProjected} by={by} />
      <p className="hint model-hint">
        The share of each cohort's subscribers still subscribed, {by} by {by}: observed over the cohorts that have reached the {by}, and as the shifted-beta-geometric model fits
        it — each subscriber leaves with their own chance per {by}, the likelier leavers first, so those who stay become more loyal. The shaded {unitName(by, 2)} are projected.
      </p>
    </div>
  );
}

function SurvivalChart({ observed, curve, firstProjected, by }: { observed: (number | null)[]; curve: number[]; firstProjected: number; by: Grain }) {
  const labels = curve.map((_, t) => periodHeading(t, by));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 8 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => percent(typeof v === 'number' ? v : null) },
      xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true, fontSize: 11 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        {
          name: OBSERVED,
          type: 'line',
          data: labels.map((_, t) => (t < observed.length ? observed[t] : null)),
          symbolSize: 6,
          lineStyle: { width: 2.5, color: '#1d4ed8' },
          itemStyle: { color: '#1d4ed8' },
        },
        {
          name: MODEL,
          type: 'line',
          data: curve,
          symbol: 'none',
          lineStyle: { width: 2, type: 'dashed', color: '#d97706' },
          itemStyle: { color: '#d97706' },
          markArea:
            firstProjected < curve.length
              ? {
                  silent: true,
                  label: { position: 'insideTop', fontSize: 11, color: '#6b7280' },
                  itemStyle: { color: 'rgba(217, 119, 6, 0.07)' },
                  data: [[{ xAxis: labels[firstProjected - 1], name: 'projected' }, { xAxis: labels[curve.length - 1] }]],
                }
              : undefined,
        },
      ],
    }),
    [labels.join('|'), observed, curve, firstProjected],
  );
  return (
    <div className="model-chart" data-testid="cohort-model-chart" data-observed={observed.map((v) => (v === null ? '' : v.toFixed(1))).join('|')}>
      <Chart option={option} height={240} label={`subscribers remaining per ${by}, observed and as the retention model projects`} />
    </div>
  );
}
