import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './webhook-signature.js';

describe('signBody', () => {
  it('gives the HMAC-SHA256 of RFC 4231 test case 2 in hex', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('signs a string as its UTF-8 bytes', () => {
    const body = '{"name":"Coût — été"}';
    expect(signBody(body, 's3cret')).toBe(signBody(Buffer.from(body, 'utf8'), 's3cret'));
    expect(signBody(body, 's3cret')).toBe(`sha256=${createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });
});

describe('verifySignature', () => {
  const body = '{"rule_id":"r1","value":46.2}';
  const header = `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`;

  it('accepts the signature of the exact body and secret, in either hex case', () => {
    expect(verifySignature(body, 'k', header)).toBe(true);
    expect(verifySignature(Buffer.from(body), 'k', header.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
  });

  it('refuses another body, another secret, or a re-serialised body', () => {
    expect(verifySignature(body.replace('46.2', '46.3'), 'k', header)).toBe(false);
    expect(verifySignature(body, 'K', header)).toBe(false);
    expect(verifySignature(JSON.stringify(JSON.parse(body), null, 1), 'k', header)).toBe(false);
  });

  it('refuses a missing, truncated, wrongly prefixed or repeated header without throwing', () => {
    for (const bad of [undefined, null, '', 'sha256=', header.slice(0, -2), header.replace('sha256=', 'sha1='), header.slice(7), `${header}00`, [header, header]]) {
      expect(verifySignature(body, 'k', bad)).toBe(false);
    }
  });
});
