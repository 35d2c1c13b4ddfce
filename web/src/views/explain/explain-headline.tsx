// The top of an explanation: the API's sentence, the two periods, and the
// KPI before, now and its change (coloured by whether it is good news).
import type { ExplainReport } from '../../api/client';
import { Figure } from '../../frame/figure';
import { changeTone, formatChange, formatValue, sentence } from '../../frame/format';
import { formatPart } from './explain-format';

export function ExplainHeadline({ report }: { report: ExplainReport }) {
  const format = (v: number | null) => formatValue(v, report.unit, report.currency);
  const tone = changeTone(report.change_percent, report.direction);
  return (
    <div className="explain-headline">
      <p className="explain-summary" data-testid="explain-summary">
        {sentence(report.summary)}
      </p>
      <dl className={`explain-figures tone-${tone}`} data-testid="explain-figures">
        <Figure id="previous" label="Before" value={format(report.previous)} detail={`${report.previous_period.from} to ${report.previous_period.to}`} />
        <Figure id="current" label="Now" value={format(report.current)} detail={`${report.period.from} to ${report.period.to}`} />
        <Figure
          id="change"
          label="Change"
          value={formatPart(report.change, report.unit, report.currency)}
          detail={report.change_percent === null ? 'no percent change from zero' : `${formatChange(report.change_percent)} of before`}
          strong
        />
      </dl>
    </div>
  );
}
