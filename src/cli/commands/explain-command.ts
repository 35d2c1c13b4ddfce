// beacon explain: why a KPI changed from the previous period (or year) to
// --from…--to — the drivers along its formula and, with --by, the segments'
// mix and rate parts, each adding up to the change — as POST /v1/explain
// answers it.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatExplain } from '../format-explain.js';
import { collect } from '../option-values.js';
import { printJson, printLine } from '../output.js';
import { parseFilterOption } from '../query-options.js';

export interface ExplainOptions {
  metric?: string;
  from?: string;
  to?: string;
  compare?: string;
  by?: string;
  filter?: string[];
}

/**
 * The options as the body POST /v1/explain takes; the service checks the values.
 *
 * @example explainBody({ metric: 'cpa', from: '2026-11-08', to: '2026-11-14', by: 'channel' })
 * // { metric: 'cpa', from: '2026-11-08', to: '2026-11-14', by: 'channel' }
 */
export function explainBody(options: ExplainOptions): Record<string, unknown> {
  const missing = (['metric', 'from', 'to'] as const).filter((o) => options[o] === undefined).map((o) => `--${o}`);
  if (missing.length > 0) throw new ValidationError(`missing ${missing.join(', ')}: give --metric M --from D --to D`, { field: missing[0].slice(2) });
  const body: Record<string, unknown> = {
    metric: options.metric,
    from: options.from,
    to: options.to,
    compare: options.compare,
    by: options.by,
    filters: options.filter?.length ? options.filter.map(parseFilterOption) : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

export function registerExplainCommand(program: Command, env: CliEnvironment): void {
  program
    .command('explain')
    .description('why a KPI changed: the drivers along its formula (CPA = CPC ÷ CVR…) and, with --by, each segment’s mix and rate parts, adding up to the change')
    .option('--metric <id>', 'the metric (beacon metrics lists them, custom ones too)')
    .option('--from <date>', 'first day of the period to explain, YYYY-MM-DD')
    .option('--to <date>', 'last day of the period to explain, YYYY-MM-DD (inclusive)')
    .option('--compare <period>', 'previous_period (default: as many days right before --from) | previous_year')
    .option('--by <dimension>', 'split the change across a dimension’s segments: channel, campaign, platform, device, country…')
    .option('--filter <expr>', 'dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .action(async (options: ExplainOptions, command: Command) => {
      const body = explainBody(options);
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.explain(body);
        if (global.json) printJson(report);
        else printLine(formatExplain(report));
      });
    });
}
