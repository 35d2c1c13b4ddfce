// Customers: what the customers acquired in the range cost and are worth per
// acquisition channel (CAC, CLV so far and predicted, LTV:CAC, payback), and
// the predicted lifetime value of the whole customer base — its spread, the
// most valuable customers, and what the model warns about.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type ClvReport, type QueryResult } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { Chart, type ChartOption } from '../../frame/chart';
import { addDays, isDate } from '../../frame/date-range';
import { formatAxis, formatValue, type DisplayUnit } from '../../frame/format';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useCurrency, useMetricQuery } from '../../frame/workspace-data';
import {
  askableMetrics,
  binLabel,
  CALIBRATION_PARAM,
  calibrationEndOf,
  channelValueQuery,
  clvParams,
  lastOrderDate,
  LTV_CAC_BAD_BELOW,
  LTV_CAC_HEALTHY_FROM,
  RATIO_METRICS,
  ratioTone,
  sortChannels,
  type ValueMetric,
} from './customers-queries';

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

const SERIES_NAMES: Record<string, string> = { ltv_cac: 'LTV:CAC so far', predicted_ltv_cac: 'Predicted LTV:CAC' };
const NO_CHANNEL = '(none)';

export function CustomersView() {
  const { state } = useViewState();
  const calibration = calibrationEndOf(state.params.get(CALIBRATION_PARAM));
  return (
    <div className="view customers">
      {calibration.problem ? <Notice>{calibration.problem}</Notice> : null}
      <ChannelValuePanel />
      <PredictedValue calibrationEnd={calibration.value} />
    </div>
  );
}

// ——— Customer value by acquisition channel ———

function ChannelValuePanel() {
  const { state } = useViewState();
  const catalog = useCatalog();
  const metrics = useMemo(() => (catalog.data ? askableMetrics(catalog.data.metrics) : null), [catalog.data]);
  const body = useMemo(() => (metrics && metrics.length > 0 ? channelValueQuery(state, metrics) : null), [state, metrics]);
  const result = useMetricQuery(body);
  const definitions = useMemo(() => new Map((catalog.data?.metrics ?? []).map((m) => [m.id, m.note ? `${m.formula}. ${m.note}` : m.formula])), [catalog.data]);
  const error = catalog.error ?? result.error;
  let content: ReactNode;
  if (error) content = <ErrorMessage error={error} />;
  else if (metrics && metrics.length === 0) content = <Notice>This server's catalog has none of the customer value metrics.</Notice>;
  else if (!result.data || !metrics) content = <Skeleton lines={6} height={260} />;
  else if (result.data.rows.length === 0) content = <NoData range={state.range} />;
  else content = <ChannelValue result={result.data} metrics={metrics} definitions={definitions} />;
  return (
    <Panel title="Customer value by acquisition channel" testId="channel-value-panel">
      <p className="panel-caption">
        Customers acquired from {state.range.from} to {state.range.to}, by the channel of their first touch: what they cost to acquire and the margin they bring.
      </p>
      {content}
    </Panel>
  );
}

