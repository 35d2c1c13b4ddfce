// beacon export: a source's current rows (--source) or a metric query's rows
// (--metrics … --from … --to …, the options of beacon query) as CSV or
// Parquet, as GET and POST /v1/export write them; to --out FILE, or for CSV to
// standard output.
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../../core/errors.js';
import { exportFormat } from '../../export/export-format.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { collect } from '../option-values.js';
import { printLine } from '../output.js';
import { queryBody, type QueryOptions } from '../query-options.js';

type ExportOptions = Partial<QueryOptions> & { source?: string; format: string; out?: string };

export function registerExportCommand(program: Command, env: CliEnvironment): void {
  program
    .command('export')
    .description("write a source's rows (--source) or a metric query's rows (--metrics, as beacon query) as CSV or Parquet")
    .option('--source <name>', 'a source: events, ad_performance, campaigns, orders, …; its current rows, bookkeeping columns left out')
    .option('--metrics <ids>', 'comma-separated metric ids: export this query instead of a source')
    .option('--by <dims>', 'with --metrics: comma-separated dimensions')
    .option('--grain <grain>', 'with --metrics: hour | day | week | month | quarter | year')
    .option('--from <date>', 'with --metrics: first day, YYYY-MM-DD')
    .option('--to <date>', 'with --metrics: last day, YYYY-MM-DD')
    .option('--filter <expr>', 'with --metrics: dim=v1,v2 | dim!=v1,v2 | dim~text; repeat to AND', collect)
    .option('--model <model>', 'with --metrics: attribution model of conversions split by channel/campaign')
    .option('--lookback <days>', 'with --metrics: attribution lookback window in days')
    .option('--order-by <fields>', 'with --metrics: comma-separated result columns; a leading - sorts descending')
    .option('--limit <n>', 'with --metrics: keep the first n rows')
    .option('--format <format>', 'csv | parquet', 'csv')
    .option('--out <file>', 'write to this file (Parquet needs one); CSV goes to standard output without it')
    .action(async (options: ExportOptions, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend) => {
        const format = exportFormat(options.format, '--format');
        if ((options.source === undefined) === (options.metrics === undefined)) {
          throw new ValidationError('name what to export: --source NAME, or --metrics IDS --from DATE --to DATE');
        }
        if (format === 'parquet' && !options.out) throw new ValidationError('--format parquet writes a binary file: name it with --out FILE');
        let file;
        if (options.source !== undefined) file = await backend.exportSource(options.source, format);
        else {
          if (!options.from || !options.to) throw new ValidationError('--metrics needs --from DATE and --to DATE');
          file = await backend.exportQuery(queryBody(options as QueryOptions), format);
        }
        if (!options.out) {
          await pipeline(file.stream, process.stdout, { end: false });
          return;
        }
        await pipeline(file.stream, createWriteStream(options.out, { mode: 0o600 }));
        printLine(`wrote ${options.out} (${format}, ${(await stat(options.out)).size} bytes)`);
      }),
    );
}
