// A cohorts request the API refused (400): its reason in the panel, and a way
// out when one is plain — by month instead of by week, or the last 12 months.
import type { ApiError } from '../../api/client';
import { sentence } from '../../frame/format';
import { quickRanges, type ChoiceChange, type CohortChoices } from './cohorts-queries';

export function RequestProblem({ error, choices, onChange, today }: { error: ApiError; choices: CohortChoices; onChange: ChoiceChange; today: string }) {
  const details = Array.isArray(error.details) ? (error.details as { field?: unknown; message?: unknown }[]) : [];
  const reasons = details.filter((d) => typeof d.message === 'string').map((d) => sentence(`${typeof d.field === 'string' ? `${d.field} ` : ''}${d.message as string}`));
  const tooLong = details.some((d) => d.field === 'from') && choices.by === 'week';
  const year = quickRanges(today).find((q) => q.id === 'months_12')!;
  return (
    <div className="message error" role="alert" data-testid="cohort-error">
      <strong>Beacon cannot build these cohorts.</strong> {reasons.length > 0 ? reasons.join(' ') : sentence(error.message)}
      {error.requestId ? <span className="request-id"> (request {error.requestId})</span> : null}
      <div className="error-actions">
        {tooLong ? (
          <button type="button" onClick={() => onChange({ by: 'month' })} data-testid="cohort-fix-by-month">
            Show by month
          </button>
        ) : null}
        <button type="button" onClick={() => onChange({ by: year.by }, year.range)} data-testid="cohort-fix-range">
          Show the last 12 months
        </button>
      </div>
    </div>
  );
}
