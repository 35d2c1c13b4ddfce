// The drivers of the change: each one's own value before and now, its own
// change, its part of the KPI's change and its share; the parts add up to
// the change, shown in the footer.
import type { ExplainReport } from '../../api/client';
import { driverRows, formatPart } from './explain-format';

export function DriversTable({ report }: { report: ExplainReport }) {
  const rows = driverRows(report.drivers, report);
  return (
    <div className="table-scroll">
      <table className="drill explain-drivers" data-testid="explain-drivers">
        <thead>
          <tr>
            <th scope="col">Driver</th>
            <th scope="col" className="num">Before</th>
            <th scope="col" className="num">Now</th>
            <th scope="col" className="num">Own change</th>
            <th scope="col" className="num">Part of {report.label}</th>
            <th scope="col" className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="explain-driver" data-id={r.id} data-contribution={r.contribution}>
              <th scope="row">{r.label}</th>
              <td className="num" data-field="before">{r.before}</td>
              <td className="num" data-field="now">{r.now}</td>
              <td className="num" data-field="own-change">{r.ownChange}</td>
              <td className={`num part tone-${r.tone}`} data-field="part">{r.part}</td>
              <td className="num" data-field="share">{r.share}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Change</th>
            <td className="num" colSpan={3} />
            <td className="num" data-field="change" data-testid="explain-drivers-total">
              {formatPart(report.change, report.unit, report.currency)}
            </td>
            <td className="num">{report.change === 0 || report.change === null ? '—' : '100%'}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
