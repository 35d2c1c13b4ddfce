// The top of an assessment: the workspace's value the segments are judged
// against, how many were judged and flagged, the spend at stake, and the
// share of false flags to expect, in words.
import type { SegmentsReport } from '../../api/client';
import { Figure } from '../../frame/figure';
import { formatValue } from '../../frame/format';
import { falseDiscoveryWords, flaggedWords } from './segments-format';

export function SegmentsSummary({ report }: { report: SegmentsReport }) {
  return (
    <div className="segments-summary">
      <dl className="segments-figures" data-testid="segments-figures">
        <Figure id="workspace" label={`Workspace ${report.label}`} value={formatValue(report.workspace_value, report.unit, report.currency)} detail={`${report.from} to ${report.to}, every segment together`} strong />
        <Figure id="flagged" label="Clearly worse" value={`${report.segments.length} of ${report.assessed}`} detail="segments flagged of those judged" />
        <Figure id="at-stake" label="Spend at stake" value={formatValue(report.spend_at_stake, 'money', report.currency)} detail="beyond what their results cost at the workspace value" />
      </dl>
      {report.segments.length > 0 ? (
        <p className="segments-verdict" data-testid="segments-verdict">
          {flaggedWords(report)} <span data-testid="segments-fdr">{falseDiscoveryWords(report)}</span>
        </p>
      ) : null}
    </div>
  );
}
