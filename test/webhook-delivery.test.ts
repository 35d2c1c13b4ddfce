// Webhook delivery against real HTTP receivers on 127.0.0.1 (free ports,
// closed after each test): the signature checked the way a receiver would,
// retries and their waits (through an injected sleep, so nothing waits for
// real), Retry-After, answers that are not retried, a time-out, a closed
// port, and the target guard refusing loopback unless it is allowed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFiringJson } from '../src/alerts/webhook-payload.js';
import { deliverWebhook, type DeliveryOptions } from '../src/alerts/webhook-delivery.js';
import type { ResolvedAddress, WebhookTargetPolicy } from '../src/alerts/webhook-target.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

interface Receiver {
  url: string;
  port: number;
  received: Received[];
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver on 127.0.0.1 that answers the n-th request with `answer(n, request)`. */
async function startReceiver(answer: (n: number, request: Received, response: ServerResponse) => void): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks) };
      received.push(entry);
      answer(received.length, entry, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, port, received };
}

function reply(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers).end();
}

/** The receiver's own check: HMAC-SHA256 of the raw bytes, compared in constant time. */
function signedWith(secret: string, request: Received): boolean {
  const header = request.headers['x-beacon-signature'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', secret).update(request.body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const LOOPBACK: WebhookTargetPolicy = { allowPrivate: false, allow: ['127.0.0.1'] };

/** Options with the waits recorded instead of slept. */
function fast(extra: Partial<DeliveryOptions> = {}): DeliveryOptions & { waits: number[] } {
  const waits: number[] = [];
  return { policy: LOOPBACK, sleep: async (ms) => void waits.push(ms), random: () => 0.5, waits, ...extra };
}

const body = buildFiringJson({
  rule_id: 'rule_1',
  name: 'Coût par acquisition — été',
  metric: 'cpa',
  value: 46.2,
  condition: { kind: 'threshold', op: 'above', value: 40 },
  fired_at: '2026-12-01T09:00:00.000Z',
  query: { metrics: ['cpa'], from: '2026-12-01', to: '2026-12-01' },
});

describe('deliverWebhook to a receiver on 127.0.0.1', () => {
  it('sends the exact body with a signature the receiver verifies on its own', async () => {
    const receiver = await startReceiver((_n, request, response) => reply(response, signedWith('s3cret', request) ? 204 : 401));
    const result = await deliverWebhook({ url: receiver.url, body, secret: 's3cret' }, fast());
    expect(result.delivered).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ attempt: 1, status: 204 });
    const [request] = receiver.received;
    expect(request.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body, 'utf8')));
  });

  it('is refused by a receiver that checks another secret (the check above is not vacuous)', async () => {
    const receiver = await startReceiver((_n, request, response) => reply(response, signedWith('other', request) ? 204 : 401));
    const result = await deliverWebhook({ url: receiver.url, body, secret: 's3cret' }, fast());
    expect(result).toMatchObject({ delivered: false, error: 'the receiver answered 401, which is not retried' });
  });

  it('sends no signature header without a secret', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 200));
    expect((await deliverWebhook({ url: receiver.url, body }, fast())).delivered).toBe(true);
    expect(receiver.received[0].headers['x-beacon-signature']).toBeUndefined();
  });

  it('tries again after 500 and 503, waiting 1 s then 2 s', async () => {
    const receiver = await startReceiver((n, _request, response) => reply(response, [500, 503, 200][n - 1]));
    const options = fast();
    const result = await deliverWebhook({ url: receiver.url, body, secret: 'k' }, options);
    expect(result.delivered).toBe(true);
    expect(result.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    expect(options.waits).toEqual([1_000, 2_000]);
    expect(receiver.received).toHaveLength(3);
    // Every attempt carries the same body and signature.
    expect(new Set(receiver.received.map((r) => r.headers['x-beacon-signature'])).size).toBe(1);
  });

  it('spreads the waits with jitter: ±20 % around 1 s, 2 s, 4 s', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 502));
    const options = fast({ maxAttempts: 4, random: () => 0 });
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(options.waits).toEqual([800, 1_600, 3_200]);
    expect(result).toMatchObject({ delivered: false, error: 'gave up after 4 attempts; the last: the receiver answered 502' });
    expect(result.attempts).toHaveLength(4);
  });

  it("waits what a 429's Retry-After asks instead of the backoff", async () => {
    const receiver = await startReceiver((n, _request, response) => (n === 1 ? reply(response, 429, { 'retry-after': '3' }) : reply(response, 200)));
    const options = fast();
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(result.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(options.waits).toEqual([3_000]);
  });

  it('gives up at once when Retry-After asks for longer than it waits', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 429, { 'retry-after': '3600' }));
    const options = fast();
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(result).toMatchObject({ delivered: false, error: 'the receiver answered 429 with Retry-After 3600, longer than the 60 s a delivery waits' });
    expect(options.waits).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it('does not try again after a 400', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 400));
    const options = fast();
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(result).toMatchObject({ delivered: false, error: 'the receiver answered 400, which is not retried' });
    expect(result.attempts).toEqual([expect.objectContaining({ attempt: 1, status: 400 })]);
    expect(options.waits).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await startReceiver((_n, _request, response) => reply(response, 200));
    const receiver = await startReceiver((_n, _request, response) => reply(response, 307, { location: elsewhere.url }));
    const result = await deliverWebhook({ url: receiver.url, body }, fast());
    expect(result).toMatchObject({ delivered: false, error: 'the receiver answered 307, a redirect, which is not followed' });
    expect(elsewhere.received).toHaveLength(0);
  });

  it('records a receiver that does not answer in time, and tries again', async () => {
    const receiver = await startReceiver(() => {}); // reads the request, never answers
    const options = fast({ timeoutMs: 300, maxAttempts: 2 });
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(result.delivered).toBe(false);
    expect(result.attempts.map((a) => [a.attempt, a.error, a.status])).toEqual([
      [1, 'no answer within 300 ms', undefined],
      [2, 'no answer within 300 ms', undefined],
    ]);
    expect(result.error).toBe('gave up after 2 attempts; the last: no answer within 300 ms');
    expect(options.waits).toEqual([1_000]);
    expect(receiver.received).toHaveLength(2);
  });

  it('records a closed port as a failure without throwing', async () => {
    const closed = await startReceiver(() => {});
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const options = fast({ maxAttempts: 3 });
    const result = await deliverWebhook({ url: closed.url, body }, options);
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(3);
    for (const attempt of result.attempts) expect(attempt.error).toBe(`connect ECONNREFUSED 127.0.0.1:${closed.port}`);
    expect(options.waits).toEqual([1_000, 2_000]);
    expect(result.error).toBe(`gave up after 3 attempts; the last: connect ECONNREFUSED 127.0.0.1:${closed.port}`);
  });
});

