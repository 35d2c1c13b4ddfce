// beacon doctor: checks what Beacon needs to run and says what to fix.
import type { Command } from 'commander';
import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UnavailableError } from '../../core/errors.js';
import { findRunningServer } from '../../server/server-file.js';
import { createDuckDbWarehouse } from '../../warehouse/duckdb/duckdb-warehouse.js';
import { globalOptions, type CliEnvironment } from '../command-context.js';
import { formatTable, printJson, printLine } from '../output.js';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export function registerDoctorCommand(program: Command, env: CliEnvironment): void {
  program
    .command('doctor')
    .description('check configuration, database and disk')
    .action(async (_options, command: Command) => {
      const global = globalOptions(command);
      const checks: Check[] = [];
      const major = Number(process.versions.node.split('.')[0]);
      checks.push({ check: 'node', ok: major >= 20, detail: `v${process.versions.node} (needs 20 or later)` });
      checks.push({ check: 'config', ok: true, detail: `db ${resolve(global.db)}, serve on ${env.config.host}:${env.config.port}` });
      checks.push(await checkDatabase(global.db));
      checks.push(await checkDisk(global.db));
      if (global.json) printJson({ checks });
      else printLine(formatTable(['check', 'ok', 'detail'], checks.map((c) => [c.check, c.ok ? 'ok' : 'FAIL', c.detail])));
      if (checks.some((c) => !c.ok)) env.exitCode = 1;
    });
}

async function checkDatabase(path: string): Promise<Check> {
  try {
    const warehouse = await createDuckDbWarehouse({ path });
    const workspaces = await warehouse.listWorkspaces();
    await warehouse.close();
    return { check: 'database', ok: true, detail: `${path} opens; ${workspaces.length} workspace(s)` };
  } catch (err) {
    if (err instanceof UnavailableError) {
      const server = await findRunningServer(path);
      if (server) return { check: 'database', ok: true, detail: `held by the running server ${server.url} (pid ${server.pid}); commands go through it` };
    }
    return { check: 'database', ok: false, detail: (err as Error).message };
  }
}

async function checkDisk(path: string): Promise<Check> {
  try {
    const fs = await statfs(dirname(resolve(path)));
    const freeGb = (fs.bavail * fs.bsize) / 1024 ** 3;
    return { check: 'disk', ok: freeGb > 1, detail: `${freeGb.toFixed(1)} GB free beside the database` };
  } catch (err) {
    return { check: 'disk', ok: false, detail: (err as Error).message };
  }
}
