// The table of customer value per acquisition channel: a row per channel and
// the totals, under headings grouped in two rows (each with the catalog's
// definition as its tooltip); LTV:CAC cells are marked bad or healthy.
import type { QueryResult } from '../../api/client';
import { formatValue, type DisplayUnit } from '../../frame/format';
import { useCurrency } from '../../frame/workspace-data';
import { channelName, LTV_CAC_BAD_BELOW, LTV_CAC_HEALTHY_FROM, RATIO_METRICS, ratioTone, type ValueMetric } from './customers-queries';

type Row = QueryResult['rows'][number];

/**
 * The table's headings in two rows, so every one stays short and on one line:
 * a group (CAC, CLV, LTV:CAC) over its columns, or a lone column spanning both
 * rows. The catalog's definition of each metric is its heading's tooltip.
 */
const COLUMN_GROUPS: { label: string; title?: string; columns: [ValueMetric, string][] }[] = [
  { label: 'New customers', columns: [['new_customers', 'New customers']] },
  { label: 'CAC', title: 'cost per new customer', columns: [['paid_cac', 'Media'], ['cac', 'All costs']] },
  { label: 'CLV per customer', title: 'margin per new customer', columns: [['clv', 'So far'], ['predicted_clv', 'To come']] },
  {
    label: 'LTV:CAC',
    title: `customer value per unit of acquisition cost: below ${LTV_CAC_BAD_BELOW}× loses money, ${LTV_CAC_HEALTHY_FROM}× or more is healthy`,
    columns: [['ltv_cac', 'So far'], ['predicted_ltv_cac', 'Predicted']],
  },
  { label: 'Payback', columns: [['cac_payback_months', 'Payback']] },
];

interface TableProps {
  result: QueryResult;
  /** The result's rows in the order shown. */
  rows: Row[];
  metrics: ValueMetric[];
  definitions: Map<string, string>;
}

export function ChannelValueTable({ result, rows, metrics, definitions }: TableProps) {
  const currency = useCurrency();
  const columns = new Map(result.columns.map((c) => [c.name, c]));
  const unitOf = (id: string) => (columns.get(id)?.unit ?? 'count') as DisplayUnit;
  return (
    <div className="table-scroll">
      <table className="drill value-table" data-testid="channel-value-table">
        <ValueHeadings metrics={metrics} definitions={definitions} />
        <tbody>
          {rows.map((row) => {
            const channel = channelName(row);
            return (
              <tr key={channel} data-testid="channel-row" data-channel={channel}>
                <th scope="row">{channel}</th>
                {metrics.map((m) => (
                  <ValueCell key={m} metric={m} value={row[m] as number | null} unit={unitOf(m)} currency={currency} />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="channel-totals">
            <th scope="row">All channels</th>
            {metrics.map((m) => (
              <ValueCell key={m} metric={m} value={result.totals[m] ?? null} unit={unitOf(m)} currency={currency} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ValueHeadings({ metrics, definitions }: { metrics: ValueMetric[]; definitions: Map<string, string> }) {
  const groups = COLUMN_GROUPS.map((g) => ({ ...g, columns: g.columns.filter(([m]) => metrics.includes(m)) })).filter((g) => g.columns.length > 0);
  const lone = (g: (typeof groups)[number]) => g.columns.length === 1 && g.columns[0][1] === g.label;
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={2}>
          Channel
        </th>
        {groups.map((g) =>
          lone(g) ? (
            <th key={g.label} scope="col" rowSpan={2} className="num" title={definitions.get(g.columns[0][0])}>
              {g.label}
            </th>
          ) : (
            <th key={g.label} scope="colgroup" colSpan={g.columns.length} className="group" title={g.title}>
              {g.label}
            </th>
          ),
        )}
      </tr>
      <tr>
        {groups
          .filter((g) => !lone(g))
          .flatMap((g) => g.columns)
          .map(([m, label]) => (
            <th key={m} scope="col" className="num" data-metric={m} title={definitions.get(m)}>
              {label}
            </th>
          ))}
      </tr>
    </thead>
  );
}

function ValueCell({ metric, value, unit, currency }: { metric: ValueMetric; value: number | null; unit: DisplayUnit; currency: string }) {
  const tone = RATIO_METRICS.includes(metric) ? ratioTone(value) : 'neutral';
  const title =
    tone === 'bad'
      ? `Below ${LTV_CAC_BAD_BELOW}×: these customers bring less margin than they cost to acquire`
      : tone === 'healthy'
        ? `${LTV_CAC_HEALTHY_FROM}× or more: a healthy return on acquisition`
        : undefined;
  return (
    <td className={`num${tone === 'neutral' ? '' : ` ratio-${tone}`}`} data-metric={metric} data-tone={tone === 'neutral' ? undefined : tone} title={title}>
      {tone === 'neutral' ? null : <span className={`tone-dot ${tone}`} aria-hidden="true" />}
      {formatValue(value, unit, currency)}
    </td>
  );
}
