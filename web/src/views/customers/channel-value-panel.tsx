// The customers view's first panel: customer value by acquisition channel over
// the range — the API's notes, the table of cost and value per channel, and
// LTV:CAC per channel as a chart with its legend.
import { useMemo, type ReactNode } from 'react';
import type { QueryResult } from '../../api/client';
import { NoteList } from '../../frame/callouts';
import { NoData } from '../../frame/no-data';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useCatalog, useMetricQuery } from '../../frame/workspace-data';
import { ChannelValueTable } from './channel-value-table';
import { askableMetrics, channelValueQuery, LTV_CAC_BAD_BELOW, LTV_CAC_HEALTHY_FROM, RATIO_METRICS, sortChannels, type ValueMetric } from './customers-queries';
import { RatioChart } from './ratio-chart';

export function ChannelValuePanel() {
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
  const rows = useMemo(() => sortChannels(result.rows), [result.rows]);
  const ratios = useMemo(() => RATIO_METRICS.filter((m) => metrics.includes(m)), [metrics]);
  const noCustomers = !result.totals.new_customers;
  return (
    <>
      <NoteList notes={result.notes ?? []} testId="channel-value-notes" />
      {noCustomers ? <Notice>No new customers in this range: customers come from CRM lifecycle records (the customer stage) or, without them, from a first completed order.</Notice> : null}
      <ChannelValueTable result={result} rows={rows} metrics={metrics} definitions={definitions} />
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
