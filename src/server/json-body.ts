// Reads a JSON object body: routes receive raw bytes (one parser for every
// content type, see app.ts), and a malformed body is our 400.
import { ValidationError } from '../core/errors.js';

/** JSON routes receive the raw body (one parser for every content type); parse it here. */
export function jsonObject(body: unknown, what: string): Record<string, unknown> {
  let value = body;
  if (Buffer.isBuffer(body)) {
    try {
      value = JSON.parse(body.toString('utf8') || 'null');
    } catch {
      throw new ValidationError(`${what}: body is not valid JSON`, undefined, 'invalid_json');
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(`${what}: body must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
