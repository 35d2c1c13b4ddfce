// The assessment with nothing to flag: no segment is clearly worse than the
// workspace, said with how many were judged.
import type { SegmentsReport } from '../../api/client';
import { dimensionsWords } from './segments-format';

export function NoSegments({ report }: { report: SegmentsReport }) {
  const judged = report.assessed === 1 ? `the one ${dimensionsWords(report.dimensions)} segment` : `the ${report.assessed} ${dimensionsWords(report.dimensions)} segments`;
  return (
    <div className="segments-clean" role="status" data-testid="segments-empty">
      <strong>No segment is clearly worse than the workspace.</strong>{' '}
      {report.assessed === 0 ? 'No segment had data to judge.' : `On ${report.label}, ${judged} judged ${report.assessed === 1 ? 'differs' : 'differ'} from it by no more than chance explains.`}
    </div>
  );
}
