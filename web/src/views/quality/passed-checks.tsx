// The checks that found nothing, by name, compactly.
import type { QualityReport } from '../../api/client';
import { checkName, passedChecks } from './quality-format';

export function PassedChecks({ checks }: { checks: QualityReport['checks'] }) {
  const passed = passedChecks(checks);
  if (passed.length === 0) return <p className="hint">Every check found something.</p>;
  return (
    <ul className="quality-passed" data-testid="quality-passed">
      {passed.map((check) => (
        <li key={check} data-check={check}>
          <span className="quality-tick" aria-hidden="true">
            ✓
          </span>
          {checkName(check)}
        </li>
      ))}
    </ul>
  );
}
