// Properties of a JSON object column read in ClickHouse SQL that 18.16
// understands, as DuckDB's json_extract_string and TRY_CAST read them.
import { quoteString } from './clickhouse-literals.js';

/**
 * A property of a JSON object column as text, like DuckDB's
 * json_extract_string: strings unescaped, other values as their JSON text,
 * null or absent → NULL. The stored text is compact (JSON.stringify), so the
 * value starts right after `"key":`; its first character tells a string
 * (visitParamExtractString) from anything else (visitParamExtractRaw, which on
 * 18.16 mis-reads strings ending in an escaped backslash). Like the visitParam
 * functions, this finds the first `"key":` in the text, so a key nested in an
 * earlier object would win over the top-level one.
 */
export function jsonProperty(column: string, key: string): string {
  const k = quoteString(key);
  const needle = `${JSON.stringify(key)}:`;
  const text = `ifNull(${column}, '')`;
  const at = `position(${text}, ${quoteString(needle)})`;
  const first = `substring(${text}, ${at} + ${Buffer.byteLength(needle)}, 1)`;
  return `multiIf(${at} = 0, CAST(NULL AS Nullable(String)),
    ${first} = '"', CAST(visitParamExtractString(${text}, ${k}) AS Nullable(String)),
    ${first} = 'n', CAST(NULL AS Nullable(String)), CAST(visitParamExtractRaw(${text}, ${k}) AS Nullable(String)))`;
}

/**
 * A property read as a number, like DuckDB's TRY_CAST(… AS DOUBLE) of its
 * text: surrounding white space and a leading '+' are allowed; anything else
 * that is not a number is NULL.
 */
export function jsonNumber(column: string, key: string): string {
  const trimmed = `replaceRegexpAll(${jsonProperty(column, key)}, '^\\\\s+|\\\\s+$', '')`;
  return `toFloat64OrNull(replaceRegexpOne(${trimmed}, '^\\\\+([0-9.])', '\\\\1'))`;
}
