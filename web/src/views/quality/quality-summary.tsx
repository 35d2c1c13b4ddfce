// The top of the audit: how many errors, warnings and notes it found, how
// many of its checks passed, and when it ran.
import type { QualityReport } from '../../api/client';
import { auditTime, formatDay, passedChecks, passedWords, summaryCounts } from './quality-format';

export function QualitySummary({ report }: { report: QualityReport }) {
  const allPassed = passedChecks(report.checks).length === report.checks.length;
  return (
    <div className="quality-summary" data-testid="quality-summary">
      <ul className="quality-counts">
        {summaryCounts(report.summary).map((s) => (
          <li key={s.severity} className={`quality-count severity-${s.severity}${s.count > 0 ? ' found' : ''}`} data-testid={`quality-count-${s.severity}`} data-count={s.count}>
            {s.words}
          </li>
        ))}
        <li className={`quality-count passed${allPassed ? ' found' : ''}`} data-testid="quality-passed-count">
          {passedWords(report.checks)}
        </li>
      </ul>
      <p className="quality-audited" data-testid="quality-audited">
        Audited <time dateTime={report.generated_at}>{auditTime(report.generated_at)}</time> (workspace day {formatDay(report.today)})
      </p>
    </div>
  );
}
