// Request URLs as logs show them: a credential sent in the query string
// (?key=…, ?token=…) is replaced, so a log never holds a secret. Headers are
// not logged at all (Authorization among them).

/** Query parameters whose values are secrets, by name (case-insensitive, also as a suffix: api_key, access_token). */
const SECRET_PARAM = /(?:^|_|-)(?:key|token|secret|password|passwd|auth|signature|sig)$/i;

export const REDACTED = '[REDACTED]';

/**
 * The URL with every secret-looking query parameter's value replaced.
 *
 * @example redactUrl('/v1/query?key=abc&from=2026-01-01') // → '/v1/query?key=[REDACTED]&from=2026-01-01'
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as sent (its value still redacted when the raw name looks secret).
      }
      return SECRET_PARAM.test(decoded) || SECRET_PARAM.test(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${redacted}`;
}
