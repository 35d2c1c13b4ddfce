// The flagged segments, most money at stake first: each one's KPI as
// observed and shrunk toward the pool, the probability it is worse than the
// workspace, its spend and its spend at stake.
import type { SegmentsReport } from '../../api/client';
import { dimensionsWords, segmentRows } from './segments-format';

export function SegmentsTable({ report }: { report: SegmentsReport }) {
  const rows = segmentRows(report.segments, report);
  return (
    <div className="table-scroll">
      <table className="drill segments-table" data-testid="segments-table">
        <thead>
          <tr>
            <th scope="col" className="num rank">#</th>
            <th scope="col" className="segments-dimension-head">{dimensionsWords(report.dimensions)}</th>
            <th scope="col" className="num">{report.label}</th>
            <th scope="col" className="num" title="shrunk toward the pooled value by the segment's evidence">Shrunk</th>
            <th scope="col" className="num">P(worse)</th>
            <th scope="col" className="num">Spend</th>
            <th scope="col" className="num">At stake</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} data-testid="segments-row" data-key={r.key}>
              <td className="num rank">{i + 1}</td>
              <th scope="row" className="segments-name" title={r.detail ? `${r.name} (${r.detail})` : r.name}>
                {r.name}
                {r.detail ? <span className="segments-id">{r.detail}</span> : null}
              </th>
              <td className="num" data-field="value">{r.value}</td>
              <td className="num" data-field="shrunk">{r.shrunk}</td>
              <td className="num" data-field="probability">{r.probability}</td>
              <td className="num" data-field="spend">{r.spend}</td>
              <td className="num at-stake" data-field="at-stake">{r.atStake}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
