// beacon demo: generates the seeded demo shop, loads it through the ingestion
// pipeline, and serves the API with a fresh admin key.
import type { Command } from 'commander';
import { createApiKey } from '../../access/api-keys.js';
import { ensureWorkspace } from '../../access/workspaces.js';
import { addDays, isValidDate, utcDate } from '../../core/time.js';
import { ValidationError } from '../../core/errors.js';
import { generateDemo, type DemoDataSet } from '../../demo/generate-demo.js';
import { refreshWorkspace } from '../../warehouse/derive-scheduler.js';
import type { RawRecord } from '../../ingest/readers/raw-record.js';
import type { SourceName } from '../../model/sources.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { globalOptions, type CliEnvironment } from '../command-context.js';
import { LocalBackend } from '../local-backend.js';
import { createDemoTargets } from '../demo-targets.js';
import { openWarehouse } from '../open-warehouse.js';
import { formatSummary, printJson, printLine } from '../output.js';
import { SERVER_CHECKPOINT_THRESHOLD, parsePort, startServing, untilSignal } from './serve-command.js';

interface DemoOptions {
  days: string;
  seed: string;
  port: string;
  serve: boolean;
  end?: string;
  visitors: string;
}

/** Load order: catalogues and rates first, so events resolve campaigns and currencies on the first refresh. */
const LOAD_ORDER = ['campaigns', 'fx_rates', 'ad_performance', 'costs', 'orders', 'lifecycle', 'surveys', 'events'] as const;

export function registerDemoCommand(program: Command, env: CliEnvironment): void {
  program
    .command('demo')
    .description('generate and load a realistic demo data set, then serve it')
    .option('--days <n>', 'days of data', '90')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--end <date>', 'last day of data (default: yesterday, UTC)')
    .option('--visitors <n>', 'number of visitors', '50000')
    .option('--port <port>', 'port to serve on', String(env.config.port))
    .option('--no-serve', 'load the data and exit')
    .action(async (options: DemoOptions, command: Command) => {
      const global = globalOptions(command);
      const end = options.end ?? addDays(utcDate(Date.now()), -1);
      if (!isValidDate(end)) throw new ValidationError(`--end must be a date YYYY-MM-DD, got "${end}"`);
      const data = generateDemo({ days: positive(options.days, '--days'), seed: positive(options.seed, '--seed'), end, visitors: positive(options.visitors, '--visitors') });
      const { warehouse, dbPath } = await openWarehouse({ ...global, memoryLimit: global.memoryLimit ?? env.config.duckdbMemoryLimit, checkpointThreshold: SERVER_CHECKPOINT_THRESHOLD, statementTimeoutMs: env.config.statementTimeoutMs });
      try {
        const workspace = await ensureWorkspace(warehouse, global.workspace);
        const results = await loadDemo(warehouse, global.workspace, data, (source, line) => {
          if (!global.json) printLine(`${source.padEnd(15)} ${line}`);
        });
        await createDemoTargets(warehouse, workspace, end);
        const key = await createApiKey(warehouse, global.workspace, 'admin');
        // The dashboard signs in with a read key, carried in the link's fragment (never sent to the server).
        const readKey = await createApiKey(warehouse, global.workspace, 'read');
        if (!options.serve) {
          if (global.json) printJson({ loaded: results, admin_key: key.key });
          else printLine(`\nadmin key: ${key.key}`);
          await warehouse.close();
          return;
        }
        const server = await startServing(warehouse, env, { host: env.config.host, port: parsePort(options.port), dbPath });
        const dashboard = `${server.url}/#key=${readKey.key}`;
        if (global.json) printJson({ loaded: results, url: server.url, dashboard, admin_key: key.key, read_key: readKey.key });
        else {
          printLine(`\nBeacon is serving the demo shop on ${server.url}`);
          printLine(`dashboard (signs in with a read key): ${dashboard}`);
          printLine(`admin key (shown once): ${key.key}`);
          const from = addDays(end, -(positive(options.days, '--days') - 1));
          printLine(`try, in another terminal (it goes through this server):`);
          printLine(`  npx beacon query --metrics cost,conversions,cpa,roas --by channel --from ${from} --to ${end}`);
          printLine(`  curl -H "Authorization: Bearer ${key.key}" ${server.url}/v1/catalog`);
          printLine('Ctrl-C to stop');
        }
        await untilSignal(server, warehouse);
      } catch (err) {
        await warehouse.close().catch(() => undefined);
        throw err;
      }
    });
}

/** Loads every demo source through the ingestion pipeline and refreshes the derived view. */
export async function loadDemo(
  warehouse: Warehouse,
  workspace: string,
  data: DemoDataSet,
  report: (source: SourceName, line: string) => void = () => undefined,
): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const backend = new LocalBackend(warehouse, workspace, 'demo');
  for (const source of LOAD_ORDER) {
    const started = performance.now();
    const records = source === 'events' ? data.events() : data[source];
    // Generated records are already in memory: larger writes load them faster.
    const summary = await backend.importRecords({ source, records: asRawRecords(records), origin: 'beacon demo', batchSize: 20_000 });
    results[source] = summary;
    report(source, formatSummary(summary, (performance.now() - started) / 1000));
  }
  const started = performance.now();
  await refreshWorkspace(warehouse, workspace);
  report('derived view' as SourceName, `sessions, channels, identities, conversion credits, ad facts built · ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results;
}

function* asRawRecords(records: Iterable<Record<string, unknown>>): Iterable<RawRecord> {
  let index = 0;
  for (const value of records) yield { index: index++, value };
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new ValidationError(`${name} must be a positive integer, got "${text}"`);
  return n;
}
