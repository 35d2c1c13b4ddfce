// The most valuable customers by predicted CLV: each customer's history up to
// the calibration end and what the models expect of them over the horizon.
import type { ClvReport } from '../../api/client';
import { formatValue } from '../../frame/format';
import { useCurrency } from '../../frame/workspace-data';
import { lastOrderDate } from './customers-queries';

type Customer = ClvReport['customers'][number];

interface Column {
  field: string;
  label: string;
  title: string;
  value: (customer: Customer) => string;
}

/** The columns after the customer: two of history ("so far"), four of prediction. */
function columns(summary: ClvReport['summary'], money: (v: number) => string): Column[] {
  return [
    { field: 'last_order', label: 'Last order', title: `the day of the customer's last order up to ${summary.calibration_end}`, value: (c) => lastOrderDate(summary, c) },
    { field: 'frequency', label: 'Repeats', title: `${summary.time_unit}s with a purchase after the first one`, value: (c) => formatValue(c.frequency, 'count') },
    { field: 'probability_alive', label: 'Still active', title: 'probability that the customer has not lapsed', value: (c) => formatValue(c.probability_alive * 100, 'percent') },
    { field: 'expected_purchases', label: 'Purchases', title: 'expected number of purchases', value: (c) => formatValue(c.expected_purchases, 'count') },
    { field: 'expected_order_value', label: 'Order value', title: 'expected value of an order from this customer', value: (c) => money(c.expected_order_value) },
    { field: 'clv', label: 'CLV', title: 'discounted margin expected from the customer', value: (c) => money(c.clv) },
  ];
}

export function TopCustomers({ report }: { report: ClvReport }) {
  const currency = useCurrency();
  const { summary } = report;
  const horizon = formatValue(summary.horizon_days, 'count');
  if (report.customers.length === 0) return <p className="hint">No customers to list.</p>;
  const shown = columns(summary, (v) => formatValue(v, 'money', currency));
  return (
    <>
      <p className="panel-caption">
        The {report.customers.length} customers with the highest predicted value over the next {horizon} days. Recent first-time buyers rank high: the model expects them to come back as
        the typical customer does.
      </p>
      <div className="table-scroll">
        <table className="drill top-customers" data-testid="top-customers">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Customer
              </th>
              <th scope="colgroup" colSpan={2} className="group" title={`completed orders up to ${summary.calibration_end}`}>
                So far
              </th>
              <th scope="colgroup" colSpan={4} className="group" title="BG/NBD for the purchases, Gamma-Gamma for the order value">
                Predicted, next {horizon} days
              </th>
            </tr>
            <tr>
              {shown.map((col) => (
                <th key={col.field} scope="col" className="num" title={col.title}>
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.customers.map((c) => (
              <tr key={c.id} data-testid="customer-row" data-customer={c.id}>
                <th scope="row" className="customer-id" title={c.id}>
                  {c.id}
                </th>
                {shown.map((col) => (
                  <td key={col.field} className="num" data-field={col.field}>
                    {col.value(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
