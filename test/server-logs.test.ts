// What the server's request log holds: never a key, neither from the
// Authorization header nor from a query string.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('server-logs');
afterAll(() => dir.remove());

describe('request logs', () => {
  it('regression: full URLs were logged with ?key=…; keys are redacted and Authorization is never written', async () => {
    const server = startCli(['--db', join(dir.path, 'beacon.duckdb'), 'serve', '--port', '0'], { BEACON_LOG_LEVEL: 'info' });
    let logs = '';
    server.stdout!.on('data', (d) => (logs += d));
    try {
      const [, url] = await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
      const secretInQuery = 'bk_query_secret_0123456789';
      const secretInHeader = 'bk_header_secret_9876543210';
      const response = await fetch(`${url}/v1/freshness?key=${secretInQuery}&from=2026-01-01`, { headers: { authorization: `Bearer ${secretInHeader}` } });
      expect(response.status).toBe(401);
      // Fastify logs the response once it is sent: wait for that line.
      for (let i = 0; i < 100 && !logs.includes('request completed'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logs).toContain('/v1/freshness?key=[REDACTED]&from=2026-01-01');
      expect(logs).not.toContain(secretInQuery);
      expect(logs).not.toContain(secretInHeader);
      expect(logs.toLowerCase()).not.toContain('authorization');
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
