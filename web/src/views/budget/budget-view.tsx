// Budget: how to split a budget across channels or campaigns, from response
// curves fitted on the toolbar's range (POST /v1/budget/recommend). The budget
// defaults to what the range spent (/v1/query), rounded. Shown: the figures,
// current against recommended spend per key, each key's curve with its
// operating points, a table, and the reasons. The choices live in the
// address; a refused request shows the API's message.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { BudgetReport } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { daysBetween, presetRange } from '../../frame/date-range';
import { formatValue } from '../../frame/format';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCampaignNames, useCurrency, useMetricQuery } from '../../frame/workspace-data';
import { BudgetBars } from './budget-bars';
import { BudgetControls } from './budget-controls';
import { BudgetCurves } from './budget-curves';
import { barRows, type BarRow } from './budget-format';
import { BudgetProblem, isRefusal } from './budget-problem';
import { budgetBody, choiceParams, MIN_HISTORY_DAYS, parseBudgetChoices, roundedBudget, spendQuery, type BudgetChoices } from './budget-queries';
import { BudgetReasons } from './budget-reasons';
import { BudgetSummary } from './budget-summary';
import { BudgetTable } from './budget-table';
import './budget.css';

export function BudgetView() {
  const { state, update, today } = useViewState();
  const api = useApi();
  const currency = useCurrency();
  const { choices, problems } = useMemo(() => parseBudgetChoices(state.params), [state.params]);
  const spend = useMetricQuery(useMemo(() => (choices.total === null ? spendQuery(state.range, state.filters) : null), [choices.total, state.range, state.filters]));
  const spent = spend.data?.totals.cost ?? null;
  const total = choices.total ?? (spent === null ? null : roundedBudget(spent));
  const body = useMemo(() => (total === null ? null : budgetBody(choices, total, state.range, state.filters)), [choices, total, state.range, state.filters]);
  const budget = useQuery({ queryKey: ['budget', body], queryFn: ({ signal }) => api.budget(body!, signal), enabled: body !== null, placeholderData: keepPreviousData, retry: false });
  const names = useCampaignNames(state.range, choices.by === 'campaign');

  const change = useCallback((next: Partial<BudgetChoices>) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);
  const longerRange = state.preset === 'last_90' ? null : () => update((s) => ({ ...s, preset: 'last_90', range: presetRange('last_90', today) }));

  const report = budget.error ? undefined : budget.data;
  const nothingSpent = choices.total === null && spent !== null && total === null;
  let result: ReactNode;
  if (isRefusal(budget.error)) result = <BudgetProblem error={budget.error} onLongerRange={longerRange} />;
  else if (budget.error) result = <ErrorMessage error={budget.error} />;
  else if (spend.error && choices.total === null) result = <ErrorMessage error={spend.error} />;
  else if (nothingSpent) result = <NoData range={state.range} />;
  else if (!report) result = <Skeleton lines={6} height={260} />;
  else result = <BudgetResult report={report} names={names} />;

  return (
    <div className="view budget">
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title="Budget recommendation" testId="budget-panel">
        <BudgetControls choices={choices} total={total} currency={currency} onChange={change} />
        <p className="panel-caption budget-caption" data-testid="budget-caption">
          {describe(choices, total, spent, state.range, currency)}
        </p>
        <div
          className={`budget-result${budget.isFetching && report ? ' stale' : ''}`}
          data-testid="budget-result"
          aria-busy={budget.isFetching}
          data-ready={!budget.isFetching && !!report}
          data-total={report?.total_budget}
          data-by={report?.by}
          data-outcome={report?.outcome}
          data-from={report?.from}
          data-to={report?.to}
          data-rows={report?.rows.length}
        >
          {result}
        </div>
      </Panel>
      {report ? (
        <>
          <Panel title="Response curves" testId="budget-curves-panel">
            <p className="panel-caption">
              Expected {report.outcome} over {report.days} days by the spend over those days. The shaded band is the spend the history was seen at: the curve is least reliable outside it.
            </p>
            <BudgetCurves report={report} names={names} />
          </Panel>
          <Panel title={`Per ${report.by}`} testId="budget-table-panel">
            <BudgetTable report={report} names={names} />
          </Panel>
          <Panel title="Why" testId="budget-reasons-panel">
            <BudgetReasons report={report} names={names} />
          </Panel>
        </>
      ) : null}
    </div>
  );
}

/** The figures and the bars of an answer. */
function BudgetResult({ report, names }: { report: BudgetReport; names: ReadonlyMap<string, string> }) {
  const rows = useMemo(() => barRows(report.rows, names), [report.rows, names]);
  const [drawn, setDrawn] = useState<readonly BarRow[] | null>(null);
  return (
    <>
      <BudgetSummary report={report} />
      <div className="budget-bars" data-testid="budget-bars" data-ready={drawn === rows}>
        <BudgetBars rows={rows} currency={report.currency} onRendered={() => setDrawn(rows)} />
      </div>
    </>
  );
}

/** The caption under the controls: what is split, over which history. */
function describe(choices: BudgetChoices, total: number | null, spent: number | null, range: { from: string; to: string }, currency: string): string {
  const days = daysBetween(range.from, range.to);
  const amount = total === null ? 'A budget' : formatValue(total, 'money', currency);
  const source = choices.total === null && spent !== null && total !== null ? ` (what the range spent, ${formatValue(spent, 'money', currency)}, rounded)` : '';
  const aim = choices.target === null ? `to maximise ${choices.objective}` : choices.objective === 'revenue' ? `keeping a ROAS of at least ${formatValue(choices.target, 'ratio')}` : `keeping a CPA of at most ${formatValue(choices.target, 'money', currency)}`;
  const short = days < MIN_HISTORY_DAYS ? ` Curves need at least ${MIN_HISTORY_DAYS} days of history.` : '';
  return `${amount}${source} for ${days} days, split by ${choices.by} ${aim}, from curves fitted on ${range.from} to ${range.to}; each ${choices.by} moves at most ${choices.maxChange}%.${short}`;
}
