import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { StorageFullError, UnavailableError, ValidationError } from '../core/errors.js';
import { describeFailure } from './describe-failure.js';

/** An error as Node's fs and net modules make them. */
function systemError(code: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(`${code}: …`), { code, ...fields });
}

const quiet = { verbose: false };

describe('describeFailure', () => {
  it.each([
    [systemError('ENOENT', { syscall: 'stat', path: 'nope.csv' }), 'beacon: nope.csv does not exist; check the name and the directory you run beacon in'],
    [systemError('ENOENT', { syscall: 'mkdir', path: '/ro/sub' }), 'beacon: cannot create the directory /ro/sub: a directory above it is missing or cannot be written; choose another location'],
    [systemError('EACCES', { syscall: 'open', path: '/data/b.duckdb' }), 'beacon: permission denied on /data/b.duckdb: this user may not open or write it; fix its permissions, or choose another location'],
    [systemError('EACCES', { syscall: 'listen', address: '0.0.0.0', port: 80 }), 'beacon: permission denied to listen on 0.0.0.0 port 80: ports below 1024 need privileges; choose another with --port'],
    [systemError('EADDRINUSE', { syscall: 'listen', address: '127.0.0.1', port: 8787 }), 'beacon: 127.0.0.1 port 8787 is already in use by another program (or another Beacon server); stop it, or choose another port with --port'],
    [systemError('EADDRNOTAVAIL', { syscall: 'listen', address: '10.9.9.9', port: 8787 }), 'beacon: cannot listen on 10.9.9.9: it is not an address of this machine; choose another with --host'],
    [systemError('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'nosuch.invalid' }), 'beacon: the host name nosuch.invalid cannot be resolved; check --host'],
    [systemError('EEXIST', { syscall: 'mkdir', path: '/tmp/file' }), 'beacon: cannot create the directory /tmp/file: a file of that name is in the way; choose another location'],
    [systemError('ENOTDIR', { syscall: 'open', path: '/tmp/file/x.csv' }), 'beacon: /tmp/file/x.csv cannot be used: a part of the path is a file, not a directory; choose another location'],
    [systemError('EISDIR', { syscall: 'read', path: '/tmp' }), 'beacon: /tmp is a directory; name a file'],
    [systemError('ENOSPC', { syscall: 'write', path: '/data/b.duckdb.wal' }), 'beacon: the disk is full (writing /data/b.duckdb.wal); free some space, then run the command again'],
    [systemError('EROFS', { syscall: 'open', path: '/mnt/b.duckdb' }), 'beacon: /mnt/b.duckdb is on a read-only file system; choose a writable location'],
    [systemError('EMFILE', { syscall: 'open', path: '/x' }), 'beacon: too many open files; raise the limit (ulimit -n), then run the command again'],
  ])('names a refused system call plainly: %s', (err, text) => {
    expect(describeFailure(err, quiet)).toEqual({ text, exitCode: 1, bug: false });
  });

  it.each([
    ['IO Error: Cannot open file "/mnt/ro/b.duckdb": Read-only file system', 'beacon: /mnt/ro/b.duckdb is on a read-only file system; choose a writable location'],
    ['IO Error: Could not write file "/mnt/small/b.duckdb": No space left on device', 'beacon: the disk is full (writing /mnt/small/b.duckdb); free some space, then run the command again'],
    ['IO Error: Cannot open file "/srv/b.duckdb": Permission denied', 'beacon: permission denied on /srv/b.duckdb: this user may not open or write it; fix its permissions, or choose another location'],
  ])("reads DuckDB's file errors, which carry no code: %s", (message, text) => {
    expect(describeFailure(new Error(message), quiet)).toEqual({ text, exitCode: 1, bug: false });
  });

  it("passes Beacon's own errors and bad settings through as they are worded", () => {
    const locked = 'the database d.duckdb is in use by another process (pid 42); stop it, or run this command through it with --server URL --key KEY';
    expect(describeFailure(new UnavailableError(locked), quiet)).toEqual({ text: `beacon: ${locked}`, exitCode: 1, bug: false });
    expect(describeFailure(new ValidationError('invalid port "x"'), quiet).text).toBe('beacon: invalid port "x"');
    expect(describeFailure(new ConfigError('BEACON_PORT must be a positive integer, got "abc"'), quiet).text).toBe('beacon: BEACON_PORT must be a positive integer, got "abc"');
  });

  it('words a full disk for a command, not for an HTTP request', () => {
    expect(describeFailure(new StorageFullError('the disk is full'), quiet)).toEqual({
      text: 'beacon: the database could not store what this command wrote (the disk is full), and nothing of that write was kept; free space or make the database writable, then run the command again',
      exitCode: 1,
      bug: false,
    });
  });

  it('calls anything else a bug: one line with the message and how to see more', () => {
    const failure = describeFailure(new Error('x is undefined'), quiet);
    expect(failure).toEqual({
      text: 'beacon: internal error (a bug in Beacon): x is undefined; run the command again with --verbose (or BEACON_LOG_LEVEL=debug) to see where it happened',
      exitCode: 1,
      bug: true,
    });
    // Text that merely looks like an OS message is no system failure.
    expect(describeFailure(new Error('Permission denied by the policy'), quiet).bug).toBe(true);
    expect(describeFailure(systemError('EEXIST', { syscall: 'open', path: '/x' }), quiet).bug).toBe(true);
    expect(describeFailure('a thrown string', quiet).text).toBe('beacon: internal error (a bug in Beacon): a thrown string; run the command again with --verbose (or BEACON_LOG_LEVEL=debug) to see where it happened');
  });

  it("shows a bug's stack trace and its cause's when verbose, and never a user mistake's", () => {
    const cause = new Error('the root cause');
    const bug = new Error('x is undefined', { cause });
    const text = describeFailure(bug, { verbose: true }).text;
    expect(text.startsWith('beacon: internal error (a bug in Beacon): Error: x is undefined\n')).toBe(true);
    expect(text).toMatch(/^\s+at .*describe-failure\.test\.ts/m);
    expect(text).toContain('\ncaused by: Error: the root cause\n');
    expect(describeFailure(systemError('ENOENT', { syscall: 'stat', path: 'nope.csv' }), { verbose: true }).text).toBe(
      'beacon: nope.csv does not exist; check the name and the directory you run beacon in',
    );
  });
});
