// SQL literals for ClickHouse 18.16, which has no server-side query
// parameters: every value placed in a statement goes through these functions.
// Rows themselves are inserted as JSON (clickhouse-rows.ts), never as SQL text.

/** The range of ClickHouse's Date type. */
export const FIRST_DATE = '1970-01-01';
export const LAST_DATE = '2105-12-31';

/**
 * A ClickHouse string literal. Backslash and quote are escaped, and so is
 * every control character (as \xHH), so the literal is one line of plain
 * text; other characters, unicode included, pass through as UTF-8.
 *
 * @example quoteString("it's") === "'it\\'s'"
 */
export function quoteString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A numeric literal; anything but a finite number is a bug and throws. */
export function numberLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`not a finite number: ${String(value)}`);
  return String(value);
}

/** A literal for a value of a stored row or a statement (null → NULL). */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return numberLiteral(value);
}

/** A quoted identifier (our own table and column names; quoting keeps reserved words safe). */
export function quoteIdent(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}
