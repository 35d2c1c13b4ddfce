// Explain a change: why a KPI moved between the previous period (or the same
// days a year before) and the toolbar's range (POST /v1/explain) — the API's
// sentence, a waterfall from the value before through each driver's part to
// the value now, the drivers table, and with a split the segments' parts
// (mix and rate for a ratio). The choices live in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ExplainReport } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { formatValue, sentence } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog } from '../../frame/workspace-data';
import { BreakdownTable } from './breakdown-table';
import { DriversTable } from './drivers-table';
import { methodWords } from './explain-format';
import { ExplainControls } from './explain-controls';
import { ExplainHeadline } from './explain-headline';
import { choiceParams, dimensionLabel, explainBody, parseExplainChoices, type ExplainChoices } from './explain-queries';
import { axisFloor, waterfallBars, type WaterfallBar } from './waterfall';
import { WaterfallChart } from './waterfall-chart';
import './explain.css';

export function ExplainView() {
  const { state, update } = useViewState();
  const api = useApi();
  const catalog = useCatalog();
  const parsed = useMemo(() => parseExplainChoices(state.params), [state.params]);
  const choices = parsed.choices;
  const body = useMemo(() => explainBody(choices, state.range, state.filters), [choices, state.range, state.filters]);
  const explained = useQuery({ queryKey: ['explain', body], queryFn: ({ signal }) => api.explain(body, signal), placeholderData: keepPreviousData });
  const change = useCallback((next: Partial<ExplainChoices>) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);

  const report = explained.error ? undefined : explained.data;
  const label = catalog.data?.metrics.find((m) => m.id === choices.metric)?.label ?? report?.label ?? choices.metric;

  let result: ReactNode;
  if (explained.error) result = <ErrorMessage error={explained.error} />;
  else if (!report) result = <Skeleton lines={6} height={200} />;
  else result = <ExplainHeadline report={report} />;

  return (
    <div className="view explain">
      {parsed.problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title={`Explain the change in ${label}`} testId="explain-panel">
        <ExplainControls choices={choices} catalog={catalog.data?.metrics ?? []} onChange={change} />
        <div
          className={`explain-result${explained.isFetching && report ? ' stale' : ''}`}
          data-testid="explain-result"
          aria-busy={explained.isFetching}
          data-ready={!explained.isFetching && !!report}
          data-metric={report?.metric}
          data-from={report?.period.from}
          data-to={report?.period.to}
          data-compare={report?.compare}
          data-by={report?.breakdown?.dimension ?? ''}
        >
          {result}
          {report ? <Callouts title="Good to know" items={report.notes.map(sentence)} tone="info" testId="explain-notes" /> : null}
        </div>
      </Panel>
      {report ? <ExplainDetails report={report} /> : null}
    </div>
  );
}

/** The waterfall, the drivers and the segments of one answer. */
function ExplainDetails({ report }: { report: ExplainReport }) {
  const bars = useMemo(
    () => (report.previous === null || report.current === null ? null : waterfallBars(report.previous, report.current, report.drivers, report.direction)),
    [report],
  );
  const floor = useMemo(() => (bars ? axisFloor(bars) : 0), [bars]);
  const [drawn, setDrawn] = useState<readonly WaterfallBar[] | null>(null);
  const method = methodWords(report.method, report.label);
  return (
    <>
      <Panel title={`What moved ${report.label}`} testId="explain-waterfall-panel">
        {bars ? (
          <div className="explain-chart" data-testid="explain-waterfall" data-ready={drawn === bars} data-bars={bars.length} data-labels={bars.map((b) => b.label).join('|')}>
            <ul className="explain-legend" aria-hidden="true">
              <li><span className="swatch end" />{report.label} before and now</li>
              <li><span className="swatch good" />moved it the good way</li>
              <li><span className="swatch bad" />moved it the bad way</li>
            </ul>
            <WaterfallChart
              bars={bars}
              floor={floor}
              unit={report.unit}
              currency={report.currency}
              label={`${report.label} before, each driver's part of its change, and ${report.label} now`}
              onRendered={() => setDrawn(bars)}
            />
            {floor > 0 ? (
              <p className="hint explain-chart-caption" data-testid="explain-axis-floor">
                The axis starts at {formatValue(floor, report.unit, report.currency)}, not zero, so the parts can be seen.
              </p>
            ) : null}
          </div>
        ) : (
          <Notice>{report.label} has no value in one of the periods (nothing to divide by), so its change cannot be split.</Notice>
        )}
      </Panel>
      <Panel title="Drivers" testId="explain-drivers-panel">
        {report.drivers.length > 0 ? <DriversTable report={report} /> : <p className="hint">{report.label} did not change: there is nothing to split.</p>}
        {method ? <p className="hint explain-method">{method}</p> : null}
      </Panel>
      {report.breakdown ? (
        <Panel title={`By ${dimensionLabel(report.breakdown.dimension)}`} testId="explain-breakdown-panel">
          {report.breakdown.segments.length > 0 ? (
            <BreakdownTable report={report} breakdown={report.breakdown} />
          ) : (
            <p className="hint">No {dimensionLabel(report.breakdown.dimension)} has data in either period.</p>
          )}
        </Panel>
      ) : null}
    </>
  );
}
