// The beacon command line: global options, one module per command group, and
// the edge where every error, awaited or not, reaches stderr as
// describeFailure words it.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { readConfig, type BeaconConfig } from '../config.js';
import type { CliEnvironment } from './command-context.js';
import { registerAdminCommands } from './commands/admin-commands.js';
import { registerAuditCommand } from './commands/audit-command.js';
import { registerBudgetCommand } from './commands/budget-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerSqlCommand } from './commands/sql-command.js';
import { registerAttributionCommand } from './commands/attribution-command.js';
import { registerClvCommand } from './commands/clv-command.js';
import { registerCohortsCommand } from './commands/cohorts-command.js';
import { registerFunnelCommand } from './commands/funnel-command.js';
import { registerForecastCommand } from './commands/forecast-command.js';
import { registerAnomaliesCommand } from './commands/anomalies-command.js';
import { registerExplainCommand } from './commands/explain-command.js';
import { registerSegmentsCommand } from './commands/segments-command.js';
import { registerGoalsCommand } from './commands/goals-command.js';
import { registerAlertsCommand } from './commands/alerts-command.js';
import { registerExperimentCommand } from './commands/experiment-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerDoctorCommand } from './commands/doctor-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerQueryCommands } from './commands/query-commands.js';
import { registerServeCommand } from './commands/serve-command.js';
import { describeFailure } from './describe-failure.js';
import { EXIT_FAILURE } from './output.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[]): Promise<number> {
  let config: BeaconConfig;
  try {
    config = readConfig();
  } catch (err) {
    return fail(err, argv.includes('--verbose'));
  }
  const env: CliEnvironment = { config, version: packageVersion(), exitCode: 0 };
  const program = new Command('beacon')
    .description('Beacon — self-hosted marketing metrics backend')
    .version(env.version)
    .option('--db <path>', 'DuckDB database file', env.config.dbPath)
    .option('--clickhouse <url>', 'use ClickHouse instead of the DuckDB file, e.g. http://127.0.0.1:8123/beacon (env BEACON_CLICKHOUSE_URL)')
    .option('--clickhouse-cluster <name>', 'with --clickhouse: the cluster whose shards hold the person tables (env BEACON_CLICKHOUSE_CLUSTER)', env.config.clickhouseCluster)
    .option('--clickhouse-shards <urls>', "with --clickhouse-cluster: every shard's HTTP URL, comma separated (env BEACON_CLICKHOUSE_SHARDS)", env.config.clickhouseShards)
    .option('--server <url>', 'run the command through a running Beacon server')
    .option('--key <key>', 'API key for --server')
    .option('--workspace <name>', 'workspace', 'default')
    .option('--memory-limit <size>', "DuckDB's memory limit, e.g. 512MB (default 1GB; 128MB for import)")
    .option('--json', 'machine output on stdout (the matching HTTP body)')
    .option('--verbose', 'show the stack trace of an internal error (also BEACON_LOG_LEVEL=debug)')
    .showHelpAfterError()
    .exitOverride();
  // BEACON_CLICKHOUSE_URL stands for --clickhouse unless the command goes through --server.
  program.hook('preAction', () => {
    const given = program.opts<{ clickhouse?: string; server?: string }>();
    if (given.clickhouse === undefined && given.server === undefined && env.config.clickhouseUrl) {
      program.setOptionValueWithSource('clickhouse', env.config.clickhouseUrl, 'env');
    }
  });
  registerServeCommand(program, env);
  registerDemoCommand(program, env);
  registerImportCommand(program, env);
  registerAdminCommands(program, env);
  registerQueryCommands(program, env);
  registerAttributionCommand(program, env);
  registerClvCommand(program, env);
  registerCohortsCommand(program, env);
  registerFunnelCommand(program, env);
  registerForecastCommand(program, env);
  registerAnomaliesCommand(program, env);
  registerExplainCommand(program, env);
  registerSegmentsCommand(program, env);
  registerGoalsCommand(program, env);
  registerAlertsCommand(program, env);
  registerExperimentCommand(program, env);
  registerAuditCommand(program, env);
  registerBudgetCommand(program, env);
  registerExportCommand(program, env);
  registerSqlCommand(program, env);
  registerDoctorCommand(program, env);
  const verbose = () => program.opts<{ verbose?: boolean }>().verbose === true || ['debug', 'trace'].includes(config.logLevel);
  // An error no command awaited (a timer, a socket of the server) ends the process the same way.
  const failNow = (err: unknown) => {
    process.exitCode = fail(err, verbose());
    process.exit();
  };
  process.on('uncaughtException', failNow);
  process.on('unhandledRejection', failNow);
  try {
    await program.parseAsync(argv);
    return env.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_FAILURE;
    return fail(err, verbose());
  }
}

/** Writes the failure's message to stderr; returns the exit code. */
function fail(err: unknown, verbose: boolean): number {
  const failure = describeFailure(err, { verbose });
  process.stderr.write(`${failure.text}\n`);
  return failure.exitCode;
}
