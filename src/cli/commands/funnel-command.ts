// beacon funnel: how many people who entered in a period went on through each
// step within a conversion window, as POST /v1/funnels answers it.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatFunnel } from '../format-funnel.js';
import { printJson, printLine } from '../output.js';

interface FunnelOptions {
  steps: string;
  windowDays: string;
  from: string;
  to: string;
  by?: string;
  order?: string;
}

/**
 * The options as the body POST /v1/funnels takes; the service checks the values.
 *
 * @example funnelBody({ steps: 'ad_click, purchase', windowDays: '7', from: '2026-11-01', to: '2026-11-30' })
 * // { steps: ['ad_click', 'purchase'], window_days: 7, from: '2026-11-01', to: '2026-11-30' }
 */
export function funnelBody(options: FunnelOptions): Record<string, unknown> {
  const windowDays = Number(options.windowDays);
  if (options.windowDays.trim() === '' || !Number.isFinite(windowDays)) throw new ValidationError(`--window-days must be a number of days, got "${options.windowDays}"`, { field: 'window_days' });
  return Object.fromEntries(
    Object.entries({
      steps: options.steps.split(',').map((s) => s.trim()),
      window_days: windowDays,
      from: options.from,
      to: options.to,
      order: options.order,
      by: options.by,
    }).filter(([, value]) => value !== undefined),
  );
}

export function registerFunnelCommand(program: Command, env: CliEnvironment): void {
  program
    .command('funnel')
    .description('step counts and conversion rates of people who entered in a period, within a conversion window')
    .requiredOption('--steps <a,b,c>', 'event types, lifecycle stages (lead, mql, sql, opportunity, customer…) or session_start, first to last; event:NAME / stage:NAME say which is meant')
    .requiredOption('--window-days <n>', 'days after the entering event within which every later step must come')
    .requiredOption('--from <date>', 'first day a person may enter, YYYY-MM-DD (workspace time zone)')
    .requiredOption('--to <date>', 'last day a person may enter, YYYY-MM-DD (inclusive)')
    .option('--order <order>', 'ordered (each step after the previous one) | strict (each step the very next funnel-step event) | any (in any order)', 'ordered')
    .option('--by <dimension>', 'channel | campaign of the event that entered each person')
    .action(async (options: FunnelOptions, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.funnel(funnelBody(options));
        if (global.json) printJson(report);
        else printLine(formatFunnel(report));
      }),
    );
}
