// A webhook receiver on 127.0.0.1 (a free port): it keeps every request's
// path, signature header and body, and answers with the status `statusFor`
// gives the path.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryOptions } from '../../src/alerts/webhook-delivery.js';

/** Webhook delivery a test server uses to reach a receiver on 127.0.0.1: two attempts, 5 ms apart. */
export const LOOPBACK_WEBHOOKS: DeliveryOptions = { policy: { allowPrivate: false, allow: ['127.0.0.1'] }, maxAttempts: 2, backoff: { baseDelayMs: 5, maxDelayMs: 5, jitter: 0 } };

export interface ReceivedHook {
  path: string;
  signature: string | undefined;
  body: string;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  base: string;
  received: ReceivedHook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(statusFor: (path: string) => number): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const signature = request.headers['x-beacon-signature'];
      received.push({ path, signature: typeof signature === 'string' ? signature : undefined, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statusFor(path);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
