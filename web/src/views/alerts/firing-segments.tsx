// The segments a firing named (its rule's campaigns or channels), in the
// order the API gives them: each one's value of the metric and its signed
// share of the change of the whole, with a bar to the right for a push the
// same way and to the left for one against it.
import type { AlertFiring } from '../../api/client';
import { formatValue, type DisplayUnit } from '../../frame/format';
import { formatContribution } from './alerts-format';

interface SegmentsProps {
  firing: AlertFiring;
  unit: DisplayUnit;
  currency: string;
  campaignNames: ReadonlyMap<string, string>;
}

export function FiringSegments({ firing, unit, currency, campaignNames }: SegmentsProps) {
  if (firing.segments.length === 0) return <p className="hint">This rule has no breakdown, so the firing names no segments.</p>;
  const widest = Math.max(...firing.segments.map((s) => Math.abs(s.contribution_percent)), 1);
  const dimension = firing.segments[0].dimension;
  return (
    <div className="table-scroll">
      <table className="drill alert-segments" data-testid="alert-segments">
        <thead>
          <tr>
            <th scope="col">{dimension === 'campaign' ? 'Campaign' : dimension === 'channel' ? 'Channel' : dimension}</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num" title="its share of the change of the whole against the previous period; negative when it moved against it">
              Share of the change
            </th>
          </tr>
        </thead>
        <tbody>
          {firing.segments.map((s) => (
            <tr key={`${s.dimension}:${s.value}`} data-testid="alert-segment" data-segment={s.value} data-contribution={s.contribution_percent}>
              <th scope="row">{s.dimension === 'campaign' ? (campaignNames.get(s.value) ?? s.value) : s.value}</th>
              <td className="num">{formatValue(s.metric_value, unit, currency)}</td>
              <td className="num">
                <span className="alert-contribution">
                  <span className="contribution-bar" aria-hidden="true">
                    <span
                      className={s.contribution_percent < 0 ? 'against' : 'with'}
                      style={{ width: `${(Math.abs(s.contribution_percent) / widest) * 50}%`, [s.contribution_percent < 0 ? 'right' : 'left']: '50%' }}
                    />
                  </span>
                  <span data-field="contribution">{formatContribution(s.contribution_percent)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
