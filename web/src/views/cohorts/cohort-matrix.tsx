// One set of cohorts as the page shows it: the heatmap with its average row
// and legend, what the subscription retention leaves out, a hint when there
// are too few cohorts to compare, and the report's notes; or, with no
// customer acquired, why.
import { useMemo } from 'react';
import type { CohortReport } from '../../api/client';
import { Callouts } from '../../frame/callouts';
import { formatValue } from '../../frame/format';
import { Notice } from '../../frame/panel';
import { averageRow, cohortRows, Heatmap, type HeatRow } from './cohort-heatmap';
import { colourDomain, METRIC_TITLES, readerNotes, unitName } from './cohorts-queries';

type Matrix = CohortReport['matrix'];

/** The cohorts of the whole view (`cohort-table`, with the notes and hints) or of one breakdown key. */
export function CohortMatrix({ report, matrix, testId }: { report: CohortReport; matrix: Matrix; testId: 'cohort-table' | 'cohort-key-table' }) {
  const rows = useMemo<HeatRow[]>(() => [averageRow(matrix, report), ...cohortRows(matrix, report)], [matrix, report]);
  const domain = useMemo(() => colourDomain(report, matrix.cohorts), [report, matrix]);
  const clamped = matrix.cohorts.some((r) => r.cells.some((c) => c !== null && c.value !== null && c.value > domain.max));
  const notes = testId === 'cohort-table' ? readerNotes(report.notes) : [];
  return (
    <>
      <Heatmap
        rows={rows}
        report={report}
        domain={domain}
        clamped={clamped}
        testId={testId}
        labelHeading={report.by === 'month' ? 'Cohort' : 'Week of'}
        caption={`${METRIC_TITLES[report.metric]} of each ${report.by}'s cohort, per ${report.by} since acquisition`}
      />
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

export function NoCustomers({ report }: { report: CohortReport }) {
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
