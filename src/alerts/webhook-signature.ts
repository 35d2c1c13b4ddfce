// The signature a receiver checks to know a webhook came from Beacon and was
// not altered: `X-Beacon-Signature: sha256=<hex>`, the HMAC-SHA256 of the
// exact bytes of the body with the rule's secret. Nothing else is signed; the
// body's own `fired_at` (signed with it) lets a receiver turn away old or
// repeated deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Beacon-Signature';

const PREFIX = 'sha256=';

/**
 * The header value for a body: `sha256=` and the lowercase hex HMAC-SHA256
 * of its bytes (a string is taken as UTF-8).
 *
 * @example
 * signBody('{"a":1}', 'secret') // → 'sha256=' + createHmac('sha256', 'secret').update('{"a":1}').digest('hex')
 */
export function signBody(body: string | Uint8Array, secret: string): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Whether `header` is the signature of `body` with `secret`, compared in
 * constant time. The body must be the raw bytes as received, before any JSON
 * parsing: a re-serialised body differs in spacing or key order.
 *
 * @example
 * verifySignature(rawBody, secret, request.headers['x-beacon-signature']) // → true or false
 */
export function verifySignature(body: string | Uint8Array, secret: string, header: string | string[] | undefined | null): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}
