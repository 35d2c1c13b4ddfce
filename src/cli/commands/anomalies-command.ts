// beacon anomalies: a metric's totals per day, week or month over a range,
// each judged against what the history before it leads one to expect, as
// POST /v1/anomalies answers it.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatAnomalies } from '../format-anomalies.js';
import { printJson, printLine } from '../output.js';
import { parseFilterOption } from '../query-options.js';
import { collect, optionalNumber } from '../option-values.js';

export interface AnomalyOptions {
  metric?: string;
  from?: string;
  to?: string;
  filter?: string[];
  grain?: string;
  sensitivity?: string;
  trainingPeriods?: string;
}

/**
 * The options as the body POST /v1/anomalies takes; the service checks the values.
 *
 * @example anomaliesBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15', sensitivity: '0.95' })
 * // { metric: 'cost', from: '2026-10-19', to: '2026-11-15', sensitivity: 0.95 }
 */
export function anomaliesBody(options: AnomalyOptions): Record<string, unknown> {
  const missing = (['metric', 'from', 'to'] as const).filter((o) => options[o] === undefined).map((o) => `--${o}`);
  if (missing.length > 0) throw new ValidationError(`missing ${missing.join(', ')}: give --metric M --from D --to D`, { field: missing[0].slice(2) });
  const body: Record<string, unknown> = {
    metric: options.metric,
    filters: options.filter?.length ? options.filter.map(parseFilterOption) : undefined,
    grain: options.grain,
    from: options.from,
    to: options.to,
    sensitivity: optionalNumber(options.sensitivity, '--sensitivity', 'sensitivity'),
    training_periods: optionalNumber(options.trainingPeriods, '--training-periods', 'training_periods'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

export function registerAnomaliesCommand(program: Command, env: CliEnvironment): void {
  program
    .command('anomalies')
    .description('anomalies on a metric per day, week or month: each value against its expected value and interval, learned from the history before --from')
    .option('--metric <id>', 'the metric (beacon metrics lists them, custom ones too)')
    .option('--from <date>', 'first day to judge, YYYY-MM-DD; the history before it is the training data')
    .option('--to <date>', 'last day to judge, YYYY-MM-DD (inclusive)')
    .option('--filter <expr>', 'dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .option('--grain <grain>', 'day | week | month (default day; the season follows it: 7 days, 52 weeks, 12 months)')
    .option('--sensitivity <p>', 'coverage of the interval a value must fall outside of (default 0.99; 0.95 flags more)')
    .option('--training-periods <n>', 'days, weeks or months of history before --from to learn from (default 56 days, 104 weeks, 24 months)')
    .action(async (options: AnomalyOptions, command: Command) => {
      const body = anomaliesBody(options);
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.anomalies(body);
        if (global.json) printJson(report);
        else printLine(formatAnomalies(report, (await backend.settings()).currency));
      });
    });
}
