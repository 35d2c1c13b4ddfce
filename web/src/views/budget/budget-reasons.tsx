// Why the recommendation is what it is, in the API's words; the keys that
// were left out (outcome without spend: nothing to move, no curve to fit);
// and what to know about the data behind it.
import type { BudgetReport } from '../../api/client';
import { Callouts } from '../../frame/callouts';
import { formatValue, sentence } from '../../frame/format';
import { keyLabel, outcomeUnit, reasonText } from './budget-format';

export function BudgetReasons({ report, names }: { report: BudgetReport; names: ReadonlyMap<string, string> }) {
  const unit = outcomeUnit(report.outcome);
  const keys = new Set(report.rows.map((r) => r.key));
  return (
    <>
      <ol className="budget-reasons" data-testid="budget-reasons">
        {report.reasons.map((reason) => (
          <li key={reason}>{reasonText(reason, keys, names)}</li>
        ))}
      </ol>
      {report.excluded.length > 0 ? (
        <div className="budget-excluded" data-testid="budget-excluded">
          <h3>Not allocated</h3>
          <ul>
            {report.excluded.map((e) => (
              <li key={e.key} data-key={e.key}>
                <strong>{keyLabel(e.key, names)}</strong> <span className="budget-excluded-outcome">{formatValue(e.outcome, unit, report.currency)} {report.outcome}</span> — {e.why}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Callouts title="Good to know" items={report.notes.map(sentence)} tone="info" testId="budget-notes" />
    </>
  );
}
