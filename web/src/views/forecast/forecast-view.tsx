// Forecast: any catalog metric's totals per day, week or month over the
// toolbar's range and filters, fitted by exponential smoothing and projected
// with a prediction interval (POST /v1/forecast); drawn over the observed
// totals (/v1/query), with the model that was fitted and a table of the
// forecast. The choices live in the address; a refused forecast shows why.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ForecastReport, QueryResult } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { presetRange } from '../../frame/date-range';
import { sentence } from '../../frame/format';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { FILTER_DIMENSIONS, withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useCurrency, useMetricQuery } from '../../frame/workspace-data';
import { ForecastChart } from './forecast-chart';
import { ForecastControls } from './forecast-controls';
import { ForecastModel } from './forecast-model';
import { ForecastProblem, isRefusal } from './forecast-problem';
import { chartRows, choiceParams, DEFAULT_METRIC, forecastBody, forecastSpan, historyQuery, metricProblem, parseForecastChoices, type ChartRow, type ForecastChoices } from './forecast-queries';
import { ForecastTable } from './forecast-table';
import './forecast.css';

export function ForecastView() {
  const { state, update, today } = useViewState();
  const api = useApi();
  const catalog = useCatalog();
  const currency = useCurrency();
  const parsed = useMemo(() => parseForecastChoices(state.params, state.range), [state.params, state.range]);
  const ids = useMemo(() => new Set((catalog.data?.metrics ?? []).map((m) => m.id)), [catalog.data]);
  const unknownMetric = catalog.data ? metricProblem(parsed.choices.metric, ids) : null;
  const choices = useMemo(() => (unknownMetric ? { ...parsed.choices, metric: DEFAULT_METRIC } : parsed.choices), [parsed.choices, unknownMetric]);
  // A metric named in the address waits for the catalog to be checked; the default asks at once.
  const known = choices.metric === DEFAULT_METRIC || !!catalog.data || !!catalog.error;
  const body = useMemo(() => (known ? forecastBody(choices, state.range, state.filters) : null), [known, choices, state.range, state.filters]);
  const forecast = useQuery({ queryKey: ['forecast', body], queryFn: ({ signal }) => api.forecast(body!, signal), enabled: body !== null, placeholderData: keepPreviousData });
  const history = useMetricQuery(useMemo(() => (known ? historyQuery(choices, state.range, state.filters) : null), [known, choices, state.range, state.filters]));

  const change = useCallback((next: Partial<ForecastChoices>) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);
  const longerRange = state.preset === 'last_90' ? null : () => update((s) => ({ ...s, preset: 'last_90', range: presetRange('last_90', today) }));

  const report = forecast.error ? undefined : forecast.data;
  const label = catalog.data?.metrics.find((m) => m.id === choices.metric)?.label ?? report?.metric?.label ?? choices.metric;
  const problems = unknownMetric ? [...parsed.problems, unknownMetric] : parsed.problems;

  let result: ReactNode;
  if (isRefusal(forecast.error)) result = <ForecastProblem error={forecast.error} choices={choices} onChange={change} onLongerRange={longerRange} />;
  else if (forecast.error) result = <ErrorMessage error={forecast.error} />;
  else if (!report) result = <Skeleton lines={8} height={340} />;
  else result = <ForecastResult report={report} history={history.data} historyError={history.error} range={state.range} currency={currency} />;

  return (
    <div className="view forecast">
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title={`${label} forecast`} testId="forecast-panel">
        <ForecastControls choices={choices} catalog={catalog.data?.metrics ?? []} onChange={change} />
        <p className="panel-caption forecast-caption" data-testid="forecast-caption">
          {describe(label, choices, state.range, FILTER_DIMENSIONS.filter((d) => state.filters[d].length > 0), report)}
        </p>
        <div
          className={`forecast-result${forecast.isFetching && report ? ' stale' : ''}`}
          data-testid="forecast-result"
          aria-busy={forecast.isFetching}
          data-ready={!forecast.isFetching && !!report}
          data-metric={report?.metric?.id}
          data-grain={report?.grain}
          data-from={report?.metric?.from}
          data-to={report?.metric?.to}
          data-model={report?.model}
          data-points={report?.points.length}
        >
          {result}
        </div>
      </Panel>
      {report ? (
        <div className="forecast-details">
          <Panel title="How the forecast was made" testId="forecast-model-panel">
            <ForecastModel report={report} asked={choices.model} />
          </Panel>
          <Panel title={`Forecast per ${report.grain}`} testId="forecast-table-panel">
            <ForecastTable report={report} unit={report.metric?.unit ?? 'count'} currency={currency} />
          </Panel>
        </div>
      ) : null}
    </div>
  );
}

interface ResultProps {
  report: ForecastReport;
  history: QueryResult | undefined;
  historyError: unknown;
  range: { from: string; to: string };
  currency: string;
}

/** The answer's notes, then the history and the forecast on one chart. */
function ForecastResult({ report, history, historyError, range, currency }: ResultProps) {
  const metric = report.metric?.id ?? '';
  const rows = useMemo(() => chartRows(report, history, metric), [report, history, metric]);
  const [drawn, setDrawn] = useState<readonly ChartRow[] | null>(null);
  const empty = history !== undefined && rows.every((r) => r.actual === null || r.actual === 0);
  return (
    <>
      {empty ? <NoData range={range} /> : null}
      <Callouts title="Good to know" items={report.notes.map(sentence)} tone="info" testId="forecast-notes" />
      {historyError ? <ErrorMessage error={historyError} /> : null}
      <div
        className="forecast-chart"
        data-testid="forecast-chart"
        data-ready={drawn === rows && history !== undefined}
        data-dates={rows.length}
        data-actual={rows.map((r) => r.actual ?? '').join('|')}
      >
        <ForecastChart
          rows={rows}
          unit={report.metric?.unit ?? 'count'}
          currency={currency}
          level={report.level * 100}
          label={`${report.metric?.label ?? 'the series'} per ${report.grain}: observed, fitted and forecast with its interval`}
          onRendered={() => setDrawn(rows)}
        />
      </div>
    </>
  );
}

/** The caption under the controls: what is fitted and what is forecast. */
function describe(label: string, choices: ForecastChoices, range: { from: string; to: string }, filtered: readonly string[], report: ForecastReport | undefined): string {
  const what = `${label} per ${choices.grain} from ${range.from} to ${range.to}${filtered.length > 0 ? `, for the ${filtered.join(' and ')} chosen above` : ''}`;
  const span = report ? forecastSpan(report) : null;
  if (!report || !span) return `${what}, fitted by exponential smoothing and forecast ${choices.horizonDays} days ahead.`;
  const count = report.points.length;
  return `${what}: ${report.fitted.length} complete ${report.grain}s fitted, and ${count} ${report.grain}${count === 1 ? '' : 's'} forecast (${span.from} to ${span.to}) with a ${Math.round(report.level * 1000) / 10}% prediction interval.`;
}
