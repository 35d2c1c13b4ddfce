// The cohorts split by acquisition channel or campaign: a heatmap row per key
// (the average of its cohorts), a key opened to show its own cohorts and
// retention model, and a way to narrow the whole view to a channel.
import { useMemo, type ReactNode } from 'react';
import type { CohortReport } from '../../api/client';
import { formatValue } from '../../frame/format';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { useCampaignNames } from '../../frame/workspace-data';
import { averageRow, Heatmap, type HeatRow } from './cohort-heatmap';
import { CohortMatrix } from './cohort-matrix';
import { RetentionModelSummary } from './cohort-model';
import { colourDomain, METRIC_TITLES, NO_KEY, unitName, type ChoiceChange, type CohortChoices, type Grain } from './cohorts-queries';

interface BreakdownPanelProps {
  report: CohortReport | null;
  error: unknown;
  choices: CohortChoices;
  range: { from: string; to: string };
  onChange: ChoiceChange;
  onOnlyChannel: (channel: string) => void;
}

export function BreakdownPanel({ report, error, choices, range, onChange, onOnlyChannel }: BreakdownPanelProps) {
  const breakdown = choices.breakdown!;
  // Campaigns are shown by their names.
  const campaigns = useCampaignNames(range, breakdown === 'campaign');
  const nameOf = useMemo(() => {
    const map = new Map(campaigns);
    // Customers acquired without a channel or campaign have the key "(none)".
    map.set(NO_KEY, breakdown === 'channel' ? 'No channel' : 'No campaign');
    return (key: string) => map.get(key) ?? key;
  }, [campaigns, breakdown]);
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

interface BreakdownTableProps {
  report: CohortReport;
  choices: CohortChoices;
  nameOf: (key: string) => string;
  onChange: ChoiceChange;
  onOnlyChannel: (channel: string) => void;
}

function BreakdownTable({ report, choices, nameOf, onChange, onOnlyChannel }: BreakdownTableProps) {
  const groups = report.breakdown ?? [];
  const open = groups.find((g) => g.key === choices.key) ?? null;
  const rows = useMemo<HeatRow[]>(
    () =>
      groups.map((g) => {
        const name = nameOf(g.key);
        const row = averageRow(g.matrix, report, name, g.key);
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
        report={report}
        domain={domain}
        clamped={clamped}
        testId="cohort-breakdown"
        labelHeading={dimension === 'channel' ? 'Channel' : 'Campaign'}
        caption={`${METRIC_TITLES[report.metric]} per acquisition ${dimension}, the average of its cohorts`}
      />
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
