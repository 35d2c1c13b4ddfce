// Experiments: the A/B tests the workspace's experiment_exposure events name
// (GET /v1/experiments) and the readout of one on a metric
// (POST /v1/experiments/analyze): per treatment a sentence saying what it did
// against the control and whether it is significant, the sample ratio check,
// a forest plot of the lifts, the table per variant, and the API's warnings
// and notes. The experiment, metric, control, window (the whole test by
// default, or the toolbar's dates), CUPED and sequential testing live in the
// address; a refused readout shows the API's message.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { ExperimentReadout } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { FILTER_DIMENSIONS, withParams } from '../../frame/url-state';
import { useViewState } from '../../frame/use-view-state';
import { useCurrency, useSettings } from '../../frame/workspace-data';
import { ExperimentControls } from './experiment-controls';
import { ExperimentProblem, NoExperiments } from './experiment-problem';
import { analyzeBody, choiceParams, metricOption, parseExperimentChoices, type ExperimentChoices } from './experiments-queries';
import { LiftChart } from './lift-chart';
import { readoutSentence } from './readout-format';
import { ReadoutSummary } from './readout-summary';
import { SrmBanner } from './srm-banner';
import { VariantTable } from './variant-table';
import './experiments.css';

export function ExperimentsView() {
  const { state, update } = useViewState();
  const api = useApi();
  const currency = useCurrency();
  const settings = useSettings();
  const { choices, problems } = useMemo(() => parseExperimentChoices(state.params), [state.params]);
  const list = useQuery({ queryKey: ['experiments'], queryFn: ({ signal }) => api.experiments(signal) });
  const experiments = list.data?.experiments ?? [];
  const latest = experiments[0]?.experiment ?? null;
  const experiment = choices.experiment ?? latest;
  const body = useMemo(() => (experiment ? analyzeBody(choices, experiment, state.range) : null), [choices, experiment, state.range]);
  const readout = useQuery({
    queryKey: ['experiment', body],
    queryFn: ({ signal }) => api.analyzeExperiment(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
  const change = useCallback((next: Partial<ExperimentChoices>) => update((s) => ({ ...s, params: withParams(s.params, choiceParams(next)) })), [update]);

  const filtered = FILTER_DIMENSIONS.filter((d) => state.filters[d].length > 0);
  const report = readout.error ? undefined : readout.data;
  const empty = list.data !== undefined && experiments.length === 0 && choices.experiment === null;

  let result: ReactNode;
  if (readout.error) result = <ExperimentProblem error={readout.error} choices={choices} latest={latest} onChange={change} />;
  else if (!report) result = list.error && !experiment ? <Notice>There is no experiment to read out until the list above loads.</Notice> : <Skeleton lines={8} height={320} />;
  // The metric of the answer shown (the previous answer stays, dimmed, while the next loads).
  else result = <Readout readout={report} metric={report.source?.metric ?? choices.metric} currency={currency} cupedAsked={choices.cuped} />;

  return (
    <div className="view experiments">
      {problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      {filtered.length > 0 ? (
        <Notice>
          The {filtered.join(' and ')} filter{filtered.length > 1 ? 's do' : ' does'} not narrow an experiment: its readout counts everyone exposed to it.
        </Notice>
      ) : null}
      <Panel title="Experiment" testId="experiment-controls-panel">
        {list.error ? <ErrorMessage error={list.error} /> : null}
        {empty ? (
          <NoExperiments />
        ) : (
          <ExperimentControls
            choices={choices}
            experiment={experiment}
            experiments={experiments}
            conversionTypes={settings.data?.settings.conversion_types ?? []}
            range={state.range}
            shownControl={report?.control ?? null}
            onChange={change}
          />
        )}
      </Panel>
      {report ? <SrmBanner readout={report} /> : null}
      {empty ? null : (
        <Panel title={experiment ? `${experiment}: ${metricOption(choices.metric).label.toLowerCase()}` : 'Readout'} testId="experiment-panel">
          <div
            className={`experiment-result${readout.isFetching && report ? ' stale' : ''}`}
            data-testid="experiment-result"
            aria-busy={readout.isFetching}
            data-ready={!readout.isFetching && !!report}
            data-experiment={report?.source?.experiment}
            data-metric={report?.source?.metric}
            data-from={report?.source?.from}
            data-to={report?.source?.to}
            data-cuped={report ? String(report.cuped !== null) : undefined}
            data-sequential={report ? String(report.sequential !== null) : undefined}
            data-control={report?.control}
          >
            {result}
          </div>
        </Panel>
      )}
    </div>
  );
}

function Readout({ readout, metric, currency, cupedAsked }: { readout: ExperimentReadout; metric: string; currency: string; cupedAsked: boolean }) {
  // The sample ratio warning is the banner above; the rest are what to check before trusting the numbers.
  const names = [...readout.variants.map((v) => v.name), metric];
  const warnings = readout.warnings.filter((w) => w.code !== 'sample_ratio_mismatch').map((w) => readoutSentence(w.message, names));
  return (
    <>
      <ReadoutSummary readout={readout} metric={metric} currency={currency} cupedAsked={cupedAsked} />
      <Callouts title="Before you trust this" items={warnings} tone="notice" testId="experiment-warnings" />
      <LiftChart readout={readout} metric={metric} currency={currency} />
      <VariantTable readout={readout} metric={metricOption(metric)} currency={currency} />
      <div className="experiment-notes-gap" />
      <Callouts title="How the data was read" items={readout.notes.map((n) => readoutSentence(n, names))} tone="info" testId="experiment-notes" />
    </>
  );
}
