// Runs the beacon CLI in a child process (TypeScript sources through tsx).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli.ts'];

export interface SpawnOptions {
  /** Run as this user and group (a root test process acting as a user whom permissions stop). */
  uid?: number;
  gid?: number;
  /** Modules node imports before the CLI (e.g. a fault to inject). */
  preload?: string[];
  /** Run the compiled dist/cli.js that ships instead of the sources. */
  built?: boolean;
}

/** Runs the CLI from its TypeScript sources, or with `built` the compiled dist/cli.js that ships. */
export function startCli(args: string[], env: Record<string, string> = {}, built = false, options: SpawnOptions = {}): ChildProcess {
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  return spawn(process.execPath, [...(built ? ['dist/cli.js'] : [...CLI.slice(0, 2), ...preload, ...CLI.slice(2)]), ...args], {
    cwd: ROOT,
    env: { ...process.env, BEACON_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
}

export async function runCli(args: string[], env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = startCli(args, env, options.built ?? false, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}

/** Resolves with the first stdout line matching `pattern`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; stderr: ${errors}`)), timeoutMs);
    child.stderr!.on('data', (d) => (errors += d));
    child.stdout!.on('data', (d) => {
      buffer += d;
      const m = pattern.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('exit', (code) => reject(new Error(`process exited with ${code} before ${pattern}; stderr: ${errors}`)));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
