// How `beacon anomalies` prints an anomaly report: the metric and how many
// anomalies, the method and why it ran, its parameters and the history it
// learned from, then one row per point (anomalies marked) and the notes.
import type { AnomalyReport } from '../anomalies/anomaly-service.js';
import { formatNumberForUnit } from './format-query.js';
import { formatTable } from './output.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const decimals = (value: number, digits: number) => Number(value.toFixed(digits)).toString();

/**
 * The report as text; values in the metric's unit (money in `currency`).
 *
 * @example formatAnomalies(report, 'USD') // 'Cost (cost) per day, 2026-10-19 … 2026-11-15: 1 anomaly in 28 days\nmethod holt_winters — …'
 */
export function formatAnomalies(report: AnomalyReport, currency: string): string {
  const { metric, params, training, points } = report;
  const value = (v: number) => formatNumberForUnit(v, metric.unit, currency);
  const filters = metric.filters.map((f) => `${f.dimension} ${f.op.replace('_', ' ')} ${f.values.join(', ')}`).join('; ');
  const lines = [
    `${metric.label} (${metric.id}) per ${report.grain}, ${report.from} … ${report.to}${filters ? ` · ${filters}` : ''}: ${report.anomalies === 1 ? '1 anomaly' : `${report.anomalies.toLocaleString('en-US')} anomalies`} in ${plural(points.length, report.grain)}`,
    `method ${report.method} — ${report.reason}`,
    [...methodParams(report, value), `σ ${value(params.sigma)}`, `outside the ${decimals(report.sensitivity * 100, 4)}% interval (± ${decimals(params.threshold, 2)} σ)`].join(' · '),
    `learned from ${plural(training.periods, report.grain)} ${training.from} … ${training.to}`,
    '',
    formatTable(
      ['date', 'value', 'expected', 'lower', 'upper', 'score', 'anomaly'],
      points.map((p) => [p.date, value(p.value), value(p.expected), value(p.lower), value(p.upper), p.score.toFixed(2), p.anomaly ? `${p.severity} ${p.direction}` : '']),
    ),
  ];
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function methodParams(report: AnomalyReport, value: (v: number) => string): string[] {
  const { params } = report;
  if (report.method === 'holt_winters' && params.smoothing) {
    const { alpha, beta, gamma, phi } = params.smoothing;
    const named = (name: string, v: number | null) => (v === null ? [] : [`${name} ${decimals(v, 4)}`]);
    return [`season ${params.season}`, `trend ${params.trend}`, ...named('alpha', alpha), ...named('beta', beta), ...named('gamma', gamma), ...named('phi', phi)];
  }
  const of = report.method === 'seasonal_mad' ? `seasonal differences (lag ${params.season})` : 'values';
  return [`median of the ${of} ${value(params.median ?? 0)}`, `MAD ${value(params.mad ?? 0)}`];
}
