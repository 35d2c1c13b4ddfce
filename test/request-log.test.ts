// How much `beacon serve` writes per request: one log line, JSON when its
// stdout is a pipe (as here) unless BEACON_LOG_FORMAT asks for the human
// line; and a human line when it starts and stops.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logFormatFor } from '../src/cli/commands/serve-command.js';
import { startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('request-log');
afterAll(() => dir.remove());

const requests = [
  { id: 'req-healthz', path: '/healthz', status: 200 },
  { id: 'req-freshness', path: '/v1/freshness?key=bk_secret_0123&from=2026-01-01', status: 401, logged: '/v1/freshness?key=[REDACTED]&from=2026-01-01' },
  { id: 'req-unknown', path: '/v1/no-such-route', status: 404 },
];

interface JsonLine {
  msg?: string;
  reqId?: string;
  responseTime?: number;
}

/** Starts `beacon serve`, sends the requests, stops it; its whole stdout. */
async function serveAndCall(name: string, env: Record<string, string>): Promise<string> {
  const server: ChildProcess = startCli(['--db', join(dir.path, `${name}.duckdb`), 'serve', '--port', '0'], { BEACON_LOG_LEVEL: 'info', ...env });
  let stdout = '';
  server.stdout!.on('data', (d) => (stdout += d));
  const closed = new Promise((resolve) => server.on('close', resolve));
  try {
    const [, url] = await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
    for (const r of requests) {
      const response = await fetch(`${url}${r.path}`, { headers: { 'x-request-id': r.id } });
      expect(response.status).toBe(r.status);
      await response.arrayBuffer();
    }
  } finally {
    server.kill('SIGTERM');
    await closed;
  }
  return stdout;
}

describe('the request log of beacon serve', () => {
  it('is one JSON line per request on a pipe, with method, redacted URL, status, time and request id', async () => {
    const stdout = await serveAndCall('json', { BEACON_LOG_FORMAT: '' });
    const records = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as JsonLine);
    expect(records.filter((r) => r.msg === 'incoming request')).toEqual([]);
    for (const r of requests) {
      const lines = records.filter((record) => record.reqId === r.id);
      expect(lines, r.id).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'GET', url: r.logged ?? r.path }, res: { statusCode: r.status } });
      expect(lines[0].responseTime).toBeGreaterThan(0);
    }
    expect(stdout).not.toContain('bk_secret_0123');
    expect(stdout).toContain('\nBeacon stopped\n');
  });

  it('is one human line per request with BEACON_LOG_FORMAT=pretty, and no JSON', async () => {
    const stdout = await serveAndCall('pretty', { BEACON_LOG_FORMAT: 'pretty' });
    expect(stdout.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
    for (const r of requests) {
      const lines = stdout.split('\n').filter((line) => line.includes(r.id));
      expect(lines, r.id).toHaveLength(1);
      const url = (r.logged ?? r.path).replace(/[?[\]]/g, '\\$&');
      expect(lines[0]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d GET ${url} ${r.status} \\d+\\.\\d ms ${r.id}$`));
    }
    expect(stdout).not.toContain('bk_secret_0123');
  });
});

describe('logFormatFor', () => {
  it('follows BEACON_LOG_FORMAT, else a terminal gets human lines and a pipe or file JSON', () => {
    expect(logFormatFor(undefined, true)).toBe('pretty');
    expect(logFormatFor(undefined, false)).toBe('json');
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor('pretty', false)).toBe('pretty');
  });
});
