// Funnels: how many of the people who entered a funnel in the range went on
// through each of its steps within a conversion window (POST /v1/funnels).
// The steps, window, order and breakdown are picked in the editor and kept in
// the address; the range comes from the toolbar. A step the server does not
// know is explained beside the editor, not as a failed page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { ApiError, type FunnelReport } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { FILTER_DIMENSIONS, withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCampaignNames, useSettings } from '../../frame/workspace-data';
import { FunnelEditor } from './funnel-editor';
import { BreakdownTable, FunnelNotes, FunnelSummary } from './funnel-results';
import { choiceParams, funnelBody, parseFunnelChoices, stepLabel, stepProblems, type FunnelChoices } from './funnels-queries';
import './funnels.css';

export function FunnelsView() {
  const { state, update } = useViewState();
  const api = useApi();
  const settings = useSettings();
  const { choices, problems } = useMemo(() => parseFunnelChoices(state.params), [state.params]);
  const body = useMemo(() => funnelBody(choices, state.range), [choices, state.range]);
  const funnel = useQuery({ queryKey: ['funnel', body], queryFn: ({ signal }) => api.funnels(body, signal), placeholderData: keepPreviousData });

  const change = useCallback((next: FunnelChoices) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);

  const badRequest = funnel.error instanceof ApiError && funnel.error.status === 400 ? stepProblems(funnel.error.details, funnel.error.message) : null;
  const filtered = FILTER_DIMENSIONS.filter((d) => state.filters[d].length > 0);
  const report = funnel.data;
  const busy = funnel.isFetching;

  let result: ReactNode;
  if (badRequest) result = <Notice>The funnel cannot be counted until the steps above are fixed.</Notice>;
  else if (funnel.error) result = <ErrorMessage error={funnel.error} />;
  else if (!report) result = <Skeleton lines={7} height={320} />;
  else if (report.entered === 0) result = <NoOneEntered report={report} />;
  else result = <FunnelSummary report={report} />;

  return (
    <div className="view funnels">
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      {filtered.length > 0 ? (
        <Notice>
          The {filtered.join(' and ')} filter{filtered.length > 1 ? 's do' : ' does'} not narrow a funnel: it counts everyone who entered. To compare channels or campaigns, split the funnel by them
          below.
        </Notice>
      ) : null}
      <Panel title="Funnel steps" testId="funnel-editor-panel">
        <FunnelEditor choices={choices} onChange={change} problems={badRequest} conversionTypes={settings.data?.settings.conversion_types ?? []} />
      </Panel>
      <Panel title={`Funnel: ${choices.steps.map(stepLabel).join(' → ')}`} testId="funnel-panel">
        <div
          className={`funnel-result${busy && report ? ' stale' : ''}`}
          data-testid="funnel-result"
          aria-busy={busy}
          data-steps={report && !badRequest ? report.params.steps.join('|') : undefined}
          data-window={report?.params.window_days}
          data-order={report?.params.order}
          data-by={report?.params.by ?? ''}
        >
          {result}
        </div>
      </Panel>
      {choices.breakdown && !badRequest ? <BreakdownPanel report={report?.breakdown ? report : null} error={funnel.error} breakdown={choices.breakdown} range={state.range} /> : null}
    </div>
  );
}

function NoOneEntered({ report }: { report: FunnelReport }) {
  return (
    <>
      <Notice>
        No one entered this funnel from {report.params.from} to {report.params.to}. Try a longer range, or start the funnel with a step people do more often.
      </Notice>
      <div className="funnel-notes-gap" />
      <FunnelNotes notes={report.notes} />
    </>
  );
}

interface BreakdownPanelProps {
  report: FunnelReport | null;
  error: unknown;
  breakdown: 'channel' | 'campaign';
  range: { from: string; to: string };
}

function BreakdownPanel({ report, error, breakdown, range }: BreakdownPanelProps) {
  // Campaigns are shown by their names.
  const campaigns = useCampaignNames(range, breakdown === 'campaign');
  const nameOf = useCallback((key: string) => campaigns.get(key) ?? key, [campaigns]);
  return (
    <Panel title={breakdown === 'channel' ? 'By channel of entry' : 'By campaign of entry'} testId="breakdown-panel">
      {error ? <ErrorMessage error={error} /> : !report || report.breakdown?.by !== breakdown ? <Skeleton lines={5} /> : <BreakdownTable report={report} nameOf={nameOf} />}
    </Panel>
  );
}
