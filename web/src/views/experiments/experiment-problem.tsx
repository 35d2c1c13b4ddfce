// What the page says when there is no readout to show: a readout the API
// refused — an experiment no exposure names (404), one it cannot read out
// (422: one variant, no exposure in the window), a metric it cannot read per
// person (400) — with its message and a way out; and a workspace without
// experiments, with how to send the exposures Beacon reads them from.
import { ApiError } from '../../api/client';
import { sentence } from '../../frame/format';
import { ErrorMessage } from '../../frame/panel';
import { DEFAULT_METRIC, metricOption, type ExperimentChoices } from './experiments-queries';

const TITLES: Record<number, string> = {
  400: 'Beacon cannot read this experiment on that metric.',
  404: 'Beacon has no exposures of this experiment.',
  422: 'This experiment cannot be read out.',
};

interface ProblemProps {
  error: unknown;
  choices: ExperimentChoices;
  /** The most recently exposed experiment, offered when the one asked for is unknown. */
  latest: string | null;
  onChange: (next: Partial<ExperimentChoices>) => void;
}

export function ExperimentProblem({ error, choices, latest, onChange }: ProblemProps) {
  if (!(error instanceof ApiError) || !TITLES[error.status]) return <ErrorMessage error={error} />;
  const details = Array.isArray(error.details) ? (error.details as { field?: unknown; message?: unknown }[]) : [];
  const reasons = details.filter((d) => typeof d.message === 'string' && typeof d.field === 'string').map((d) => sentence(`${d.field as string} ${d.message as string}`));
  const metricRefused = error.status === 400 && details.some((d) => d.field === 'metric');
  return (
    <div className="message error" role="alert" data-testid="experiment-error" data-status={error.status}>
      <strong>{TITLES[error.status]}</strong> {error.status === 400 && reasons.length > 0 ? reasons.join(' ') : sentence(error.message)}
      {error.requestId ? <span className="request-id"> (request {error.requestId})</span> : null}
      <div className="error-actions">
        {error.status === 404 && latest && latest !== choices.experiment ? (
          <button type="button" onClick={() => onChange({ experiment: latest, control: null })} data-testid="experiment-fix-latest">
            Show {latest}
          </button>
        ) : null}
        {error.status === 422 && choices.window === 'range' ? (
          <button type="button" onClick={() => onChange({ window: 'whole' })} data-testid="experiment-fix-window">
            Read the whole test
          </button>
        ) : null}
        {metricRefused && choices.metric !== DEFAULT_METRIC ? (
          <button type="button" onClick={() => onChange({ metric: DEFAULT_METRIC })} data-testid="experiment-fix-metric">
            Use {metricOption(DEFAULT_METRIC).label.toLowerCase()}
          </button>
        ) : null}
        {error.status === 400 && choices.control ? (
          <button type="button" onClick={() => onChange({ control: null })} data-testid="experiment-fix-control">
            Let Beacon pick the control
          </button>
        ) : null}
      </div>
    </div>
  );
}

const EXAMPLE = `{
  "event_id": "exp-0001",
  "type": "experiment_exposure",
  "timestamp": "2026-12-01T10:00:00Z",
  "anonymous_id": "visitor-123",
  "url": "https://shop.example/checkout",
  "properties": { "experiment": "checkout_button", "variant": "green" }
}`;

/** No experiment_exposure event names an experiment yet: how to send them. */
export function NoExperiments() {
  return (
    <div className="no-experiments" data-testid="no-experiments">
      <p>
        No experiments yet. Beacon reads A/B tests from <code>experiment_exposure</code> events: send one to <code>POST /v1/events</code> each time a person sees a variant, naming the test
        in <code>properties.experiment</code> and the variant in <code>properties.variant</code>.
      </p>
      <pre className="code-sample">{EXAMPLE}</pre>
      <p className="hint">
        Each person counts in the variant they saw first; this page then compares the variants on conversion rate, revenue, conversions or page views per person, or any event such as a
        sign-up, with the control as the baseline.
      </p>
    </div>
  );
}
