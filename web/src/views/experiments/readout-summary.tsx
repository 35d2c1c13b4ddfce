// The top of a readout: one sentence per treatment (what it did against the
// control, the interval, the chance to beat it, significant or not), then
// the figures a reader checks before believing it — people in the test and
// left out, the sample ratio, what CUPED removed — and what was read.
import type { ExperimentReadout } from '../../api/client';
import { Figure } from '../../frame/figure';
import { formatValue } from '../../frame/format';
import { confidenceLevel, cupedSummary, formatShare, verdictOf } from './readout-format';

const count = (n: number) => formatValue(n, 'count');

export function ReadoutSummary({ readout, metric, currency, cupedAsked }: { readout: ExperimentReadout; metric: string; currency: string; cupedAsked: boolean }) {
  const treatments = readout.variants.filter((v) => !v.is_control && v.lift !== null);
  const source = readout.source;
  const cuped = cupedSummary(readout, source?.cuped_days ?? null);
  return (
    <>
      <ul className="verdicts" data-testid="verdicts">
        {treatments.map((v) => {
          const verdict = verdictOf(readout, v, metric, currency);
          return (
            <li key={v.name} className={`verdict tone-${verdict.tone}`} data-testid="verdict" data-variant={v.name} data-tone={verdict.tone} data-significant={verdict.significant}>
              <span className={`chip verdict-${verdict.tone}`}>{verdict.significant ? 'Significant' : 'Not significant'}</span>
              <span className="verdict-text">{verdict.text}</span>
            </li>
          );
        })}
      </ul>
      <dl className="experiment-figures" data-testid="experiment-figures">
        {source ? (
          <>
            <Figure id="exposed" label="People in the test" value={count(source.exposed)} detail={`first exposed from ${source.from} to ${source.to}`} />
            <Figure id="excluded" label="Left out" value={count(source.excluded_multiple_variants)} detail="saw more than one variant" />
          </>
        ) : null}
        <Figure
          id="srm"
          label="Sample ratio"
          value={readout.srm.flagged ? 'Mismatch' : 'As planned'}
          detail={`χ² p ${readout.srm.p_value < 0.001 ? '< 0.001' : `= ${readout.srm.p_value.toFixed(3)}`} against an equal split`}
        />
        <Figure id="cuped" label="CUPED" value={cupedValue(readout, cupedAsked)} detail={readout.cuped ? `of the variance removed (θ = ${readout.cuped.theta.toPrecision(3)})` : cupedAsked ? 'no one had the metric before exposure' : 'switched off'} />
      </dl>
      <p className="panel-caption experiment-caption" data-testid="experiment-caption">
        {source ? `Everyone first exposed from ${source.from} to ${source.to} (${source.time_zone}) counts in the variant they saw first; per person: ${source.per_person}, up to the end of ${source.to}. ` : ''}
        Lifts are against {readout.control} with {confidenceLevel(readout.alpha)} intervals
        {readout.sequential ? ', always valid: they hold however often the test is looked at.' : ', for one look at the planned end of the test (switch on sequential testing to look every day).'}
        {cuped ? ` ${cuped}` : ''}
      </p>
    </>
  );
}

/** The variance CUPED removed as one figure: the variants' range, or why there is none. */
function cupedValue(readout: ExperimentReadout, asked: boolean): string {
  if (!readout.cuped) return asked ? 'Not applied' : 'Off';
  const cuts = readout.variants.filter((v) => v.cuped).map((v) => v.cuped!.variance_reduction);
  const [low, high] = [formatShare(Math.min(...cuts)), formatShare(Math.max(...cuts))];
  if (low === high) return low;
  return low.startsWith('−') ? `${low} to ${high}` : `${low.slice(0, -1)}–${high}`;
}
