// Underperforming segments: the segments of one to three dimensions that do
// significantly worse than the workspace on a ratio KPI over the toolbar's
// range (POST /v1/segments/underperforming) — the workspace's value, how many
// were judged and flagged, the flagged ones ranked by spend at stake, or that
// none is clearly worse; a metric that cannot be judged shows the API's why.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { sentence } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useCurrency } from '../../frame/workspace-data';
import { NoSegments } from './no-segments';
import { SegmentsControls } from './segments-controls';
import { dimensionsWords } from './segments-format';
import { isRefusal, SegmentsProblem } from './segments-problem';
import { choiceParams, parseSegmentsChoices, segmentsBody, type SegmentsChoices } from './segments-queries';
import { SegmentsSummary } from './segments-summary';
import { SegmentsTable } from './segments-table';
import './segments.css';

export function SegmentsView() {
  const { state, update } = useViewState();
  const api = useApi();
  const catalog = useCatalog();
  const currency = useCurrency();
  const parsed = useMemo(() => parseSegmentsChoices(state.params), [state.params]);
  const choices = parsed.choices;
  const body = useMemo(() => segmentsBody(choices, state.range, state.filters), [choices, state.range, state.filters]);
  const judged = useQuery({ queryKey: ['segments', body], queryFn: ({ signal }) => api.underperformingSegments(body, signal), placeholderData: keepPreviousData, retry: (count, error) => !isRefusal(error) && count < 2 });
  const change = useCallback((next: Partial<SegmentsChoices>) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);

  const report = judged.error ? undefined : judged.data;
  const label = catalog.data?.metrics.find((m) => m.id === choices.metric)?.label ?? report?.label ?? choices.metric;

  let result: ReactNode;
  if (isRefusal(judged.error)) result = <SegmentsProblem error={judged.error} metric={choices.metric} onUseMetric={(metric) => change({ metric })} />;
  else if (judged.error) result = <ErrorMessage error={judged.error} />;
  else if (!report) result = <Skeleton lines={6} />;
  else
    result = (
      <>
        <SegmentsSummary report={report} />
        {report.segments.length > 0 ? <SegmentsTable report={report} /> : <NoSegments report={report} />}
        <Callouts title="Good to know" items={report.notes.map(sentence)} tone="info" testId="segments-notes" />
      </>
    );

  return (
    <div className="view segments">
      {parsed.problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title={`Underperforming segments on ${label}`} testId="segments-panel">
        <SegmentsControls choices={choices} catalog={catalog.data?.metrics ?? []} currency={currency} onChange={change} />
        <p className="panel-caption segments-caption">
          The {dimensionsWords(choices.dimensions)} segments from {state.range.from} to {state.range.to}, each judged against the workspace with its value shrunk toward the pool
          by how much data it has, so a small segment cannot be flagged on noise.
        </p>
        <div
          className={`segments-result${judged.isFetching && report ? ' stale' : ''}`}
          data-testid="segments-result"
          aria-busy={judged.isFetching}
          data-ready={!judged.isFetching && (!!report || !!judged.error)}
          data-metric={report?.metric ?? ''}
          data-dimensions={report?.dimensions.join(',') ?? ''}
          data-from={report?.from}
          data-to={report?.to}
          data-flagged={report?.segments.length}
        >
          {result}
        </div>
      </Panel>
    </div>
  );
}
