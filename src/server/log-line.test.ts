import { describe, expect, it } from 'vitest';
import { formatLogLine, humanLogStream } from './log-line.js';

// 09:05:07 on the machine's clock, whatever its zone.
const time = new Date(2026, 2, 1, 9, 5, 7).getTime();

describe('formatLogLine', () => {
  it('puts a request on one line: time, method, URL, status, milliseconds, request id', () => {
    const record = {
      level: 30,
      time,
      msg: 'request completed',
      reqId: 'r-1',
      req: { method: 'GET', url: '/v1/freshness?key=[REDACTED]', hostname: '127.0.0.1', remoteAddress: '127.0.0.1' },
      res: { statusCode: 401 },
      responseTime: 2.26,
    };
    expect(formatLogLine(record)).toBe('09:05:07 GET /v1/freshness?key=[REDACTED] 401 2.3 ms r-1');
  });

  it('writes other records as time, level and message', () => {
    expect(formatLogLine({ level: 30, time, msg: 'Server listening at http://127.0.0.1:8787' })).toBe('09:05:07 INFO Server listening at http://127.0.0.1:8787');
    expect(formatLogLine({ level: 40, time, msg: 'could not clear old staging files', err: { message: 'EACCES: permission denied', code: 'EACCES', stack: 'Error: EACCES\n    at x' } })).toBe(
      '09:05:07 WARN could not clear old staging files: EACCES: permission denied',
    );
  });

  it("adds the stack below an error only for a bug's", () => {
    const bug = { level: 50, time, msg: 'unhandled error', reqId: 'r-2', err: { message: 'x is undefined', stack: 'TypeError: x is undefined\n    at route (routes.ts:1:1)' } };
    expect(formatLogLine(bug)).toBe('09:05:07 ERROR unhandled error: x is undefined r-2\n    at route (routes.ts:1:1)');
    const full = { level: 50, time, msg: 'derived view refresh failed', err: { message: 'the disk is full', status: 507, stack: 'StorageFullError: …\n    at x' } };
    expect(formatLogLine(full)).toBe('09:05:07 ERROR derived view refresh failed: the disk is full');
  });
});

describe('humanLogStream', () => {
  it('turns each JSON line into its human line and passes other text through', () => {
    let written = '';
    const stream = humanLogStream({ write: (text: string) => (written += text) } as unknown as NodeJS.WritableStream);
    stream.write(`${JSON.stringify({ level: 30, time, msg: 'one' })}\n${JSON.stringify({ level: 40, time, msg: 'two' })}\n`);
    stream.write('not json\n');
    expect(written).toBe('09:05:07 INFO one\n09:05:07 WARN two\nnot json\n');
  });
});
