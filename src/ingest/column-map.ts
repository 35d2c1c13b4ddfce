// Explicit column mapping (`--map "Spent=cost,Clicks=clicks"`): renames input
// columns to Beacon fields for exports no preset knows. Unmapped keys pass through.

import { ValidationError } from '../core/errors.js';

/** Input column name → Beacon field name. */
export type ColumnMap = ReadonlyMap<string, string>;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses `"Header=field,Other Header=field2"`. Names are trimmed; a header may hold
 * spaces, parentheses and even `=` (the field is what follows the last `=`).
 * @example parseColumnMap('Amount spent (USD)=cost, Day=date') // Map { 'Amount spent (USD)' => 'cost', 'Day' => 'date' }
 */
export function parseColumnMap(spec: string): ColumnMap {
  if (spec.trim() === '') throw new ValidationError('column mapping is empty: expected "Header=field,…"');
  const map = new Map<string, string>();
  for (const pair of spec.split(',')) {
    const eq = pair.lastIndexOf('=');
    const header = eq === -1 ? '' : pair.slice(0, eq).trim();
    const field = eq === -1 ? '' : pair.slice(eq + 1).trim();
    if (header === '' || field === '') {
      throw new ValidationError(`column mapping "${pair.trim()}" is not of the form Header=field`, { pair });
    }
    if (!FIELD_NAME.test(field)) {
      throw new ValidationError(`column mapping "${pair.trim()}" names "${field}", which is not a field name`, { pair });
    }
    const earlier = map.get(header);
    if (earlier !== undefined && earlier !== field) {
      throw new ValidationError(`column "${header}" is mapped twice (to ${earlier} and ${field})`, { pair });
    }
    map.set(header, field);
  }
  return map;
}

/**
 * The record with mapped keys renamed; a mapped key wins over an existing key of
 * the same name. Returns the record itself when the map is empty.
 * @example applyColumnMap({ Spent: '3.10', x: 1 }, parseColumnMap('Spent=cost')) // { x: 1, cost: '3.10' }
 */
export function applyColumnMap(record: Record<string, unknown>, map: ColumnMap): Record<string, unknown> {
  if (map.size === 0) return record;
  const out: Record<string, unknown> = {};
  let renamed: string[] | undefined;
  for (const key of Object.keys(record)) {
    if (map.has(key)) (renamed ??= []).push(key);
    else setField(out, key, record[key]);
  }
  if (renamed !== undefined) for (const key of renamed) setField(out, map.get(key)!, record[key]);
  return out;
}

/** Plain assignment of "__proto__" would replace the object's prototype instead of adding a key. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
