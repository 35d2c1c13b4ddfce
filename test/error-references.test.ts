// Every route, command and option that Beacon's own text names — error
// messages, notes, hints — exists: routes are checked against the server's
// router, commands and options against the CLI's help.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('error-references');
let t: TestServer;

/** The string and template literals of the product's sources (tests excluded), with where they are. */
function literals(): { file: string; text: string }[] {
  const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return files.flatMap((file) => {
    const code = readFileSync(join('src', file), 'utf8');
    return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => ({ file, text: m[0] }));
  });
}

const ROUTE = /\b(GET|POST|PATCH|DELETE|PUT) (\/[A-Za-z0-9_/{}:.-]*[A-Za-z0-9_}])/g;
const COMMAND = /\bbeacon ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g;
/** Words after "beacon" in prose ("the directory you run beacon in"), not commands. */
const PROSE = new Set(['in', 'on', 'at', 'to', 'is', 'as', 'for', 'with', 'and', 'or', 'from', 'by', 'again']);
const OPTION = /(?<![\w-])--([a-z][a-z0-9-]*)/g;

/** The built CLI (faster to start than the sources), as `npm test` builds it first. */
async function runBuiltCli(args: string[]): Promise<{ stdout: string }> {
  const child = startCli(args, {}, true);
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  await new Promise((resolve) => child.on('close', resolve));
  return { stdout };
}

/** Commands, their subcommands and every option, read from the CLI's own help. */
async function cliSurface(): Promise<{ commands: Map<string, string[]>; options: Set<string> }> {
  const help = async (...args: string[]) => (await runBuiltCli([...args, '--help'])).stdout;
  const top = await help();
  const names = [...top.split('Commands:')[1].matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((n) => n !== 'help');
  const commands = new Map<string, string[]>();
  const options = new Set([...top.matchAll(OPTION)].map((m) => m[1]));
  for (const name of names) {
    const text = await help(name);
    for (const m of text.matchAll(OPTION)) options.add(m[1]);
    const subs = text.includes('Commands:') ? [...text.split('Commands:')[1].matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((n) => n !== 'help') : [];
    commands.set(name, subs);
    for (const sub of subs) for (const m of (await help(name, sub)).matchAll(OPTION)) options.add(m[1]);
  }
  return { commands, options };
}

describe('what Beacon tells users to use exists', () => {
  beforeAll(async () => {
    t = await startTestServer(dir.path);
  });

  afterAll(async () => {
    await t.stop();
    dir.remove();
  });

  it('every route a message names is a route of the server', async () => {
    const named = literals().flatMap(({ file, text }) => [...text.matchAll(ROUTE)].map((m) => ({ file, method: m[1], path: m[2] })));
    expect(named.length).toBeGreaterThan(0);
    const missing = [];
    for (const route of named) {
      // The router answers an unknown route with "no route …"; a known one with anything else (401 here: no key).
      const answer = await t.server.app.inject({ method: route.method as 'GET', url: route.path.replace(/\{\w+\}/g, 'x'), headers: { accept: 'application/json' } });
      if (answer.statusCode === 404 && answer.json().error.message.startsWith('no route')) missing.push(route);
    }
    expect(missing).toEqual([]);
    // The check tells a route that does not exist.
    expect((await t.server.app.inject({ method: 'GET', url: '/v1/nowhere' })).json().error.message).toMatch(/^no route/);
  });

  it('every command and option a message names is in the CLI', async () => {
    const { commands, options } = await cliSurface();
    const texts = literals();
    const namedCommands = texts.flatMap(({ file, text }) =>
      [...text.matchAll(COMMAND)].filter((m) => !PROSE.has(m[1])).map((m) => ({ file, command: m[1], sub: m[2] })),
    );
    expect(namedCommands.length).toBeGreaterThan(3);
    const unknownCommands = namedCommands.filter(({ command, sub }) => {
      const subs = commands.get(command);
      return subs === undefined || (subs.length > 0 && sub !== undefined && !subs.includes(sub));
    });
    expect(unknownCommands).toEqual([]);
    const namedOptions = texts.flatMap(({ file, text }) => [...text.matchAll(OPTION)].map((m) => ({ file, option: m[1] })));
    const unknownOptions = namedOptions.filter(({ option }) => !options.has(option));
    expect(unknownOptions).toEqual([]);
  });
});
