// The recommendation per key: current and recommended spend, the change, the
// outcome expected at the recommendation with its 95 % interval, the marginal
// return there, and the constraint holding the key; totals at the foot.
import type { BudgetReport, BudgetRow } from '../../api/client';
import { formatChange, formatValue, type DisplayUnit } from '../../frame/format';
import { BINDING_LABELS, BINDING_MEANINGS, changePercent, formatInterval, keyLabel, marginalLabel, marginalOf, outcomeUnit } from './budget-format';

interface TableProps {
  report: BudgetReport;
  names: ReadonlyMap<string, string>;
}

export function BudgetTable({ report, names }: TableProps) {
  const money = (v: number) => formatValue(v, 'money', report.currency);
  const unit = outcomeUnit(report.outcome);
  return (
    <div className="table-scroll">
      <table className="drill budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th scope="col">{report.by === 'channel' ? 'Channel' : 'Campaign'}</th>
            <th scope="col" className="num">
              Current
            </th>
            <th scope="col" className="num">
              Recommended
            </th>
            <th scope="col" className="num">
              Change
            </th>
            <th scope="col" className="num">
              Expected {report.outcome} (95%)
            </th>
            <th scope="col" className="num">
              {marginalLabel(report.outcome)}
            </th>
            <th scope="col">Held by</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.key} data-testid="budget-row" data-key={r.key} data-binding={r.binding ?? ''}>
              <th scope="row" title={r.key}>
                {keyLabel(r.key, names)}
              </th>
              <td className="num" data-field="current">
                {money(r.current)}
              </td>
              <td className="num" data-field="recommended">
                {money(r.recommended)}
              </td>
              <td className={`num change ${r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}`} data-field="change">
                {formatChange(changePercent(r.current, r.recommended))}
              </td>
              <td className="num" data-field="expected">
                <Expected estimate={r.expected} unit={unit} currency={report.currency} />
              </td>
              <td className="num" data-field="marginal">
                {marginalOf(r, report.outcome, report.currency)}
              </td>
              <td data-field="binding">{r.binding ? <span className="chip budget-held" title={BINDING_MEANINGS[r.binding]}>{BINDING_LABELS[r.binding]}</span> : <span className="budget-free">free</span>}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="budget-total-row">
            <th scope="row">Total</th>
            <td className="num" data-field="current">
              {money(report.current_total)}
            </td>
            <td className="num" data-field="recommended">
              {money(report.recommended_total)}
            </td>
            <td className="num" data-field="change">
              {formatChange(changePercent(report.current_total, report.recommended_total))}
            </td>
            <td className="num" data-field="expected">
              <Expected estimate={report.expected} unit={unit} currency={report.currency} />
            </td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** An expected outcome, its 95 % interval on a line of its own below. */
function Expected({ estimate, unit, currency }: { estimate: BudgetRow['expected']; unit: DisplayUnit; currency: string }) {
  const interval = formatInterval(estimate, unit, currency);
  return (
    <>
      {formatValue(estimate.value, unit, currency)}
      {interval ? <span className="budget-interval">{interval}</span> : null}
    </>
  );
}
