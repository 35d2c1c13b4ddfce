// The recommendation in figures: the budget against what the range spent, and
// the outcome expected at the recommended split against the current one, each
// with its 95 % interval; and, said plainly, when the current split is
// already the best one or no split meets the target.
import type { BudgetReport } from '../../api/client';
import { Figure } from '../../frame/figure';
import { formatChange, formatValue, type DisplayUnit } from '../../frame/format';
import { expectedChange, formatInterval, outcomeUnit } from './budget-format';

export function BudgetSummary({ report }: { report: BudgetReport }) {
  const money = (v: number) => formatValue(v, 'money', report.currency);
  const unit = outcomeUnit(report.outcome);
  const spendChange = report.current_total > 0 ? ((report.recommended_total - report.current_total) / report.current_total) * 100 : null;
  const target = report.target === null ? null : 'roas' in report.target ? `a ROAS of at least ${formatValue(report.target.roas, 'ratio')}` : `a CPA of at most ${money(report.target.cpa)}`;
  return (
    <>
      <dl className="budget-figures" data-testid="budget-summary">
        <Figure id="budget" label="Budget" value={money(report.total_budget)} detail={`for ${report.days} days, as long as the history`} />
        <Figure id="current-spend" label="Spent in the history" value={money(report.current_total)} detail={`${report.from} to ${report.to}, by the keys that spent`} />
        <Figure
          id="recommended-spend"
          label="Recommended spend"
          value={money(report.recommended_total)}
          detail={`${formatChange(spendChange)} on the history${target ? `, keeping ${target}` : ''}`}
        />
        <Figure
          id="expected"
          label={`Expected ${report.outcome}`}
          value={formatValue(report.expected.value, unit, report.currency)}
          detail={interval(report.expected, unit, report.currency)}
          strong
        />
        <Figure
          id="expected-current"
          label="At the current split"
          value={formatValue(report.expected_current.value, unit, report.currency)}
          detail={`${interval(report.expected_current, unit, report.currency)}; the recommendation: ${formatChange(expectedChange(report))}`}
        />
      </dl>
      {report.keeps_current_split ? (
        <div className="message info budget-verdict" role="status" data-testid="budget-keeps-split">
          <strong>The current split is already the best one.</strong> Moving money between {report.by === 'channel' ? 'channels' : 'campaigns'} would not raise the expected{' '}
          {report.outcome}; the reasons below say why.
        </div>
      ) : null}
      {!report.feasible ? (
        <div className="message notice budget-verdict" role="status" data-testid="budget-infeasible">
          <strong>No split meets {target ?? 'the constraints'}.</strong> The reasons below say what stands in the way.
        </div>
      ) : null}
    </>
  );
}

/** "95% interval $213,914–$460,253", or that there is none. */
function interval(estimate: BudgetReport['expected'], unit: DisplayUnit, currency: string): string {
  const ends = formatInterval(estimate, unit, currency);
  return ends === null ? 'no interval' : `95% interval ${ends}`;
}
