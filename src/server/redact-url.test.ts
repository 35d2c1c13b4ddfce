import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('replaces the values of key, token and similar parameters, and keeps the rest as sent', () => {
    expect(redactUrl('/v1/query?key=bk_secret&from=2026-01-01')).toBe('/v1/query?key=[REDACTED]&from=2026-01-01');
    expect(redactUrl('/v1/imports?api_key=a&access_token=b&x-signature=c&keyword=shoes')).toBe(
      '/v1/imports?api_key=[REDACTED]&access_token=[REDACTED]&x-signature=[REDACTED]&keyword=shoes',
    );
    expect(redactUrl('/v1/x?Token=abc&TOKEN')).toBe('/v1/x?Token=[REDACTED]&TOKEN=[REDACTED]');
  });

  it('reads escaped names, drops the fragment, and leaves URLs without a query alone', () => {
    expect(redactUrl('/a?%6Bey=s3cret#frag')).toBe('/a?%6Bey=[REDACTED]');
    expect(redactUrl('/a?%E0%A4%A=1&password=x')).toBe('/a?%E0%A4%A=1&password=[REDACTED]');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
