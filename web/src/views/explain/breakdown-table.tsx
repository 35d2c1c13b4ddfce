// The change across one dimension's segments: each segment's KPI before and
// now, its part of the change (with a bar as long as its part against the
// largest one, green or red by direction), its share, and for a ratio KPI
// the part from its weight moving (mix) and from its own value moving (rate).
import type { ExplainReport } from '../../api/client';
import { formatValue } from '../../frame/format';
import { formatPart, segmentRows } from './explain-format';
import { dimensionLabel } from './explain-queries';

type Breakdown = NonNullable<ExplainReport['breakdown']>;

const STATUS_WORDS = { new: 'new', gone: 'gone', both: null } as const;

export function BreakdownTable({ report, breakdown }: { report: ExplainReport; breakdown: Breakdown }) {
  const rows = segmentRows(breakdown.segments, report);
  const ratio = breakdown.kind === 'ratio';
  const format = (v: number | null) => formatValue(v, report.unit, report.currency);
  return (
    <>
      <p className="panel-caption" data-testid="explain-breakdown-caption">
        {format(breakdown.previous)} → {format(breakdown.current)} over the {dimensionLabel(breakdown.dimension)} segments; their parts add up to{' '}
        {formatPart(breakdown.change, report.unit, report.currency)}
        {ratio ? ': each part is the segment’s weight moving (mix) plus its own value moving (rate).' : '.'}
      </p>
      <div className="table-scroll">
        <table className="drill explain-segments" data-testid="explain-segments" data-kind={breakdown.kind}>
          <thead>
            <tr>
              <th scope="col" className="explain-dimension-head">{dimensionLabel(breakdown.dimension)}</th>
              <th scope="col" className="num">Before</th>
              <th scope="col" className="num">Now</th>
              <th scope="col" className="num">Part of {report.label}</th>
              <th scope="col" className="explain-bar-head"><span className="visually-hidden">Part as a bar</span></th>
              <th scope="col" className="num">Share</th>
              {ratio ? <th scope="col" className="num">Mix</th> : null}
              {ratio ? <th scope="col" className="num">Rate</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="explain-segment" data-key={r.key} data-contribution={r.contribution}>
                <th scope="row" className="explain-segment-key" title={r.key}>
                  {r.key}
                  {STATUS_WORDS[r.status] ? <span className="chip">{STATUS_WORDS[r.status]}</span> : null}
                </th>
                <td className="num" data-field="before">{r.before}</td>
                <td className="num" data-field="now">{r.now}</td>
                <td className={`num part tone-${r.tone}`} data-field="part">{r.part}</td>
                <td className="explain-bar-cell" aria-hidden="true">
                  <div className="explain-bar-track">
                    <span className={`explain-bar ${r.contribution < 0 ? 'down' : 'up'} tone-${r.tone}`} style={{ width: `${r.barPercent / 2}%` }} />
                  </div>
                </td>
                <td className="num" data-field="share">{r.share}</td>
                {ratio ? <td className="num" data-field="mix">{r.mix}</td> : null}
                {ratio ? <td className="num" data-field="rate">{r.rate}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