describe('deliverWebhook and the target guard', () => {
  it('refuses 127.0.0.1 by default: nothing is sent and nothing is retried', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 200));
    const options = fast({ policy: undefined });
    const result = await deliverWebhook({ url: receiver.url, body }, options);
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(1);
    expect(result.error).toBe(
      `webhook URL http://127.0.0.1:${receiver.port}/… refused: 127.0.0.1 is a loopback address (this machine); to send webhooks there, list the host or a range holding the address in BEACON_WEBHOOK_ALLOW`,
    );
    expect(result.attempts[0].error).toBe(result.error);
    expect(receiver.received).toHaveLength(0);
    expect(options.waits).toEqual([]);
  });

  it('refuses localhost by default and delivers to it once allowed', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 200));
    const url = `http://localhost:${receiver.port}/hook`;
    const refused = await deliverWebhook({ url, body }, fast({ policy: undefined }));
    expect(refused.error).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(receiver.received).toHaveLength(0);
    // localhost may resolve to ::1 as well as 127.0.0.1; the receiver listens on 127.0.0.1 only.
    const allowed = await deliverWebhook({ url, body }, fast({ policy: { allowPrivate: false, allow: ['localhost'] }, resolveHost: async () => [{ address: '127.0.0.1', family: 4 }] }));
    expect(allowed.delivered).toBe(true);
    expect(receiver.received).toHaveLength(1);
  });

  it('connects to the address it checked, whatever the name would resolve to later', async () => {
    const receiver = await startReceiver((_n, _request, response) => reply(response, 200));
    const resolved: string[] = [];
    // hooks.test is a reserved name no real resolver answers: the connection can only reach the receiver through the checked address.
    const resolveHost = async (name: string): Promise<ResolvedAddress[]> => {
      resolved.push(name);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const result = await deliverWebhook({ url: `http://hooks.test:${receiver.port}/hook`, body }, fast({ policy: { allowPrivate: false, allow: ['127.0.0.0/8'] }, resolveHost }));
    expect(result.delivered).toBe(true);
    expect(resolved).toEqual(['hooks.test']);
    expect(receiver.received[0].headers.host).toBe(`hooks.test:${receiver.port}`);
  });

  it('refuses a name that resolves to a link-local address even with private addresses allowed', async () => {
    let posted = false;
    const result = await deliverWebhook(
      { url: 'http://metadata.test/latest', body },
      fast({
        policy: { allowPrivate: true, allow: [] },
        resolveHost: async () => [{ address: '169.254.169.254', family: 4 }],
        post: async () => {
          posted = true;
          return { status: 200, retryAfter: undefined };
        },
      }),
    );
    expect(posted).toBe(false);
    expect(result.error).toContain('metadata.test resolves to 169.254.169.254, a link-local address');
  });
});

describe('the delivery log', () => {
  it('records when each attempt started and how long it took, by the injected clock', async () => {
    let clock = Date.UTC(2026, 11, 1, 9, 0, 0);
    const statuses = [500, 200];
    const result = await deliverWebhook(
      { url: 'https://hooks.example/beacon', body },
      {
        resolveHost: async () => [{ address: '93.184.216.34', family: 4 }],
        post: async () => {
          clock += 120;
          return { status: statuses.shift()!, retryAfter: undefined };
        },
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
        random: () => 0.5,
      },
    );
    // 09:00:00.000 + 120 ms answer + 1 s wait = 09:00:01.120.
    expect(result).toEqual({
      delivered: true,
      attempts: [
        { attempt: 1, at: '2026-12-01T09:00:00.000Z', status: 500, duration_ms: 120 },
        { attempt: 2, at: '2026-12-01T09:00:01.120Z', status: 200, duration_ms: 120 },
      ],
    });
  });

  it('turns an error thrown by an injected part into a recorded result', async () => {
    const result = await deliverWebhook(
      { url: 'https://hooks.example/beacon', body },
      {
        maxAttempts: 2,
        resolveHost: async () => [{ address: '93.184.216.34', family: 4 }],
        post: async () => {
          throw 'not even an Error';
        },
        sleep: async () => {
          throw new Error('the clock broke');
        },
      },
    );
    expect(result).toEqual({
      delivered: false,
      attempts: [expect.objectContaining({ attempt: 1, error: 'not even an Error' })],
      error: 'the delivery stopped: the clock broke',
    });
  });
});
