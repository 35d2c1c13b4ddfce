// One row per variant, the control first as the API orders it: people, the
// converted (for a share of people), the value in the metric's unit, the
// CUPED-adjusted value, the lift with its interval, the p-value, the chance
// to beat the control, the expected loss of shipping it and the variance
// CUPED removed.
import type { ExperimentReadout } from '../../api/client';
import { formatValue } from '../../frame/format';
import type { ExperimentMetricOption, MetricUnit } from './experiments-queries';
import {
  confidenceLevel,
  formatAbsolute,
  formatAbsoluteInterval,
  formatChance,
  formatInterval,
  formatLoss,
  formatMetricValue,
  formatPValue,
  formatRelative,
  formatShare,
  readoutUnit,
  type VariantRow,
} from './readout-format';

interface TableProps {
  readout: ExperimentReadout;
  metric: ExperimentMetricOption;
  currency: string;
}

export function VariantTable({ readout, metric, currency }: TableProps) {
  const cuped = readout.cuped !== null;
  const unit = readoutUnit(readout, metric.id);
  const share = unit === 'rate';
  const several = readout.variants.filter((v) => !v.is_control).length > 1;
  const level = confidenceLevel(readout.alpha);
  return (
    <div className="table-scroll">
      <table className="drill experiment-table" data-testid="variant-table">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col" className="num">People</th>
            {share ? <th scope="col" className="num" title="people whose outcome was 1">Converted</th> : null}
            <th scope="col" className="num">{metric.label}</th>
            {cuped ? <th scope="col" className="num" title="the value adjusted for each person’s same metric before exposure: what the lift compares">CUPED-adjusted</th> : null}
            <th scope="col" className="num">Lift</th>
            <th scope="col" className="num" title={readout.sequential ? 'always-valid: holds however often the test is looked at' : undefined}>
              {level} interval
            </th>
            <th scope="col" className="num" title={several ? 'two-sided; Benjamini–Hochberg adjusted across the treatments in brackets' : 'two-sided'}>
              p‑value
            </th>
            <th scope="col" className="num" title="Bayesian probability that the variant’s value is above the control’s">Chance to beat control</th>
            <th scope="col" className="num" title="what shipping the variant is expected to lose where the control is better, in the metric’s unit">Expected loss</th>
            {cuped ? <th scope="col" className="num" title="share of the variant’s variance CUPED removed">Variance removed</th> : null}
          </tr>
        </thead>
        <tbody>
          {readout.variants.map((v) => (
            <VariantRowView key={v.name} v={v} readout={readout} unit={unit} currency={currency} share={share} several={several} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  v: VariantRow;
  readout: ExperimentReadout;
  unit: MetricUnit;
  currency: string;
  share: boolean;
  several: boolean;
}

function VariantRowView({ v, readout, unit, currency, share, several }: RowProps) {
  const lift = v.lift;
  const loss = v.expected_loss;
  return (
    <tr data-testid="variant-row" data-variant={v.name} data-control={v.is_control || undefined}>
      <th scope="row">
        {v.name}
        {v.is_control ? <span className="chip">control</span> : null}
      </th>
      <td className="num" data-field="people">{formatValue(v.n, 'count')}</td>
      {share ? <td className="num" data-field="converted">{formatValue(Math.round(v.value * v.n), 'count')}</td> : null}
      <td className="num" data-field="value">{formatMetricValue(v.value, unit, currency)}</td>
      {readout.cuped ? <td className="num" data-field="adjusted">{formatMetricValue(v.adjusted_value, unit, currency)}</td> : null}
      <td className="num" data-field="lift">
        {lift === null ? '—' : lift.relative !== null ? formatRelative(lift.relative) : formatAbsolute(lift.absolute, unit, currency)}
        {lift && lift.relative !== null ? <span className="sub">{formatAbsolute(lift.absolute, unit, currency)}</span> : null}
      </td>
      <td className="num" data-field="interval">
        {lift === null ? '—' : lift.relative_ci !== null ? formatInterval(lift.relative_ci) : formatAbsoluteInterval(lift.ci, unit, currency)}
        {lift && lift.relative_ci !== null ? <span className="sub">{formatAbsoluteInterval(lift.ci, unit, currency)}</span> : null}
      </td>
      <td className="num" data-field="p">
        {formatPValue(v.p_value)}
        {several && v.p_value_adjusted !== null ? <span className="sub">adjusted {formatPValue(v.p_value_adjusted)}</span> : null}
      </td>
      <td className="num" data-field="chance">{formatChance(v.probability_to_beat_control)}</td>
      <td className="num" data-field="loss" title={loss ? `keeping ${readout.control} instead is expected to lose ${formatLoss(loss.keep_control, unit, currency)}` : undefined}>
        {loss ? formatLoss(loss.choose_variant, unit, currency) : '—'}
      </td>
      {readout.cuped ? (
        <td className="num" data-field="variance">
          {v.cuped ? formatShare(v.cuped.variance_reduction) : '—'}
        </td>
      ) : null}
    </tr>
  );
}
