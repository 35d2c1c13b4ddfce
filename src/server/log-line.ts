// The server's log as a person reads it on a terminal: one short line per
// record (a request: method, URL, status, time, request id) instead of pino's
// JSON. Machines (a pipe, a file, BEACON_LOG_FORMAT=json) get the JSON.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string; code?: unknown; status?: unknown };
}

/**
 * One human line (the stack of a bug's error below it) for a pino record.
 *
 * @example formatLogLine({ level: 30, time, msg: 'request completed', reqId: 'r1', req: { method: 'GET', url: '/healthz' }, res: { statusCode: 200 }, responseTime: 1.23 })
 * // → '14:02:09 GET /healthz 200 1.2 ms r1'
 */
export function formatLogLine(record: LogRecord): string {
  const time = clock(record.time ?? Date.now());
  if (record.req && record.res) {
    const took = record.responseTime === undefined ? '' : ` ${record.responseTime.toFixed(1)} ms`;
    return `${time} ${record.req.method} ${record.req.url} ${record.res.statusCode}${took}${record.reqId ? ` ${record.reqId}` : ''}`;
  }
  const level = LEVELS[record.level ?? 30] ?? String(record.level);
  const err = record.err;
  let line = `${time} ${level} ${record.msg ?? ''}${err?.message ? `: ${err.message}` : ''}${record.reqId ? ` ${record.reqId}` : ''}`;
  if (err?.stack && (record.level ?? 30) >= 50 && isBug(err)) line += `\n${err.stack.split('\n').slice(1).join('\n')}`;
  return line;
}

/** A typed Beacon error carries its status, a refused system call its code: neither is a bug whose stack helps. */
function isBug(err: NonNullable<LogRecord['err']>): boolean {
  return typeof err.status !== 'number' && !(typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code));
}

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A pino destination that writes each JSON record to `out` as formatLogLine's line. */
export function humanLogStream(out: NodeJS.WritableStream): { write(chunk: string): void } {
  return {
    write(chunk: string) {
      for (const text of chunk.split('\n')) {
        if (text === '') continue;
        let record: LogRecord;
        try {
          record = JSON.parse(text) as LogRecord;
        } catch {
          out.write(`${text}\n`);
          continue;
        }
        out.write(`${formatLogLine(record)}\n`);
      }
    },
  };
}
