// A budget the API refused (a 400: a history under 30 days, a target on the
// wrong outcome; a 422: nothing spent to fit on): its message in the panel,
// and a longer range when the history was too short.
import { ApiError } from '../../api/client';
import { sentence } from '../../frame/format';

interface ProblemProps {
  error: ApiError;
  /** Switches to the last 90 days; null when the range already is that. */
  onLongerRange: (() => void) | null;
}

/** Whether the API refused the request itself (rather than failing to answer it). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 400 || error.status === 422);
}

export function BudgetProblem({ error, onLongerRange }: ProblemProps) {
  const fields = new Set((Array.isArray(error.details) ? error.details : [error.details]).map((d) => (d as { field?: unknown } | null)?.field));
  return (
    <div className="message error" role="alert" data-testid="budget-error" data-status={error.status}>
      <strong>Beacon cannot recommend a budget for this.</strong> {sentence(error.message)}
      {error.requestId ? <span className="request-id"> (request {error.requestId})</span> : null}
      {(fields.has('to') || fields.has('from')) && onLongerRange ? (
        <div className="error-actions">
          <button type="button" onClick={onLongerRange} data-testid="budget-fix-range">
            Use the last 90 days
          </button>
        </div>
      ) : null}
    </div>
  );
}
