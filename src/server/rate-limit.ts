// Per-key request rates: each API key (the hash of its secret; the client's
// address for requests without one) may send so many requests a minute; past
// that, a 429 with Retry-After. Health, the API description and the server's
// own user (the local token other Beacon commands use) are not limited.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '../core/errors.js';

const UNLIMITED = new Set(['/healthz', '/openapi.json', '/metrics']);

/** The bucket a request counts against: its key, never the secret itself (it is hashed). */
function rateKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.trim() !== '') return `key:${createHash('sha256').update(header.trim()).digest('hex').slice(0, 32)}`;
  return `ip:${request.ip}`;
}

/** `exempt`: requests never limited (the local token of the server's own user). */
export async function registerRateLimit(app: FastifyInstance, requestsPerMinute: number, exempt: (request: FastifyRequest) => boolean): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: requestsPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateKey,
    allowList: (request) => UNLIMITED.has(request.url.split('?')[0]) || exempt(request),
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(
        `more than ${context.max} requests a minute with this key; retry in ${context.after}`,
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
}
