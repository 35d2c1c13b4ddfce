// What a failed command tells its user: one sentence on stderr that says what
// happened and what to do, and exit code 1. The user's mistakes and the
// machine's conditions (a missing file, a busy port, a full disk) are named
// plainly; anything else is a bug, whose stack trace is shown only on request.
import { ConfigError } from '../config.js';
import { BeaconError, StorageFullError } from '../core/errors.js';
import { EXIT_FAILURE } from './output.js';

export interface Failure {
  /** What goes to stderr, without the final newline. */
  text: string;
  exitCode: number;
  /** An error Beacon did not expect. */
  bug: boolean;
}

export interface DescribeOptions {
  /** --verbose or BEACON_LOG_LEVEL=debug: a bug shows its stack trace. */
  verbose: boolean;
}

/** The failure of an operating-system call, as Node reports it or as DuckDB writes it in its message. */
export interface SystemFailure {
  code: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
}

/**
 * The message and exit code of an error that ended a command.
 *
 * @example describeFailure(Object.assign(new Error('…'), { code: 'ENOENT', syscall: 'stat', path: 'nope.csv' }), { verbose: false })
 * // → { text: 'beacon: nope.csv does not exist; check the name and the directory you run beacon in', exitCode: 1, bug: false }
 */
export function describeFailure(err: unknown, options: DescribeOptions): Failure {
  const plain = (sentence: string): Failure => ({ text: `beacon: ${sentence}`, exitCode: EXIT_FAILURE, bug: false });
  if (err instanceof StorageFullError) {
    return plain(`the database could not store what this command wrote (${err.reason}), and nothing of that write was kept; free space or make the database writable, then run the command again`);
  }
  if (err instanceof BeaconError || err instanceof ConfigError) return plain(err.message);
  const system = systemFailure(err);
  const sentence = system && describeSystemFailure(system);
  if (sentence) return plain(sentence);
  return describeBug(err, options.verbose);
}

function describeBug(err: unknown, verbose: boolean): Failure {
  const message = err instanceof Error ? err.message : String(err);
  const text = verbose
    ? `beacon: internal error (a bug in Beacon): ${details(err)}`
    : `beacon: internal error (a bug in Beacon): ${message}; run the command again with --verbose (or BEACON_LOG_LEVEL=debug) to see where it happened`;
  return { text, exitCode: EXIT_FAILURE, bug: true };
}

/** The stack trace, and that of each cause. */
function details(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (!(e instanceof Error)) break;
  }
  return parts.join('\ncaused by: ');
}

/** DuckDB reports a refused file operation as text: `IO Error: Cannot open file "/x/beacon.duckdb": Permission denied`. */
const OS_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
  [/Not a directory/i, 'ENOTDIR'],
  [/Is a directory/i, 'EISDIR'],
  [/No such file or directory/i, 'ENOENT'],
  [/Too many open files/i, 'EMFILE'],
];

export function systemFailure(err: unknown): SystemFailure | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, syscall, path, address, hostname, port } = err as Error & Partial<Record<'code' | 'syscall' | 'path' | 'address' | 'hostname' | 'port', unknown>>;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return {
      code,
      syscall: typeof syscall === 'string' ? syscall : undefined,
      path: typeof path === 'string' ? path : undefined,
      address: typeof address === 'string' ? address : typeof hostname === 'string' ? hostname : undefined,
      port: typeof port === 'number' ? port : undefined,
    };
  }
  if (!/^IO Error\b/.test(err.message)) return undefined;
  const known = OS_MESSAGES.find(([pattern]) => pattern.test(err.message));
  if (!known) return undefined;
  return { code: known[1], path: /"([^"]+)"/.exec(err.message)?.[1] };
}

/** One sentence for a system failure a user can act on; undefined for one that means a bug. */
export function describeSystemFailure(failure: SystemFailure): string | undefined {
  const path = failure.path ?? 'a file Beacon needs';
  const where = `${failure.address ?? 'this address'}${failure.port !== undefined ? ` port ${failure.port}` : ''}`;
  switch (failure.code) {
    case 'EADDRINUSE':
      return `${where} is already in use by another program (or another Beacon server); stop it, or choose another port with --port`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${failure.address ?? 'that address'}: it is not an address of this machine; choose another with --host`;
    case 'ENOTFOUND':
      return `the host name ${failure.address ?? 'given'} cannot be resolved; check --host`;
    case 'ENOENT':
      return failure.syscall === 'mkdir'
        ? `cannot create the directory ${path}: a directory above it is missing or cannot be written; choose another location`
        : `${path} does not exist; check the name and the directory you run beacon in`;
    case 'EACCES':
    case 'EPERM':
      return failure.syscall === 'listen'
        ? `permission denied to listen on ${where}: ports below 1024 need privileges; choose another with --port`
        : `permission denied on ${path}: this user may not open or write it; fix its permissions, or choose another location`;
    case 'ENOTDIR':
      return `${path} cannot be used: a part of the path is a file, not a directory; choose another location`;
    case 'EEXIST':
      return failure.syscall === 'mkdir' ? `cannot create the directory ${path}: a file of that name is in the way; choose another location` : undefined;
    case 'EISDIR':
      return `${path} is a directory; name a file`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (writing ${path}); free some space, then run the command again`;
    case 'EROFS':
      return `${path} is on a read-only file system; choose a writable location`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files; raise the limit (ulimit -n), then run the command again';
    default:
      return undefined;
  }
}
