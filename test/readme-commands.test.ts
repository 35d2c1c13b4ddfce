// README.md's commands run as written: every `npx beacon …` line of its shell
// blocks that needs no server, ClickHouse or file of the reader's own runs
// against the demo data set loaded by the README's own demo line (the same
// days, fewer visitors), exits 0 without a stack trace, and its dates find data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/access/api-keys.js';
import { addDays } from '../src/core/time.js';
import { runServer } from '../src/server/run-server.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { documentedCommands, splitWords, type DocumentedCommand } from './support/readme-commands.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** `beacon demo`'s --days when the README's line gives none. */
const DEMO_DEFAULT_DAYS = 90;
/** The test loads the README's days with fewer visitors: as fast as 30 days, and every documented date has data. */
const TEST_SIZES = ['--visitors', '1000'];
const STACK_LINE = /^\s+at\s+\S.*:\d+:\d+\)?\s*$/m;

const option = (command: DocumentedCommand, name: string): string | undefined => {
  const i = command.args.indexOf(name);
  return i === -1 ? undefined : command.args[i + 1];
};

/** Why a documented beacon command cannot run here as written, or undefined when it can. */
function skipReason(command: DocumentedCommand): string | undefined {
  if (command.exported.length > 0) return `needs ${command.exported.join(', ')} from its block's export (a ClickHouse server)`;
  if (command.args.includes('--clickhouse')) return 'needs a ClickHouse server';
  if (command.args.includes('--server')) return 'goes through a running server';
  if (command.shellSyntax) return 'uses a shell variable or shell syntax';
  const [name] = command.args;
  if (name === 'serve' || (name === 'demo' && !command.args.includes('--no-serve'))) return 'serves until stopped';
  if (name === 'import') {
    const firstOption = command.args.findIndex((a) => a.startsWith('--'));
    const files = command.args.slice(2, firstOption === -1 ? undefined : firstOption);
    const missing = files.filter((file) => !existsSync(join(ROOT, file)));
    if (missing.length > 0) return `reads ${missing.join(', ')}, a file of the reader's own`;
  }
  return undefined;
}

const beaconCommands = documentedCommands(README).filter((c) => c.program === 'beacon');
const runnable = beaconCommands.filter((c) => skipReason(c) === undefined);
const demos = runnable.filter((c) => c.args[0] === 'demo');
const others = runnable.filter((c) => c.args[0] !== 'demo');
const queries = others.filter((c) => c.args[0] === 'query');

function expectClean(result: { code: number; stdout: string; stderr: string }, text: string): void {
  expect(result.code, `${text}\nexit ${result.code}\nstderr: ${result.stderr}`).toBe(0);
  expect(STACK_LINE.test(result.stdout + result.stderr), `${text} printed a stack trace:\n${result.stderr}`).toBe(false);
}

describe('documentedCommands', () => {
  it('reads shell blocks only, drops comments, keeps quoted words and joins continued lines', () => {
    const markdown = [
      '```js',
      'npx beacon metrics',
      '```',
      '```sh',
      'npx beacon query --filter "channel!=Direct" --from 2026-10-01 \\',
      '  --to 2026-10-31   # October',
      "curl -d '{",
      '  "a": 1 }\' http://x/v1/query',
      'export BEACON_CLICKHOUSE_URL=http://127.0.0.1:8123/beacon',
      'node dist/cli.js doctor',
      '```',
      '- item',
      '  ```bash',
      '  beacon keys create --scope "read"',
      '  ```',
    ].join('\n');
    const commands = documentedCommands(markdown);
    expect(commands.map((c) => [c.program, c.args])).toEqual([
      ['beacon', ['query', '--filter', 'channel!=Direct', '--from', '2026-10-01', '--to', '2026-10-31']],
      ['curl', ['-d', '{\n  "a": 1 }', 'http://x/v1/query']],
      ['beacon', ['doctor']],
      ['beacon', ['keys', 'create', '--scope', 'read']],
    ]);
    expect(commands[2].exported).toEqual(['BEACON_CLICKHOUSE_URL']);
    expect(commands[3].exported).toEqual([]);
    expect(commands[0].text).toBe('npx beacon query --filter "channel!=Direct" --from 2026-10-01 --to 2026-10-31');
  });

  it('marks shell variables and operators, but not the same characters inside single quotes', () => {
    expect(splitWords('curl -H "Authorization: Bearer $KEY" http://x').shellSyntax).toBe(true);
    expect(splitWords('npm ci && npm run demo').shellSyntax).toBe(true);
    expect(splitWords("beacon settings --set 'a=$b|c'").shellSyntax).toBe(false);
    expect(splitWords("beacon settings --set 'a=$b|c'").words).toEqual(['beacon', 'settings', '--set', 'a=$b|c']);
  });
});

