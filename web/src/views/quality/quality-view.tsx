// Data quality: the workspace's audit (GET /v1/quality) — how many errors,
// warnings and notes it found, each finding with what it means and its
// examples (errors first), and the checks that passed. The audit reads the
// last twelve weeks whatever the toolbar says, and runs again on demand.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../frame/api-context';
import { Callouts } from '../../frame/callouts';
import { ErrorMessage, Panel, Skeleton } from '../../frame/panel';
import { FindingCard } from './finding-card';
import { NoProblems } from './no-problems';
import { PassedChecks } from './passed-checks';
import { sortFindings } from './quality-format';
import { QualitySummary } from './quality-summary';
import './quality.css';

const QUALITY_QUERY_KEY = ['quality'] as const;

export function QualityView() {
  const api = useApi();
  const audit = useQuery({ queryKey: QUALITY_QUERY_KEY, queryFn: ({ signal }) => api.quality(signal) });
  const report = audit.data;
  const rerun = (
    <button type="button" onClick={() => void audit.refetch()} disabled={audit.isFetching} data-testid="quality-rerun">
      {audit.isFetching ? 'Auditing…' : 'Re-run audit'}
    </button>
  );

  return (
    <div className="view quality">
      <Panel title="Data quality" tools={rerun} testId="quality-panel">
        {audit.error && !report ? (
          <ErrorMessage error={audit.error} />
        ) : !report ? (
          <Skeleton lines={5} />
        ) : (
          <>
            {audit.error ? <ErrorMessage error={audit.error} /> : null}
            <QualitySummary report={report} />
            <Callouts title="About this audit" items={report.notes} tone="info" testId="quality-notes" />
            {report.findings.length === 0 ? (
              <NoProblems checks={report.checks.length} />
            ) : (
              <div className="quality-findings" data-testid="quality-findings">
                {sortFindings(report.findings).map((f) => (
                  <FindingCard key={f.check} finding={f} />
                ))}
              </div>
            )}
          </>
        )}
      </Panel>
      {report ? (
        <Panel title="Checks that passed" testId="quality-passed-panel">
          <PassedChecks checks={report.checks} />
        </Panel>
      ) : null}
    </div>
  );
}
