// How `beacon forecast` prints a forecast: the model in words and its
// parameters, AICc and SSE, what was fitted, then one row per period with the
// forecast and its interval, and the notes.
import type { ForecastReport } from '../forecast/forecast-service.js';
import type { ModelName } from '../forecast/smoothing.js';
import { formatTable } from './output.js';

const MODEL_WORDS: Record<ModelName, string> = {
  simple: 'simple exponential smoothing (level only)',
  holt: 'Holt’s linear trend',
  'holt-damped': 'Holt’s damped trend',
  additive: 'Holt-Winters, additive seasonality',
  'additive-damped': 'Holt-Winters, additive seasonality, damped trend',
  multiplicative: 'Holt-Winters, multiplicative seasonality',
  'multiplicative-damped': 'Holt-Winters, multiplicative seasonality, damped trend',
};

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const parameter = (name: string, value: number | null) => (value === null ? [] : [`${name} ${Number(value.toFixed(4))}`]);

/** Figures to as many decimals as their size needs: none from 1,000, one from 10, else two. */
function figures(values: readonly number[]): (v: number) => string {
  const largest = Math.max(0, ...values.map(Math.abs));
  const digits = largest >= 1000 ? 0 : largest >= 10 ? 1 : 2;
  return (v) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatForecast(report: ForecastReport): string {
  const { params, fitted, points } = report;
  const seasonal = report.model.startsWith('additive') || report.model.startsWith('multiplicative');
  const number = figures(points.flatMap((p) => [p.value, p.lower, p.upper]));
  const lines = [
    `model ${report.model}: ${MODEL_WORDS[report.model]}${seasonal ? `, season of ${plural(report.season, report.grain)}` : ''}`,
    [...parameter('alpha', params.alpha), ...parameter('beta', params.beta), ...parameter('gamma', params.gamma), ...parameter('phi', params.phi)].join(' · '),
    `AICc ${report.aicc.toLocaleString('en-US', { maximumFractionDigits: 2 })} · SSE ${report.sse.toLocaleString('en-US', { maximumFractionDigits: 2 })}`,
  ];
  const history = fitted.length > 0 ? `${plural(fitted.length, report.grain)} ${fitted[0].date} … ${fitted[fitted.length - 1].date}` : 'no periods';
  if (report.metric) {
    const m = report.metric;
    const filters = m.filters.map((f) => `${f.dimension} ${f.op.replace('_', ' ')} ${f.values.join(', ')}`).join('; ');
    lines.push(`fitted on ${m.label} (${m.id}) per ${report.grain}: ${history}${filters ? ` · ${filters}` : ''}`);
  } else {
    lines.push(`fitted on ${history}`);
  }
  const percent = `${Number((report.level * 100).toFixed(1))}%`;
  lines.push(
    '',
    formatTable(
      ['date', 'forecast', `lower ${percent}`, `upper ${percent}`],
      points.map((p) => [p.date, number(p.value), number(p.lower), number(p.upper)]),
    ),
  );
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
