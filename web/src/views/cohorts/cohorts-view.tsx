// Cohorts: customers grouped by the week or month they were acquired in (the
// toolbar's range picks the acquisition dates, its channel filter the
// acquisition channel), and what each cohort did in every period since —
// the % still buying or subscribed, or the revenue per customer so far — as
// a heatmap (POST /v1/cohorts). For subscriptions, the retention model's
// expected lifetime and projection; a breakdown by acquisition channel or
// campaign compares their averages and opens their cohorts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { ApiError, type CohortReport } from '../../api/client';
import { useApi } from '../../frame/api-context';
import { formatValue } from '../../frame/format';
import { ErrorMessage, Notice, Panel, Skeleton } from '../../frame/panel';
import { useViewState } from '../../frame/use-view-state';
import { useMetricQuery } from '../../frame/workspace-data';
import { averageRow, cohortRows, Heatmap, HeatLegend, type HeatRow } from './cohort-heatmap';
import { RetentionModelSummary } from './cohort-model';
import {
  choiceParams,
  cohortBody,
  colourDomain,
  parseCohortChoices,
  quickRanges,
  readerNotes,
  sentence,
  unitName,
  type Breakdown,
  type CohortChoices,
  type Grain,
} from './cohorts-queries';
import './cohorts.css';

type Matrix = CohortReport['matrix'];

const METRIC_TITLES = { retention: 'Retention', revenue: 'Revenue per customer' } as const;
/** The breakdown key of customers acquired without a channel or campaign. */
const NO_KEY = '(none)';

