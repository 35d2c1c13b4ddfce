// The predicted CLV of the whole customer base: the headline figures, what the
// fit is based on, the model's warnings and notes on the data, and the spread
// of the value per customer.
import type { ClvReport } from '../../api/client';
import { Callouts } from '../../frame/callouts';
import { Figure } from '../../frame/figure';
import { formatValue } from '../../frame/format';
import { useCurrency } from '../../frame/workspace-data';
import { ClvHistogram } from './clv-histogram';

export function ClvSummary({ report }: { report: ClvReport }) {
  const currency = useCurrency();
  const money = (v: number) => formatValue(v, 'money', currency);
  const { summary, distribution } = report;
  const repeatShare = summary.customers > 0 ? (summary.repeat_buyers / summary.customers) * 100 : null;
  return (
    <>
      <dl className="figures" data-testid="clv-figures">
        <Figure id="customers" label="Customers" value={formatValue(summary.customers, 'count')} detail={`bought by ${summary.calibration_end}`} />
        <Figure id="repeat_buyers" label="Repeat buyers" value={formatValue(summary.repeat_buyers, 'count')} detail={repeatShare === null ? '' : `${repeatShare.toFixed(0)}% of customers`} />
        <Figure id="mean_clv" label="Mean CLV" value={money(summary.mean_clv)} detail="per customer, still to come" />
        <Figure id="median_clv" label="Median CLV" value={money(distribution.p50)} detail="half the customers are worth less" />
        <Figure id="new_customer_clv" label="New-customer CLV" value={money(summary.new_customer_clv)} detail="acquired today, beyond the first order" />
        <Figure id="total_clv" label="Total CLV" value={money(summary.total_clv)} detail="all customers, still to come" />
      </dl>
      <p className="panel-caption" data-testid="clv-basis">
        Horizon: the next {formatValue(summary.horizon_days, 'count')} days. Residual: value after {summary.calibration_end} only — what was bought up to then is not in it. Margin{' '}
        {formatValue(summary.margin * 100, 'count')}%, discounted {formatValue(summary.discount * 100, 'count')}% a year. The whole customer base: the date range and filters above do not apply.
      </p>
      <Callouts title="The model warns" items={report.warnings} tone="notice" testId="clv-warnings" />
      <Callouts title="About the data" items={report.notes} tone="info" testId="clv-notes" />
      <ClvHistogram report={report} />
      <p className="hint" data-testid="clv-percentiles">
        Predicted CLV per customer: half the customers are worth less than {money(distribution.p50)}, 90% less than {money(distribution.p90)}, 99% less than {money(distribution.p99)}.
      </p>
    </>
  );
}
