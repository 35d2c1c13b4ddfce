// A forecast the API refused (a 400, or a 422: too little history for the
// model, a bucket without a value): its message in the panel, and the ways out
// that fit the reason — a longer range, another grain, the best-fitting model.
import { ApiError } from '../../api/client';
import { sentence } from '../../frame/format';
import type { ForecastChoices } from './forecast-queries';

interface ProblemProps {
  error: ApiError;
  choices: ForecastChoices;
  onChange: (change: Partial<ForecastChoices>) => void;
  onLongerRange: (() => void) | null;
}

/** Whether the API refused the request itself (rather than failing to answer it). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 400 || error.status === 422);
}

export function ForecastProblem({ error, choices, onChange, onLongerRange }: ProblemProps) {
  const fields = problemFields(error.details);
  const coarser = choices.grain === 'day' ? 'week' : choices.grain === 'week' ? 'month' : null;
  return (
    <div className="message error" role="alert" data-testid="forecast-error" data-status={error.status}>
      <strong>Beacon cannot forecast this.</strong> {sentence(error.message)}
      {error.requestId ? <span className="request-id"> (request {error.requestId})</span> : null}
      <div className="error-actions">
        {fields.has('from') && onLongerRange ? (
          <button type="button" onClick={onLongerRange} data-testid="forecast-fix-range">
            Use the last 90 days
          </button>
        ) : null}
        {fields.has('from') && choices.grain !== 'day' ? (
          <button type="button" onClick={() => onChange({ grain: 'day' })} data-testid="forecast-fix-grain">
            Forecast per day
          </button>
        ) : null}
        {fields.has('metric') && coarser ? (
          <button type="button" onClick={() => onChange({ grain: coarser })} data-testid="forecast-fix-grain">
            Forecast per {coarser}
          </button>
        ) : null}
        {choices.model !== 'auto' ? (
          <button type="button" onClick={() => onChange({ model: 'auto' })} data-testid="forecast-fix-model">
            Use the best-fitting model
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The fields an error names: `{ field }` for a 422, `[{ field, message }]` for a 400. */
function problemFields(details: unknown): Set<string> {
  const list = Array.isArray(details) ? details : [details];
  return new Set(list.map((d) => (d as { field?: unknown } | null)?.field).filter((f): f is string => typeof f === 'string'));
}