export function CohortsView() {
  const { state, update, today } = useViewState();
  const api = useApi();
  const { choices, problems } = useMemo(() => parseCohortChoices(state.params), [state.params]);
  const { body, ignored } = useMemo(() => cohortBody(choices, state.range, state.filters), [choices, state.range, state.filters]);
  const cohorts = useQuery({ queryKey: ['cohorts', body], queryFn: ({ signal }) => api.cohorts(body, signal), placeholderData: keepPreviousData });

  const change = useCallback(
    (next: Partial<CohortChoices>, range?: { from: string; to: string }) =>
      update((s) => {
        const params = new URLSearchParams(s.params);
        for (const [name, value] of Object.entries(choiceParams({ ...choices, ...next }))) {
          if (value === null) params.delete(name);
          else params.set(name, value);
        }
        return range ? { ...s, preset: 'custom', range, params } : { ...s, params };
      }),
    [update, choices],
  );
  const onlyChannel = useCallback((channel: string) => update((s) => ({ ...s, filters: { ...s.filters, channel: [channel] } })), [update]);

  const report = cohorts.data;
  const badRequest = cohorts.error instanceof ApiError && cohorts.error.status === 400 ? cohorts.error : null;
  const channel = body.channel ?? null;
  const model = report?.matrix.model ?? null;
  // The model belongs to the answer shown (the previous one stays while the next loads).
  const showsModel = report?.metric === 'retention' && report.activity === 'subscription';

  let result: ReactNode;
  if (badRequest) result = <RequestProblem error={badRequest} choices={choices} onChange={change} today={today} />;
  else if (cohorts.error) result = <ErrorMessage error={cohorts.error} />;
  else if (!report) result = <Skeleton lines={8} height={320} />;
  else if (report.matrix.customers === 0) result = <NoCustomers report={report} />;
  else result = <CohortMatrix report={report} matrix={report.matrix} testId="cohort-table" />;

  return (
    <div className="view cohorts">
      {[...problems, ...ignored].map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      <Panel title={`${METRIC_TITLES[choices.metric]} by ${choices.by} of acquisition`} testId="cohort-panel">
        <Controls choices={choices} onChange={change} range={state.range} today={today} />
        <p className="panel-caption cohort-caption" data-testid="cohort-caption">
          {describe(choices, state.range, channel)}
        </p>
        <div
          className={`cohort-result${cohorts.isFetching && report ? ' stale' : ''}`}
          data-testid="cohort-result"
          aria-busy={cohorts.isFetching}
          data-ready={!cohorts.isFetching && !!report && !cohorts.error}
          data-by={report?.by}
          data-metric={report?.metric}
          data-activity={report?.activity}
          data-from={report?.from}
          data-to={report?.to}
          data-channel={report?.channel ?? ''}
        >
          {result}
        </div>
      </Panel>
      {showsModel && report && !cohorts.error && report.matrix.customers > 0 ? (
        <Panel title="How long subscribers stay" testId="cohort-model-panel">
          <Callouts title="The retention model warns" items={report.matrix.warnings.map(sentence)} tone="notice" testId="cohort-model-warnings" />
          {model ? <RetentionModelSummary matrix={report.matrix} model={model} by={report.by} /> : null}
        </Panel>
      ) : null}
      {choices.breakdown && !badRequest ? (
        <BreakdownPanel report={report?.dimension === choices.breakdown ? report : null} error={cohorts.error} choices={choices} range={state.range} onChange={change} onOnlyChannel={onlyChannel} />
      ) : null}
    </div>
  );
}

function describe(choices: CohortChoices, range: { from: string; to: string }, channel: string | null): string {
  const who = `Customers acquired from ${range.from} to ${range.to}${channel ? (channel === NO_KEY ? ' without an acquisition channel' : ` through ${channel}`) : ''}, grouped by the ${choices.by} of their first order (or CRM customer stage).`;
  const zero = `${choices.by === 'month' ? 'Month' : 'Week'} 0 is the ${choices.by} of acquisition.`;
  if (choices.metric === 'revenue') return `${who} Each cell: completed-order revenue per customer of the cohort, added up from acquisition through that ${choices.by}. ${zero}`;
  const active = choices.activity === 'subscription' ? `were subscribed at some time in that ${choices.by}` : `placed a completed order in that ${choices.by}`;
  return `${who} Each cell: the % of the cohort who ${active}. ${zero}`;
}

// ——— Controls ———

interface ControlsProps {
  choices: CohortChoices;
  onChange: (next: Partial<CohortChoices>, range?: { from: string; to: string }) => void;
  range: { from: string; to: string };
  today: string;
}

function Controls({ choices, onChange, range, today }: ControlsProps) {
  const quick = quickRanges(today);
  return (
    <div className="cohort-controls" data-testid="cohort-controls">
      <Segmented
        label="Cohorts by"
        name="by"
        value={choices.by}
        options={[
          ['month', 'Month'],
          ['week', 'Week'],
        ]}
        onChange={(by) => onChange({ by })}
      />
      <Segmented
        label="Show"
        name="metric"
        value={choices.metric}
        options={[
          ['retention', 'Retention'],
          ['revenue', 'Revenue per customer'],
        ]}
        onChange={(metric) => onChange({ metric })}
      />
      <Segmented
        label="Active means"
        name="activity"
        value={choices.activity}
        options={[
          ['purchase', 'Bought'],
          ['subscription', 'Subscribed'],
        ]}
        onChange={(activity) => onChange({ activity })}
        disabled={choices.metric === 'revenue'}
        title={choices.metric === 'revenue' ? 'Revenue per customer counts completed orders, whoever is subscribed' : 'a completed order in the period, or a subscription (CRM customer or reactivated stage) at some time in it'}
      />
      <label className="field">
        <span>Split by</span>
        <select value={choices.breakdown ?? ''} onChange={(e) => onChange({ breakdown: (e.target.value || null) as Breakdown | null, key: null })} data-testid="cohort-breakdown-select">
          <option value="">Nothing</option>
          <option value="channel">Acquisition channel</option>
          <option value="campaign">Acquisition campaign</option>
        </select>
      </label>
      <div className="field quick-ranges">
        <span>Acquired in</span>
        <div className="segmented">
          {quick.map((q) => {
            const active = q.range.from === range.from && q.range.to === range.to && q.by === choices.by;
            return (
              <button key={q.id} type="button" aria-pressed={active} data-testid={`cohort-range-${q.id}`} onClick={() => onChange({ by: q.by }, q.range)} title={`${q.range.from} to ${q.range.to}, by ${q.by}`}>
                {q.label}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface SegmentedProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
  disabled?: boolean;
  title?: string;
}

function Segmented<T extends string>({ label, name, value, options, onChange, disabled, title }: SegmentedProps<T>) {
  return (
    <div className="field" title={title}>
      <span id={`cohort-${name}-label`}>{label}</span>
      <div className="segmented" role="group" aria-labelledby={`cohort-${name}-label`} data-testid={`cohort-${name}`}>
        {options.map(([v, text]) => (
          <button key={v} type="button" aria-pressed={v === value} disabled={disabled} data-value={v} onClick={() => v !== value && onChange(v)}>
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

// ——— The matrix ———

function CohortMatrix({ report, matrix, testId }: { report: CohortReport; matrix: Matrix; testId: string }) {
  const ctx = { by: report.by, metric: report.metric, activity: report.activity, currency: report.currency, today: report.today };
  const rows = useMemo<HeatRow[]>(() => [averageRow(matrix, ctx), ...cohortRows(matrix, ctx)], [matrix, report]);
  const domain = useMemo(() => colourDomain(report, matrix.cohorts), [report, matrix]);
  const clamped = matrix.cohorts.some((r) => r.cells.some((c) => c !== null && c.value !== null && c.value > domain.max));
  const notes = testId === 'cohort-table' ? readerNotes(report.notes) : [];
  return (
    <>
      <Heatmap
        rows={rows}
        periods={report.periods}
        by={report.by}
        metric={report.metric}
        currency={report.currency}
        domain={domain}
        testId={testId}
        labelHeading={report.by === 'month' ? 'Cohort' : 'Week of'}
        caption={`${METRIC_TITLES[report.metric]} of each ${report.by}'s cohort, per ${report.by} since acquisition`}
      />
      <HeatLegend domain={domain} clamped={clamped} metric={report.metric} currency={report.currency} today={report.today} />
      {report.activity === 'subscription' && report.metric === 'retention' ? <NeverSubscribed matrix={matrix} /> : null}
      {matrix.cohorts.length < 3 && testId === 'cohort-table' ? (
        <p className="hint cohort-short" data-testid="cohort-short">
          Only {matrix.cohorts.length} cohort{matrix.cohorts.length === 1 ? '' : 's'} in this range: cohorts compare best over several {unitName(report.by, 2)} — pick one of the ranges under
          “Acquired in”.
        </p>
      ) : null}
      <Callouts title="About these cohorts" items={notes} tone="info" testId="cohort-notes" />
    </>
  );
}

/** Subscription retention counts every customer of a cohort; those who never subscribed lower it, and the model leaves them out. */
function NeverSubscribed({ matrix }: { matrix: Matrix }) {
  const subscribers = matrix.cohorts.reduce((n, r) => n + (r.cells[0]?.survivors ?? 0), 0);
  if (subscribers >= matrix.customers) return null;
  return (
    <p className="hint cohort-subscribers" data-testid="cohort-subscribers">
      {formatValue(subscribers, 'count')} of the {formatValue(matrix.customers, 'count')} customers in these cohorts were subscribed from their acquisition; the others (acquired by a
      first order, with no subscription then) count in their cohort's size, which lowers these percentages. The retention model below follows the subscribers alone.
    </p>
  );
}

function NoCustomers({ report }: { report: CohortReport }) {
  return (
    <>
      <Notice>
        No customer was acquired from {report.from} to {report.to}
        {report.channel ? ` through ${report.channel}` : ''}. Customers come from CRM lifecycle records (the customer stage) or, without them, from a first completed order.
      </Notice>
      <div className="cohort-gap" />
      <Callouts title="About these cohorts" items={readerNotes(report.notes)} tone="info" testId="cohort-notes" />
    </>
  );
}

/** A request the API refused (400): its reason in the panel, and a way out when one is plain. */
function RequestProblem({ error, choices, onChange, today }: { error: ApiError; choices: CohortChoices; onChange: ControlsProps['onChange']; today: string }) {
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

// ——— Breakdown ———

interface BreakdownPanelProps {
  report: CohortReport | null;
  error: unknown;
  choices: CohortChoices;
  range: { from: string; to: string };
  onChange: ControlsProps['onChange'];
  onOnlyChannel: (channel: string) => void;
}

function BreakdownPanel({ report, error, choices, range, onChange, onOnlyChannel }: BreakdownPanelProps) {
  const breakdown = choices.breakdown!;
  // Campaigns are shown by their names: the question the toolbar's campaign filter asks, so the answer is shared.
  const names = useMetricQuery(breakdown === 'campaign' ? { metrics: ['cost', 'conversions'], dimensions: ['campaign'], from: range.from, to: range.to, limit: 500 } : null, { background: true });
  const nameOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const row of names.data?.rows ?? []) {
      if (typeof row.campaign === 'string' && typeof row.campaign_name === 'string' && row.campaign_name) map.set(row.campaign, row.campaign_name);
    }
    // Customers acquired without a channel or campaign have the key "(none)".
    map.set(NO_KEY, breakdown === 'channel' ? 'No channel' : 'No campaign');
    return (key: string) => map.get(key) ?? key;
  }, [names.data, breakdown]);
  const title = breakdown === 'channel' ? 'By acquisition channel' : 'By acquisition campaign';
  let content: ReactNode;
  if (error) content = <ErrorMessage error={error} />;
  else if (!report) content = <Skeleton lines={5} />;
  else if ((report.breakdown ?? []).length === 0) content = <p className="hint">No customer in these cohorts to split.</p>;
  else content = <BreakdownTable report={report} choices={choices} nameOf={nameOf} onChange={onChange} onOnlyChannel={onOnlyChannel} />;
  return (
    <Panel title={title} testId="cohort-breakdown-panel">
      {content}
    </Panel>
  );
}

function BreakdownTable({ report, choices, nameOf, onChange, onOnlyChannel }: { report: CohortReport; choices: CohortChoices; nameOf: (key: string) => string; onChange: ControlsProps['onChange']; onOnlyChannel: (channel: string) => void }) {
  const ctx = { by: report.by, metric: report.metric, activity: report.activity, currency: report.currency, today: report.today };
  const groups = report.breakdown ?? [];
  const open = groups.find((g) => g.key === choices.key) ?? null;
  const rows = useMemo<HeatRow[]>(
    () =>
      groups.map((g) => {
        const name = nameOf(g.key);
        const row = averageRow(g.matrix, ctx, name, g.key);
        return {
          ...row,
          kind: 'key' as const,
          labelTitle: `${name}${name === g.key ? '' : ` (${g.key})`}: the average of its cohorts; open it to see them`,
          label: (
            <button type="button" className="key-toggle" aria-expanded={g.key === choices.key} onClick={() => onChange({ key: g.key === choices.key ? null : g.key })} data-testid="cohort-key-toggle">
              <span aria-hidden="true">{g.key === choices.key ? '▾' : '▸'}</span> {name}
            </button>
          ),
          data: { key: g.key },
        };
      }),
    [groups, choices.key, nameOf, report, onChange],
  );
  const domain = useMemo(() => colourDomain(report, groups.map((g) => ({ cells: g.matrix.average }))), [report, groups]);
  const clamped = groups.some((g) => g.matrix.average.some((c) => c !== null && c.value !== null && c.value > domain.max));
  const dimension = report.dimension === 'campaign' ? 'campaign' : 'channel';
  return (
    <>
      <p className="panel-caption">
        The average of each {dimension}'s cohorts, {report.by} by {report.by} since acquisition (weighted by cohort size; only {unitName(report.by, 2)} the cohorts have completed). Open a{' '}
        {dimension} to see its cohorts.
      </p>
      <Heatmap
        rows={rows}
        periods={report.periods}
        by={report.by}
        metric={report.metric}
        currency={report.currency}
        domain={domain}
        testId="cohort-breakdown"
        labelHeading={dimension === 'channel' ? 'Channel' : 'Campaign'}
        caption={`${METRIC_TITLES[report.metric]} per acquisition ${dimension}, the average of its cohorts`}
      />
      <HeatLegend domain={domain} clamped={clamped} metric={report.metric} currency={report.currency} today={report.today} />
      {open ? (
        <section className="key-cohorts" aria-label={`Cohorts of ${nameOf(open.key)}`} data-testid="cohort-key-cohorts" data-key={open.key}>
          <header className="key-head">
            <h3>
              {nameOf(open.key)}: {formatValue(open.matrix.customers, 'count')} customers by {report.by} of acquisition
            </h3>
            {dimension === 'channel' && report.channel === null ? (
              <button type="button" onClick={() => onOnlyChannel(open.key)} data-testid="cohort-only-channel">
                Show only this channel
              </button>
            ) : null}
          </header>
          <CohortMatrix report={report} matrix={open.matrix} testId="cohort-key-table" />
          {open.matrix.model ? <RetentionModelSummary matrix={open.matrix} model={open.matrix.model} by={report.by as Grain} /> : null}
        </section>
      ) : null}
    </>
  );
}
