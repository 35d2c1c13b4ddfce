// How `beacon clv` prints a report: the fitted parameters and their fits, the
// summary in words (time unit, residual value), warnings, then the top customers.
import type { ClvReport } from '../clv/clv-service.js';
import { formatNumberForUnit } from './format-query.js';
import { formatTable } from './output.js';

export function formatClv(report: ClvReport, currency: string): string {
  const money = (v: number) => formatNumberForUnit(v, 'money', currency);
  const { params: p, summary: s, fit } = report;
  const fixed = (v: number) => v.toFixed(4);
  const count = (n: number) => n.toLocaleString('en-US');
  const lines = [
    `${count(s.customers)} customers (${count(s.repeat_buyers)} repeat buyers), data up to ${s.calibration_end}, time unit: ${s.time_unit}`,
    `BG/NBD      r ${fixed(p.r)}  alpha ${fixed(p.alpha)}  a ${fixed(p.a)}  b ${fixed(p.b)}  log-likelihood ${report.log_likelihood.toFixed(1)}  (${fit.bg_nbd.iterations} iterations${fit.bg_nbd.converged ? '' : ', NOT converged'})`,
    `Gamma-Gamma p ${fixed(p.p)}  q ${fixed(p.q)}  gamma ${fixed(p.gamma)}  (${fit.gamma_gamma.iterations} iterations${fit.gamma_gamma.converged ? '' : ', NOT converged'}); frequency–value correlation ${s.frequency_monetary_correlation.toFixed(2)}`,
    `residual value over the next ${s.horizon_days} days (purchases after ${s.calibration_end} only), ${(s.discount * 100).toFixed(1)} % a year discount, ${(s.margin * 100).toFixed(0)} % margin:`,
    `  total ${money(s.total_clv)} · mean per customer ${money(s.mean_clv)} · a new customer ${money(s.new_customer_clv)}`,
  ];
  const d = report.distribution;
  lines.push(`  half the customers are worth under ${money(d.p50)}; the top 10 % over ${money(d.p90)}, the top 1 % over ${money(d.p99)}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  if (report.holdout) lines.push('', ...formatHoldout(report.holdout, s.time_unit));
  if (report.customers.length > 0) {
    const checked = report.customers.some((c) => c.holdout);
    lines.push(
      '',
      formatTable(
        ['customer', 'frequency', 'recency', 'T', 'mean repeat order', 'P(alive)', 'expected purchases', 'clv', ...(checked ? ['holdout predicted', 'holdout actual'] : [])],
        report.customers.map((c) => [
          c.id,
          String(c.frequency),
          c.recency.toFixed(1),
          c.T.toFixed(1),
          money(c.monetary),
          c.probability_alive.toFixed(3),
          c.expected_purchases.toFixed(2),
          money(c.clv),
          ...(c.holdout ? [c.holdout.predicted.toFixed(2), String(c.holdout.actual)] : []),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** The holdout check: totals, then the BG/NBD paper's table by calibration frequency. */
function formatHoldout(holdout: NonNullable<ClvReport['holdout']>, unit: string): string[] {
  const { aggregate: a } = holdout;
  const gap = a.actual > 0 ? ` (${(((a.predicted - a.actual) / a.actual) * 100).toFixed(1)} %)` : '';
  return [
    `holdout to ${holdout.end} (${holdout.length.toFixed(1)} ${unit}s): ${a.customers.toLocaleString('en-US')} customers made ${a.actual.toLocaleString('en-US')} purchases; the model predicted ${a.predicted.toLocaleString('en-US', { maximumFractionDigits: 1 })}${gap}, mean absolute error per customer ${a.mean_absolute_error.toFixed(3)}`,
    formatTable(
      ['repeat purchases before', 'customers', 'actual per customer', 'predicted per customer'],
      holdout.by_frequency.map((b) => [b.label, b.customers.toLocaleString('en-US'), b.mean_actual.toFixed(3), b.mean_predicted.toFixed(3)]),
    ),
  ];
}
