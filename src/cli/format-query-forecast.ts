// How `beacon query --forecast N` prints the forecast beside the query: a
// table per metric (date, forecast, lower, upper, in the metric's unit) under
// a line naming the model; in CSV, the forecast buckets as extra rows.
import type { ForecastQueryResult, QueryMetricForecast } from '../forecast/query-forecast.js';
import type { ResultColumn } from '../metrics/types.js';
import { csvLines, formatNumberForUnit, queryCsvRecords } from './format-query.js';
import { formatTable } from './output.js';

/** The forecast tables of a result, one per metric forecast; empty without a forecast. */
export function formatQueryForecast(result: ForecastQueryResult, currency: string): string {
  if (!result.forecast) return '';
  const blocks: string[] = [];
  for (const column of metricColumns(result)) {
    const forecast = result.forecast[column.name];
    if (!forecast) continue;
    const cell = (v: number) => (column.unit ? formatNumberForUnit(v, column.unit, currency) : String(v));
    const percent = `${Number((forecast.level * 100).toFixed(1))}%`;
    blocks.push(
      [
        `forecast of ${column.name}: ${describeModel(forecast)}`,
        formatTable(
          ['date', 'forecast', `lower ${percent}`, `upper ${percent}`],
          forecast.points.map((p) => [p.date, cell(p.value), cell(p.lower), cell(p.upper)]),
        ),
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/**
 * The query's CSV with the forecast buckets as rows after its own: every
 * metric column holds the forecast there, and each metric forecast adds
 * `<metric>_lower` and `<metric>_upper` columns, then `forecast` (false on the
 * query's rows, true on the forecast's). Without a forecast, the query's CSV.
 */
export function formatQueryCsvWithForecast(result: ForecastQueryResult): string {
  const [header, ...rows] = queryCsvRecords(result);
  const forecast = result.forecast;
  if (!forecast) return csvLines([header, ...rows]);
  const metrics = metricColumns(result)
    .map((c) => c.name)
    .filter((m) => forecast[m] !== undefined);
  const extra = [...metrics.flatMap((m) => [`${m}_lower`, `${m}_upper`]), 'forecast'];
  const dates = [...new Set(metrics.flatMap((m) => forecast[m].points.map((p) => p.date)))].sort();
  const metricNames = new Set(metricColumns(result).map((c) => c.name));
  const forecastRows = dates.map((date) => {
    const point = (m: string) => forecast[m]?.points.find((p) => p.date === date);
    const base = header.map((name) => (name === 'date' ? date : metricNames.has(String(name)) ? (point(String(name))?.value ?? null) : null));
    return [...base, ...metrics.flatMap((m) => [point(m)?.lower ?? null, point(m)?.upper ?? null]), true];
  });
  const queryRows = rows.map((row) => [...row, ...metrics.flatMap(() => [null, null]), false]);
  return csvLines([[...header, ...extra], ...queryRows, ...forecastRows]);
}

function metricColumns(result: ForecastQueryResult): ResultColumn[] {
  return result.columns.filter((c) => c.kind === 'metric');
}

function describeModel(forecast: QueryMetricForecast): string {
  const seasonal = forecast.model.startsWith('additive') || forecast.model.startsWith('multiplicative');
  return `${forecast.model}${seasonal ? `, season of ${forecast.season}` : ''}`;
}
