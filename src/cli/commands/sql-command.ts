// beacon sql: one read-only SELECT over the workspace's views (events, orders,
// ad_performance, … and kpis), as POST /v1/sql runs it; printed as a table,
// CSV or JSON.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { csvLines } from '../format-query.js';
import { formatTable, printJson, printLine } from '../output.js';

const FORMATS = ['table', 'csv', 'json'] as const;

export function registerSqlCommand(program: Command, env: CliEnvironment): void {
  program
    .command('sql')
    .description("read-only SQL: one SELECT over the workspace's views (events, ad_performance, campaigns, orders, … and kpis)")
    .argument('<statement>', 'the SELECT (or WITH … SELECT) statement, quoted')
    .option('--limit <n>', 'rows returned at most (default 10000)')
    .option('--format <format>', 'table | csv | json', 'table')
    .action(async (statement: string, options: { limit?: string; format: string }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        if (!(FORMATS as readonly string[]).includes(options.format)) {
          throw new ValidationError(`--format must be one of ${FORMATS.join(', ')}, got "${options.format}"`);
        }
        const limit = options.limit === undefined ? undefined : Number(options.limit);
        if (limit !== undefined && !Number.isInteger(limit)) throw new ValidationError(`--limit must be a whole number, got "${options.limit}"`);
        const result = await backend.sql(limit === undefined ? { sql: statement } : { sql: statement, limit });
        const names = result.columns.map((c) => c.name);
        const cells = result.rows.map((row) => names.map((n) => (row[n] !== null && typeof row[n] === 'object' ? JSON.stringify(row[n]) : row[n])));
        if (global.json || options.format === 'json') printJson(result);
        else if (options.format === 'csv') process.stdout.write(csvLines([names, ...cells]));
        else {
          printLine(formatTable(names, cells));
          if (result.truncated) printLine(`(the first ${result.rows.length} rows; raise --limit for more)`);
        }
      }),
    );
}