function ChannelValue({ result, metrics, definitions }: { result: QueryResult; metrics: ValueMetric[]; definitions: Map<string, string> }) {
  const currency = useCurrency();
  const columns = new Map(result.columns.map((c) => [c.name, c]));
  const unitOf = (id: string) => (columns.get(id)?.unit ?? 'count') as DisplayUnit;
  const rows = useMemo(() => sortChannels(result.rows), [result.rows]);
  const ratios = useMemo(() => RATIO_METRICS.filter((m) => metrics.includes(m)), [metrics]);
  const noCustomers = !result.totals.new_customers;
  const notes = result.notes ?? [];
  return (
    <>
      {notes.length > 0 ? (
        <ul className="notes" data-testid="channel-value-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {noCustomers ? <Notice>No new customers in this range: customers come from CRM lifecycle records (the customer stage) or, without them, from a first completed order.</Notice> : null}
      <div className="table-scroll">
        <table className="drill value-table" data-testid="channel-value-table">
          <ValueHeadings metrics={metrics} definitions={definitions} />
          <tbody>
            {rows.map((row) => {
              const channel = typeof row.channel === 'string' && row.channel ? row.channel : NO_CHANNEL;
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
      {ratios.length > 0 ? (
        <>
          <RatioChart rows={rows} ratios={ratios} />
          <p className="hint ratio-legend">
            <span className="tone-dot bad" aria-hidden="true" /> LTV:CAC below {LTV_CAC_BAD_BELOW}×: the customers bring less margin than they cost to acquire.{' '}
            <span className="tone-dot healthy" aria-hidden="true" /> {LTV_CAC_HEALTHY_FROM}× or more: commonly taken as healthy. CLV so far is the customers' margin to date; CLV to come is the margin the CLV model expects them still to bring; predicted LTV:CAC counts both. Payback is the months of first-year margin that earn back the CAC.
          </p>
        </>
      ) : null}
    </>
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

type Row = QueryResult['rows'][number];

/** LTV:CAC per channel as horizontal bars, over bands that mark below 1× and from 3×. */
function RatioChart({ rows, ratios }: { rows: Row[]; ratios: ValueMetric[] }) {
  const channels = rows.map((r) => (typeof r.channel === 'string' && r.channel ? r.channel : NO_CHANNEL));
  const values = ratios.flatMap((m) => rows.map((r) => (typeof r[m] === 'number' ? (r[m] as number) : 0)));
  const top = Math.max(LTV_CAC_HEALTHY_FROM + 1, Math.ceil(Math.max(0, ...values) * 1.15));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 56, top: ratios.length > 1 ? 48 : 22, bottom: 24, containLabel: true },
      legend: ratios.length > 1 ? { top: 0, left: 0, itemWidth: 14, itemHeight: 10 } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatValue(typeof v === 'number' ? v : null, 'ratio'),
      },
      xAxis: { type: 'value', min: 0, max: top, axisLabel: { formatter: (v: number) => `${v}×` }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: channels, inverse: true, axisTick: { show: false }, axisLabel: { color: '#374151', fontSize: 12 } },
      series: ratios.map((m, i) => ({
        name: SERIES_NAMES[m],
        type: 'bar' as const,
        barMaxWidth: 22,
        data: rows.map((r) => (typeof r[m] === 'number' ? (r[m] as number) : null)),
        itemStyle: { color: i === 0 ? '#1d4ed8' : '#93c5fd', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' as const, fontSize: 11, color: '#374151', formatter: (p: { value: unknown }) => formatValue(typeof p.value === 'number' ? p.value : null, 'ratio') },
        ...(i === 0
          ? {
              markArea: {
                silent: true,
                label: { position: 'top' as const, distance: 4, fontSize: 11, color: '#6b7280' },
                data: [
                  [{ xAxis: 0, name: `below ${LTV_CAC_BAD_BELOW}×`, itemStyle: { color: 'rgba(185, 28, 28, 0.1)' } }, { xAxis: LTV_CAC_BAD_BELOW }],
                  [{ xAxis: LTV_CAC_HEALTHY_FROM, name: `${LTV_CAC_HEALTHY_FROM}× and up`, itemStyle: { color: 'rgba(21, 128, 61, 0.08)' } }, { xAxis: top }],
                ],
              },
            }
          : {}),
      })),
    }),
    [rows, ratios, channels.join('|'), top],
  );
  const height = 64 + channels.length * (ratios.length > 1 ? 46 : 34) + (ratios.length > 1 ? 16 : 0);
  return (
    <div className="ratio-chart" data-testid="ltv-cac-chart" data-channels={channels.join('|')}>
      <Chart option={option} height={height} label="LTV to CAC ratio per acquisition channel" />
    </div>
  );
}

// ——— Predicted CLV ———

function PredictedValue({ calibrationEnd }: { calibrationEnd: string | null }) {
  const api = useApi();
  const params = useMemo(() => clvParams(calibrationEnd), [calibrationEnd]);
  const clv = useQuery({ queryKey: ['clv', params], queryFn: ({ signal }) => api.clv(params, signal) });
  const { today } = useViewState();
  // Until the fit answers, the default calibration end is the viewer's yesterday (the server takes the workspace's).
  const tools = <CalibrationControl effective={clv.data?.summary.calibration_end ?? calibrationEnd ?? addDays(today, -1)} chosen={calibrationEnd} />;
  const unfit = clv.error instanceof ApiError && clv.error.status === 422 ? clv.error : null;
  if (unfit) {
    return (
      <Panel title="Predicted customer lifetime value" tools={tools} testId="clv-panel">
        <div className="message notice" role="status" data-testid="clv-unfit">
          <strong>Not enough purchase history to predict customer value yet.</strong> The model learns from the customers' completed orders and needs some customers who bought more
          than once.
          <span className="unfit-reason">{sentence(unfit.message)}</span>
        </div>
      </Panel>
    );
  }
  return (
    <>
      <Panel title="Predicted customer lifetime value" tools={tools} testId="clv-panel">
        {clv.error ? <ErrorMessage error={clv.error} /> : !clv.data ? <Skeleton lines={7} height={360} /> : <ClvSummary report={clv.data} />}
      </Panel>
      <Panel title="Most valuable customers" testId="top-customers-panel">
        {clv.error ? <ErrorMessage error={clv.error} /> : !clv.data ? <Skeleton lines={8} /> : <TopCustomers report={clv.data} />}
      </Panel>
    </>
  );
}

/** The calibration end: the last day the models learn from (in the address; empty is the server's default, yesterday). */
function CalibrationControl({ effective, chosen }: { effective: string; chosen: string | null }) {
  const { setParam, today } = useViewState();
  const [date, setDate] = useState(effective);
  useEffect(() => setDate(effective), [effective]);
  const latest = addDays(today, -1);
  const valid = isDate(date) && date <= latest;
  return (
    <form
      className="calibration"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) setParam(CALIBRATION_PARAM, date);
      }}
    >
      <label className="field">
        <span>Learn from orders up to</span>
        <input type="date" value={date} max={latest} onChange={(e) => setDate(e.target.value)} data-testid="calibration-end" />
      </label>
      <button type="submit" disabled={!valid || date === effective} data-testid="calibration-apply">
        Refit
      </button>
      {chosen ? (
        <button type="button" onClick={() => setParam(CALIBRATION_PARAM, null)} data-testid="calibration-reset" title="learn from every order up to yesterday">
          Up to yesterday
        </button>
      ) : null}
    </form>
  );
}

