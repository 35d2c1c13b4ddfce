// beacon forecast: a series from a CSV file, or a metric's totals per day, week
// or month, forecast by exponential smoothing as POST /v1/forecast answers it.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatForecast } from '../format-forecast.js';
import { printJson, printLine } from '../output.js';
import { parseFilterOption } from '../query-options.js';
import { readSeriesCsv } from '../series-file.js';
import { collect, optionalNumber } from '../option-values.js';

export interface ForecastOptions {
  series?: string;
  season?: string;
  horizon?: string;
  metric?: string;
  from?: string;
  to?: string;
  horizonDays?: string;
  filter?: string[];
  grain?: string;
  model?: string;
  damped?: boolean;
  level?: string;
}

/**
 * The options as the body POST /v1/forecast takes (the series read from its
 * file by `read`); the service checks the values.
 *
 * @example await forecastBody({ metric: 'cost', from: '2026-08-23', to: '2026-11-19', horizonDays: '14' }, readFile)
 * // { metric: 'cost', from: '2026-08-23', to: '2026-11-19', horizon_days: 14 }
 */
export async function forecastBody(options: ForecastOptions, read: (file: string) => Promise<string>): Promise<Record<string, unknown>> {
  const common = { model: options.model, damped: options.damped, level: optionalNumber(options.level, '--level', 'level') };
  let body: Record<string, unknown>;
  if (options.series !== undefined) {
    if (options.metric !== undefined) throw new ValidationError('give --series FILE or --metric M, not both', { field: 'metric' });
    const stray = (['from', 'to', 'horizonDays', 'grain'] as const).find((o) => options[o] !== undefined) ?? (options.filter?.length ? 'filter' : undefined);
    if (stray) throw new ValidationError(`--${stray === 'horizonDays' ? 'horizon-days' : stray} goes with --metric; with --series give --horizon (and --season)`, { field: stray });
    if (options.horizon === undefined) throw new ValidationError('--horizon is needed with --series: the number of periods to forecast', { field: 'horizon' });
    const series = readSeriesCsv(await read(options.series), options.series);
    body = { series, horizon: optionalNumber(options.horizon, '--horizon', 'horizon'), season: optionalNumber(options.season, '--season', 'season'), ...common };
  } else if (options.metric !== undefined) {
    const stray = options.horizon !== undefined ? 'horizon' : options.season !== undefined ? 'season' : undefined;
    if (stray) throw new ValidationError(`--${stray} goes with --series; with --metric give --horizon-days (the season follows --grain)`, { field: stray });
    const missing = (['from', 'to', 'horizonDays'] as const).filter((o) => options[o] === undefined).map((o) => (o === 'horizonDays' ? '--horizon-days' : `--${o}`));
    if (missing.length > 0) throw new ValidationError(`--metric needs ${missing.join(', ')}`, { field: 'metric' });
    body = {
      metric: options.metric,
      filters: options.filter?.length ? options.filter.map(parseFilterOption) : undefined,
      grain: options.grain,
      from: options.from,
      to: options.to,
      horizon_days: optionalNumber(options.horizonDays, '--horizon-days', 'horizon_days'),
      ...common,
    };
  } else {
    throw new ValidationError('give --series FILE.csv (a date,value series) or --metric M with --from, --to and --horizon-days', { field: 'series' });
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

export function registerForecastCommand(program: Command, env: CliEnvironment): void {
  program
    .command('forecast')
    .description('forecast a series (CSV date,value) or a metric by exponential smoothing: model, parameters, AICc and points with intervals')
    .option('--series <file>', 'CSV file with a header naming a date and a value column, one row per day, week or month, oldest first')
    .option('--season <n>', 'with --series: season length in periods (default 7 for days, 52 for weeks, 12 for months; 1: none)')
    .option('--horizon <n>', 'with --series: periods to forecast')
    .option('--metric <id>', 'instead of --series: the metric whose totals per --grain are the series (beacon metrics lists them)')
    .option('--from <date>', 'with --metric: first day of the history, YYYY-MM-DD')
    .option('--to <date>', 'with --metric: last day of the history, YYYY-MM-DD (inclusive)')
    .option('--horizon-days <n>', 'with --metric: days to forecast after the last complete day, week or month')
    .option('--filter <expr>', 'with --metric: dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .option('--grain <grain>', 'with --metric: day | week | month (default day; the season follows it)')
    .option('--model <model>', 'auto (lowest AICc, default) | simple | holt | additive | multiplicative')
    .option('--damped', 'damp the trend')
    .option('--level <p>', 'coverage of the prediction intervals (default 0.95)')
    .action(async (options: ForecastOptions, command: Command) => {
      const body = await forecastBody(options, (file) => readFile(file, 'utf8'));
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.forecast(body);
        if (global.json) printJson(report);
        else printLine(formatForecast(report));
      });
    });
}
