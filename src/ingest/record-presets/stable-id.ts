// Ids derived from what a record is, for exports that carry none: the same
// row imported twice gets the same id, so re-importing a file stores nothing new.
import { createHash } from 'node:crypto';

/**
 * `prefix` followed by 32 hex digits of the SHA-256 of the parts (each part
 * length-prefixed, so ['ab', 'c'] and ['a', 'bc'] differ).
 * @example stableId('ga4_', ['u1', '1709648520123456', 'page_view']) // 'ga4_…'
 */
export function stableId(prefix: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return prefix + hash.digest('hex').slice(0, 32);
}

/**
 * JSON text of a value with object keys sorted, so that key order never changes an id.
 * @example canonicalJson({ b: 1, a: [2] }) // '{"a":[2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