function ClvSummary({ report }: { report: ClvReport }) {
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
      <ValueHistogram report={report} />
      <p className="hint" data-testid="clv-percentiles">
        Predicted CLV per customer: half the customers are worth less than {money(distribution.p50)}, 90% less than {money(distribution.p90)}, 99% less than {money(distribution.p99)}.
      </p>
    </>
  );
}

/** The API's message as a sentence: capitalised, with a full stop. */
function sentence(message: string): string {
  const text = message.trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail: string }) {
  return (
    <div className="figure" data-testid={`figure-${id}`}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value" data-testid="figure-value">
          {value}
        </span>
        <span className="figure-detail">{detail}</span>
      </dd>
    </div>
  );
}

function Callouts({ title, items, tone, testId }: { title: string; items: string[]; tone: 'notice' | 'info'; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div className={`message ${tone} callout`} role="status" data-testid={testId}>
      <strong>{title}</strong>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function ValueHistogram({ report }: { report: ClvReport }) {
  const currency = useCurrency();
  const bins = report.distribution.bins;
  const short = (v: number) => formatAxis(v, 'money', currency);
  const labels = bins.map((b) => binLabel(b, short));
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 32, bottom: 30, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const bin = bins[i];
          return bin
            ? `${binLabel(bin, (v) => formatValue(v, 'money', currency))}<br/><b>${formatValue(bin.customers, 'count')}</b> customers · ${formatValue(bin.value_share * 100, 'percent')} of the predicted value`
            : '';
        },
      },
      xAxis: {
        type: 'category',
        data: labels,
        name: 'predicted CLV per customer',
        nameLocation: 'middle',
        nameGap: 28,
        nameTextStyle: { color: '#6b7280' },
        axisTick: { alignWithLabel: true },
        axisLabel: { interval: 0, hideOverlap: true, fontSize: 11 },
      },
      yAxis: { type: 'value', name: 'customers', nameTextStyle: { color: '#6b7280', align: 'left' }, minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [{ type: 'bar', data: bins.map((b) => b.customers), barCategoryGap: '12%', itemStyle: { color: '#1d4ed8', borderRadius: [3, 3, 0, 0] } }],
    }),
    [bins, labels.join('|'), currency],
  );
  return (
    <div data-testid="clv-histogram" data-bins={labels.join('|')}>
      <Chart option={option} height={280} label="customers per band of predicted lifetime value" />
    </div>
  );
}

function TopCustomers({ report }: { report: ClvReport }) {
  const currency = useCurrency();
  const money = (v: number) => formatValue(v, 'money', currency);
  const { summary } = report;
  const horizon = formatValue(summary.horizon_days, 'count');
  if (report.customers.length === 0) return <p className="hint">No customers to list.</p>;
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
              <th scope="col" className="num" title={`the day of the customer's last order up to ${summary.calibration_end}`}>
                Last order
              </th>
              <th scope="col" className="num" title={`${summary.time_unit}s with a purchase after the first one`}>
                Repeats
              </th>
              <th scope="col" className="num" title="probability that the customer has not lapsed">
                Still active
              </th>
              <th scope="col" className="num" title="expected number of purchases">
                Purchases
              </th>
              <th scope="col" className="num" title="expected value of an order from this customer">
                Order value
              </th>
              <th scope="col" className="num" title="discounted margin expected from the customer">
                CLV
              </th>
            </tr>
          </thead>
          <tbody>
            {report.customers.map((c) => (
              <tr key={c.id} data-testid="customer-row" data-customer={c.id}>
                <th scope="row" className="customer-id" title={c.id}>
                  {c.id}
                </th>
                <td className="num" data-field="last_order">{lastOrderDate(summary, c)}</td>
                <td className="num" data-field="frequency">{formatValue(c.frequency, 'count')}</td>
                <td className="num" data-field="probability_alive">{formatValue(c.probability_alive * 100, 'percent')}</td>
                <td className="num" data-field="expected_purchases">{formatValue(c.expected_purchases, 'count')}</td>
                <td className="num" data-field="expected_order_value">{money(c.expected_order_value)}</td>
                <td className="num" data-field="clv">{money(c.clv)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
