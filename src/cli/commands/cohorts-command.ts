// beacon cohorts: acquisition cohorts by week or month, as POST /v1/cohorts
// answers them, printed as a triangle (cohort, size, value per period).
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatCohorts } from '../format-cohorts.js';
import { printJson, printLine } from '../output.js';

interface CohortsOptions {
  by: string;
  metric: string;
  from: string;
  to: string;
  activity?: string;
  channel?: string;
  dimension?: string;
  projection?: string;
}

/** The options as the body POST /v1/cohorts takes; the service checks the values. */
export function cohortsBody(options: CohortsOptions): Record<string, unknown> {
  let projection: number | undefined;
  if (options.projection !== undefined) {
    projection = Number(options.projection);
    if (!Number.isInteger(projection)) throw new ValidationError(`--projection must be a whole number of periods, got "${options.projection}"`);
  }
  return Object.fromEntries(
    Object.entries({
      by: options.by,
      metric: options.metric,
      from: options.from,
      to: options.to,
      activity: options.activity,
      channel: options.channel,
      dimension: options.dimension,
      projection_periods: projection,
    }).filter(([, value]) => value !== undefined),
  );
}

export function registerCohortsCommand(program: Command, env: CliEnvironment): void {
  program
    .command('cohorts')
    .description('acquisition cohorts: retention or cumulative revenue per customer in each week or month since acquisition')
    .option('--by <period>', 'week | month (calendar weeks from Monday, or months, of the workspace time zone)', 'month')
    .option('--metric <metric>', 'retention (% of the cohort active) | revenue (cumulative revenue per customer)', 'retention')
    .requiredOption('--from <date>', 'first acquisition date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last acquisition date, YYYY-MM-DD (inclusive)')
    .option('--activity <activity>', 'purchase (default: a completed order in the period) | subscription (lifecycle customer or reactivated)')
    .option('--channel <channel>', 'only customers acquired through this channel ("(none)": without one)')
    .option('--dimension <dimension>', 'also one matrix per acquisition channel | campaign')
    .option('--projection <periods>', 'retention with subscription activity: periods the sBG model projects (default 6)')
    .action(async (options: CohortsOptions, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.cohorts(cohortsBody(options));
        if (global.json) printJson(report);
        else printLine(formatCohorts(report));
      }),
    );
}
