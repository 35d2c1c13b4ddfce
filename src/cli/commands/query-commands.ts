// beacon query / beacon metrics: metric queries (with their forecast when
// asked) and the catalog.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatQueryTable } from '../format-query.js';
import { formatQueryCsvWithForecast, formatQueryForecast } from '../format-query-forecast.js';
import { formatTable, printJson, printLine } from '../output.js';
import { queryBody, type QueryOptions } from '../query-options.js';
import { collect } from '../option-values.js';

const FORMATS = ['table', 'csv', 'json'] as const;

export function registerQueryCommands(program: Command, env: CliEnvironment): void {
  program
    .command('query')
    .description('metrics by dimension and time grain over a period')
    .requiredOption('--metrics <ids>', 'comma-separated metric ids (see beacon metrics)')
    .option('--by <dims>', 'comma-separated dimensions: channel, platform, campaign, ad_group, ad, source, medium, landing_page, device, country, conversion_type, objective')
    .option('--grain <grain>', 'hour | day | week | month | quarter | year')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (inclusive, workspace time zone)')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (inclusive)')
    .option('--filter <expr>', 'dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .option('--compare <window>', 'previous_period | previous_year')
    .option('--model <model>', 'attribution of conversions split by channel/campaign: last_non_direct | first_touch | last_touch')
    .option('--lookback <days>', 'attribution lookback window in days')
    .option('--order-by <fields>', 'comma-separated result columns; a leading - sorts descending (e.g. -cost)')
    .option('--limit <n>', 'keep the first n rows')
    .option('--forecast <n>', 'also forecast each metric n buckets past its last complete one (--grain day, week or month; no --by)')
    .option('--forecast-model <model>', 'with --forecast: auto (lowest AICc, default) | simple | holt | additive | multiplicative')
    .option('--forecast-level <p>', 'with --forecast: coverage of the prediction intervals (default 0.95)')
    .option('--format <format>', 'table | csv | json', 'table')
    .action(async (options: QueryOptions & { format: string }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        if (!(FORMATS as readonly string[]).includes(options.format)) {
          throw new ValidationError(`--format must be one of ${FORMATS.join(', ')}, got "${options.format}"`);
        }
        const result = await backend.query(queryBody(options));
        if (global.json || options.format === 'json') printJson(result);
        else if (options.format === 'csv') process.stdout.write(formatQueryCsvWithForecast(result));
        else {
          const { currency } = await backend.settings();
          printLine(formatQueryTable(result, currency));
          const forecast = formatQueryForecast(result, currency);
          if (forecast) printLine(`\n${forecast}`);
        }
      }),
    );

  program
    .command('metrics')
    .description('list the metric catalog (id, formula, unit, direction, dimensions)')
    .action(async (_options, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const metrics = await backend.catalog();
        if (global.json) printJson({ metrics });
        else {
          printLine(
            formatTable(
              ['id', 'unit', 'dir', 'formula', 'dimensions'],
              metrics.map((m) => [
                m.id + (m.custom ? ' *' : ''),
                m.unit,
                { up: '↑', down: '↓', neutral: '·' }[m.direction],
                m.formula,
                m.dimensions.join(', ') || '—',
              ]),
            ),
          );
          if (metrics.some((m) => m.custom)) printLine('* user-defined');
        }
      }),
    );
}
