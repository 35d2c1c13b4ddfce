// beacon workspaces / keys / settings / freshness / imports: workspace administration.
import type { Command } from 'commander';
import { parseSettingAssignment } from '../../model/settings.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatTable, printJson, printLine } from '../output.js';
import { collect } from '../option-values.js';


export function registerAdminCommands(program: Command, env: CliEnvironment): void {
  const workspaces = program.command('workspaces').description('create and list workspaces');
  workspaces
    .command('create')
    .argument('<name>')
    .option('--currency <code>', 'workspace currency (ISO 4217)', 'USD')
    .option('--timezone <zone>', 'IANA time zone for dates and grains', 'UTC')
    .action(async (name: string, options: { currency: string; timezone: string }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const workspace = await backend.createWorkspace(name, options);
        if (global.json) printJson(workspace);
        else printLine(`created workspace ${workspace.name} (${workspace.settings.currency}, ${workspace.settings.timezone})`);
      }),
    );
  workspaces.command('list').action(async (_options, command: Command) =>
    withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
      const list = await backend.listWorkspaces();
      if (global.json) printJson({ workspaces: list });
      else printLine(formatTable(['name', 'currency', 'timezone', 'created'], list.map((w) => [w.name, w.settings.currency, w.settings.timezone, w.createdAt])));
    }),
  );

  const keys = program.command('keys').description('API keys of a workspace');
  keys
    .command('create')
    .requiredOption('--scope <scope>', 'ingest | read | admin')
    .action(async (options: { scope: string }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const created = await backend.createKey(options.scope);
        if (global.json) printJson(created);
        else {
          printLine(`created ${created.scope} key ${created.id} for workspace ${created.workspace}:`);
          printLine(`  ${created.key}`);
          printLine('store it now: it is not shown again');
        }
      }),
    );
  keys.command('list').action(async (_options, command: Command) =>
    withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
      const list = await backend.listKeys();
      if (global.json) printJson({ keys: list });
      else printLine(formatTable(['id', 'scope', 'prefix', 'created', 'revoked'], list.map((k) => [k.id, k.scope, `${k.prefix}…`, k.createdAt, k.revokedAt ?? ''])));
    }),
  );
  keys
    .command('revoke')
    .argument('<id>')
    .action(async (id: string, _options, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        await backend.revokeKey(id);
        if (global.json) printJson({ revoked: id });
        else printLine(`revoked ${id}`);
      }),
    );

  program
    .command('settings')
    .description('show or change workspace settings')
    .option('--set <name=value>', 'change a setting (repeatable); lists comma separated, channel_rules and segment_events as JSON', collect)
    .action(async (options: { set?: string[] }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const patch = Object.assign({}, ...(options.set ?? []).map(parseSettingAssignment)) as Record<string, unknown>;
        const settings = Object.keys(patch).length > 0 ? await backend.updateSettings(patch) : await backend.settings();
        if (global.json) printJson({ workspace: global.workspace, settings });
        else printLine(formatTable(['setting', 'value'], Object.entries(settings).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
      }),
    );

  program
    .command('freshness')
    .description('latest date loaded per source and platform')
    .action(async (_options, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const rows = await backend.freshness();
        if (global.json) printJson({ sources: rows });
        else printLine(formatTable(['source', 'platform', 'latest date', 'rows'], rows.map((r) => [r.source, r.platform ?? '', r.latest_date ?? '—', r.rows])));
      }),
    );

  program
    .command('imports')
    .description('past imports with their counts')
    .action(async (_options, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const list = await backend.imports();
        if (global.json) printJson({ imports: list });
        else printLine(formatTable(['id', 'source', 'origin', 'started', 'accepted', 'updated', 'duplicates', 'rejected'], list.map((i) => [i.id, i.source, i.origin, i.startedAt, i.accepted, i.updated, i.duplicates, i.rejected])));
      }),
    );
}
