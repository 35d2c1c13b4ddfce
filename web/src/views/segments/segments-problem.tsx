// An assessment the API refused (a 400, or a 422: a sum such as cost is no
// ratio to judge, a dimension the metric is not read by): its message in the
// panel, and a way back to a ratio that can be judged.
import { ApiError } from '../../api/client';
import { sentence } from '../../frame/format';

/** Whether the API refused the request itself (rather than failing to answer it). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 400 || error.status === 422);
}

export function SegmentsProblem({ error, metric, onUseMetric }: { error: ApiError; metric: string; onUseMetric: (metric: string) => void }) {
  return (
    <div className="message error" role="alert" data-testid="segments-error" data-status={error.status}>
      <strong>Beacon cannot judge segments on this.</strong> {sentence(error.message)}
      {error.requestId ? <span className="request-id"> (request {error.requestId})</span> : null}
      {metric !== 'ctr' ? (
        <div className="error-actions">
          <button type="button" onClick={() => onUseMetric('ctr')} data-testid="segments-fix-metric">
            Judge CTR instead
          </button>
        </div>
      ) : null}
    </div>
  );
}