describe('README.md commands', () => {
  const dir = tempDir('readme');
  const env = { BEACON_DB: join(dir.path, 'beacon.duckdb') };
  const jsonAnswers = new Map<DocumentedCommand, { totals: Record<string, number | null>; rows: unknown[] }>();
  afterAll(() => dir.remove());

  it('documents a demo load with a fixed --end and queries whose dates lie inside its data', () => {
    expect(demos.length, 'README.md has a runnable `npx beacon demo --no-serve --end …` line').toBeGreaterThan(0);
    const ends = new Set(demos.map((d) => option(d, '--end')));
    expect([...ends].every((end) => end !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(end)), 'every demo line pins --end').toBe(true);
    expect(ends.size, 'the demo lines agree on --end').toBe(1);
    expect(queries.length).toBeGreaterThanOrEqual(3);
    const end = option(demos[0], '--end')!;
    const first = addDays(end, -(Number(option(demos[0], '--days') ?? DEMO_DEFAULT_DAYS) - 1));
    for (const query of queries) {
      const [from, to] = [option(query, '--from')!, option(query, '--to')!];
      expect(from >= first && to <= end && from <= to, `${query.text}: ${from}…${to} is not inside the demo's ${first}…${end}`).toBe(true);
    }
  });

  it.each(demos.map((c) => [c.text, c] as const))('runs %s (with --visitors 1000)', async (_text, command) => {
    expectClean(await runCli([...command.args, ...TEST_SIZES], env), command.text);
  });

  it.each(others.map((c) => [c.text, c] as const))('runs %s', async (_text, command) => {
    expectClean(await runCli([...command.args], env), command.text);
    if (command.args[0] === 'funnel') {
      // Its dates must find people entering the funnel in the demo the README loads.
      const json = await runCli([...command.args.filter((arg) => arg !== '--json'), '--json'], env);
      expectClean(json, `${command.text} --json`);
      expect((JSON.parse(json.stdout) as { entered: number }).entered, `${command.text}: no one entered`).toBeGreaterThan(0);
      return;
    }
    if (command.args[0] === 'forecast' && command.args.includes('--metric')) {
      // Its dates must find the metric's data in the demo the README loads.
      const json = await runCli([...command.args.filter((arg) => arg !== '--json'), '--json'], env);
      expectClean(json, `${command.text} --json`);
      const { fitted } = JSON.parse(json.stdout) as { fitted: { value: number }[] };
      expect(fitted.some((f) => f.value > 0), `${command.text}: every fitted value is zero`).toBe(true);
      return;
    }
    if (command.args[0] !== 'query') return;
    // The same query's numbers: its dates must find data of the demo the README loads.
    const json = await runCli([...command.args, '--json'], env);
    expectClean(json, `${command.text} --json`);
    const answer = JSON.parse(json.stdout) as { totals: Record<string, number | null>; rows: unknown[] };
    jsonAnswers.set(command, answer);
    expect(Object.values(answer.totals).some((v) => typeof v === 'number' && v > 0), `${command.text}: every total is zero or empty`).toBe(true);
  });

  it('leaves out only the commands that need a ClickHouse server of their own (the ClickHouse section)', () => {
    const left = beaconCommands.filter((c) => skipReason(c) !== undefined);
    expect(left.map((c) => skipReason(c))).toEqual(left.map(() => expect.stringMatching(/ClickHouse/)));
    expect(runnable.length).toBeGreaterThanOrEqual(5);
  });

  it("answers the README's POST /v1/query example like the command line beside it", async () => {
    const curls = documentedCommands(README).filter((c) => c.program === 'curl' && c.args.some((a) => a.endsWith('/v1/query')));
    expect(curls.length, 'README.md shows a POST /v1/query with curl').toBeGreaterThan(0);
    const warehouse = await createDuckDbWarehouse({ path: env.BEACON_DB });
    const server = await runServer({ warehouse, host: '127.0.0.1', port: 0, logLevel: 'silent', version: 'test', ingestWorkers: 0 });
    try {
      const key = (await createApiKey(warehouse, 'default', 'read')).key;
      for (const curl of curls) {
        const body = JSON.parse(curl.args[curl.args.indexOf('-d') + 1]) as { metrics: string[]; from: string; to: string; filters: unknown[] };
        expect(body.filters.length, 'the example shows filters').toBeGreaterThan(0);
        const response = await fetch(`${server.url}/v1/query`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { totals: Record<string, number | null>; rows: unknown[] };
        expect(response.status, JSON.stringify(answer)).toBe(200);
        const twin = queries.find((q) => option(q, '--metrics') === body.metrics.join(',') && option(q, '--from') === body.from && option(q, '--to') === body.to);
        expect(twin, 'a CLI example asks the same question with --filter').toBeDefined();
        const cli = jsonAnswers.get(twin!);
        expect(cli, `${twin!.text} ran`).toBeDefined();
        expect(answer.rows).toEqual(cli!.rows);
        expect(answer.totals).toEqual(cli!.totals);
      }
    } finally {
      await server.stop();
      await warehouse.close();
    }
  });
});
