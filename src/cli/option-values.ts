// Option values as commands read them: a repeatable option collected into a
// list, and a number given as text checked into a number or a sentence
// naming the option.
import { ValidationError } from '../core/errors.js';

/** Commander's argParser for a repeatable option: `--filter a --filter b` → ['a', 'b']. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * An optional number option: undefined when not given, else the number, or a 400 naming the option and the body field.
 *
 * @example optionalNumber('0.95', '--sensitivity', 'sensitivity') // 0.95
 * optionalNumber('x', '--level', 'level') // throws "--level must be a number, got "x""
 */
export function optionalNumber(text: string | undefined, option: string, field: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new ValidationError(`${option} must be a number, got "${text}"`, { field });
  return n;
}
