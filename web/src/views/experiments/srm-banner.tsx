// The sample ratio mismatch banner: people did not reach the variants in the
// planned split, so something lost or filtered some of them and no other
// number of the readout can be trusted. It shows each variant's observed and
// expected people and the test's χ² and p-value.
import type { ExperimentReadout } from '../../api/client';
import { formatPeople, sampleRatioRows } from './readout-format';

export function SrmBanner({ readout }: { readout: ExperimentReadout }) {
  const { srm } = readout;
  if (!srm.flagged) return null;
  const rows = sampleRatioRows(readout);
  return (
    <div className="message error srm-banner" role="alert" data-testid="srm-banner">
      <strong>Sample ratio mismatch: do not trust these results yet.</strong> The variants did not get the planned split of people (χ² = {srm.chi_square.toFixed(2)}, p{' '}
      {srm.p_value < 0.001 ? '< 0.001' : `= ${srm.p_value.toFixed(3)}`}, flagged below {srm.threshold}). Look for people lost or filtered in one variant — a redirect, a
      tracking bug, a bot filter — before reading any lift.
      <table className="srm-table" data-testid="srm-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col" className="num">People</th>
            <th scope="col" className="num">Expected</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-variant={r.name}>
              <th scope="row">{r.name}</th>
              <td className="num" data-field="observed">{formatPeople(r.observed)}</td>
              <td className="num" data-field="expected">{formatPeople(r.expected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
