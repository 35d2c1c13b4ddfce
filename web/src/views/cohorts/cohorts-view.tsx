// Cohorts: customers grouped by the week or month they were acquired in (the
// toolbar's range picks the acquisition dates, its channel filter the
// acquisition channel), and what each cohort did in every period since —
// the % still buying or subscribed, or the revenue per customer so far — as
// a heatmap (POST /v1/cohorts). For subscriptions, the retention model's
// expected lifetime and projection; a breakdown by acquisition channel or
// campaign compares their averages and opens their cohorts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { sentence } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { BreakdownPanel } from './cohort-breakdown';
import { CohortControls } from './cohort-controls';
import { CohortMatrix, NoCustomers } from './cohort-matrix';
import { RetentionModelSummary } from './cohort-model';
import { RequestProblem } from './cohort-request-problem';
import { choiceParams, cohortBody, METRIC_TITLES, NO_KEY, parseCohortChoices, type ChoiceChange, type CohortChoices } from './cohorts-queries';
import './cohorts.css';

export function CohortsView() {
  const { state, update, today } = useViewState();
  const api = useApi();
  const { choices, problems } = useMemo(() => parseCohortChoices(state.params), [state.params]);
  const { body, ignored } = useMemo(() => cohortBody(choices, state.range, state.filters), [choices, state.range, state.filters]);
  const cohorts = useQuery({ queryKey: ['cohorts', body], queryFn: ({ signal }) => api.cohorts(body, signal), placeholderData: keepPreviousData });

  const change = useCallback<ChoiceChange>(
    (next, range) =>
      update((s) => {
        const params = withParams(s.params, choiceParams({ ...choices, ...next }));
        return range ? { ...s, preset: 'custom', range, params } : { ...s, params };
      }),
    [update, choices],
  );
  const onlyChannel = useCallback((channel: string) => update((s) => ({ ...s, filters: { ...s.filters, channel: [channel] } })), [update]);

  const report = cohorts.data;
  const badRequest = cohorts.error instanceof ApiError && cohorts.error.status === 400 ? cohorts.error : null;
  const channel = body.channel ?? null;
  const model = report?.matrix.model ?? null;
  // The model belongs to the answer shown (the previous one stays while the next loads).
  const showsModel = report?.metric === 'retention' && report.activity === 'subscription';

  let result: ReactNode;
  if (badRequest) result = <RequestProblem error={badRequest} choices={choices} onChange={change} today={today} />;
  else if (cohorts.error) result = <ErrorMessage error={cohorts.error} />;
  else if (!report) result = <Skeleton lines={8} height={320} />;
  else if (report.matrix.customers === 0) result = <NoCustomers report={report} />;
  else result = <CohortMatrix report={report} matrix={report.matrix} testId="cohort-table" />;

  return (
    <div className="view cohorts">
      {[...problems, ...ignored].map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title={`${METRIC_TITLES[choices.metric]} by ${choices.by} of acquisition`} testId="cohort-panel">
        <CohortControls choices={choices} onChange={change} range={state.range} today={today} />
        <p className="panel-caption cohort-caption" data-testid="cohort-caption">
          {describe(choices, state.range, channel)}
        </p>
        <div
          className={`cohort-result${cohorts.isFetching && report ? ' stale' : ''}`}
          data-testid="cohort-result"
          aria-busy={cohorts.isFetching}
          data-ready={!cohorts.isFetching && !!report && !cohorts.error}
          data-by={report?.by}
          data-metric={report?.metric}
          data-activity={report?.activity}
          data-from={report?.from}
          data-to={report?.to}
          data-channel={report?.channel ?? ''}
        >
          {result}
        </div>
      </Panel>
      {showsModel && report && !cohorts.error && report.matrix.customers > 0 ? (
        <Panel title="How long subscribers stay" testId="cohort-model-panel">
          <Callouts title="The retention model warns" items={report.matrix.warnings.map(sentence)} tone="notice" testId="cohort-model-warnings" />
          {model ? <RetentionModelSummary matrix={report.matrix} model={model} by={report.by} /> : null}
        </Panel>
      ) : null}
      {choices.breakdown && !badRequest ? (
        <BreakdownPanel report={report?.dimension === choices.breakdown ? report : null} error={cohorts.error} choices={choices} range={state.range} onChange={change} onOnlyChannel={onlyChannel} />
      ) : null}
    </div>
  );
}

/** The caption under the controls: whose cohorts these are and what a cell says. */
function describe(choices: CohortChoices, range: { from: string; to: string }, channel: string | null): string {
  const who = `Customers acquired from ${range.from} to ${range.to}${channel ? (channel === NO_KEY ? ' without an acquisition channel' : ` through ${channel}`) : ''}, grouped by the ${choices.by} of their first order (or CRM customer stage).`;
  const zero = `${choices.by === 'month' ? 'Month' : 'Week'} 0 is the ${choices.by} of acquisition.`;
  if (choices.metric === 'revenue') return `${who} Each cell: completed-order revenue per customer of the cohort, added up from acquisition through that ${choices.by}. ${zero}`;
  const active = choices.activity === 'subscription' ? `were subscribed at some time in that ${choices.by}` : `placed a completed order in that ${choices.by}`;
  return `${who} Each cell: the % of the cohort who ${active}. ${zero}`;
}
