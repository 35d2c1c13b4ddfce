// How `beacon explain` prints why a KPI changed: a headline sentence with the
// two periods, the drivers along the formula with their own change, their
// part of the change and their share, then the segments of --by with their
// mix and rate parts, and the notes.
import type { ExplainReport } from '../insight/explain-service.js';
import { formatNumberForUnit } from './format-query.js';
import { share, signedPercent, signedValue } from './format-insight-values.js';
import { formatTable } from './output.js';

const METHOD: Record<NonNullable<ExplainReport['method']>, string> = {
  'known-factors': 'along its factors',
  formula: 'along its formula',
  whole: 'as a whole',
};

/**
 * The report as text; values in their unit (money in the report's currency).
 *
 * @example formatExplain(report) // 'CPA rose from USD 20.00 to USD 25.00 (+25 %), 2026-11-08 … 2026-11-14 against 2026-11-01 … 2026-11-07\n…'
 */
export function formatExplain(report: ExplainReport): string {
  const { currency, unit } = report;
  const value = (v: number | null) => formatNumberForUnit(v, unit, currency);
  const change = (v: number | null) => signedValue(v, unit, currency);
  const lines = [`${headline(report)}, ${report.period.from} … ${report.period.to} against ${report.previous_period.from} … ${report.previous_period.to}`];
  const filters = report.filters.map((f) => `${f.dimension} ${f.op.replace('_', ' ')} ${f.values.join(', ')}`).join('; ');
  if (filters) lines.push(`filters: ${filters}`);
  if (report.method && report.drivers.length > 0) {
    lines.push('', `Drivers, ${METHOD[report.method]} (they add up to ${change(report.change)}):`);
    lines.push(
      formatTable(
        ['driver', 'before', 'now', 'own change', `part of ${report.label}`, 'share'],
        report.drivers.map((d) => {
          const own = (v: number | null) => (d.unit ? formatNumberForUnit(v, d.unit, currency) : v === null ? '–' : String(Number(v.toPrecision(4))));
          return [d.label, own(d.previous), own(d.current), signedPercent(d.change_percent), change(d.contribution), share(d.share_percent)];
        }),
      ),
    );
  }
  const breakdown = report.breakdown;
  if (breakdown && breakdown.kind !== 'none' && breakdown.segments.length > 0) {
    const ratio = breakdown.kind === 'ratio';
    lines.push('', `By ${breakdown.dimension}${ratio ? ', mix and rate' : ''} (${value(breakdown.previous)} → ${value(breakdown.current)}, the parts add up to ${change(breakdown.change)}):`);
    lines.push(
      formatTable(
        [breakdown.dimension, 'before', 'now', `part of ${report.label}`, 'share', ...(ratio ? ['mix', 'rate'] : [])],
        breakdown.segments.map((s) => [
          s.status === 'both' ? s.key : `${s.key} (${s.status})`,
          value(s.previous),
          value(s.current),
          change(s.contribution),
          share(s.share_percent),
          ...(ratio ? [change(s.mix), change(s.rate)] : []),
        ]),
      ),
    );
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** "CPA rose from USD 20.00 to USD 25.00 (+25 %)". */
function headline(report: ExplainReport): string {
  const value = (v: number | null) => (v === null ? 'no value' : formatNumberForUnit(v, report.unit, report.currency));
  const { previous, current, change } = report;
  if (change === null) return `${report.label} went from ${value(previous)} to ${value(current)}`;
  if (change === 0) return `${report.label} was unchanged at ${value(current)}`;
  const by = report.change_percent === null ? signedValue(change, report.unit, report.currency) : signedPercent(report.change_percent);
  return `${report.label} ${change > 0 ? 'rose' : 'fell'} from ${value(previous)} to ${value(current)} (${by})`;
}
