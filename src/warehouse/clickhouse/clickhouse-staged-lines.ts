// Staged events (staged-events.ts: one JSON array of values a line, in
// STAGED_EVENT_COLUMNS order, as validate() built them) written as
// JSONEachRow lines for the events table, straight from the staged text: each
// value's JSON text is the text encodeValues would write for it (both come
// from JSON.stringify), so a line is cut into its values and each is copied
// after its column's name, without parsing the line or encoding anything
// again. Null members are left out (ClickHouse stores an omitted Nullable
// column as NULL); booleans become 0/1 and amounts bare numbers. A line with
// anything else (a lone surrogate, a value not of its column's kind) goes
// through JSON.parse and encodeValues, which refuses a bad value as before.
import type { Row } from '../../model/validate.js';
import { BOOKKEEPING, type StoredColumn } from '../tables.js';
import { decimalText, encodeRow, encodeValues, JsonRow } from './clickhouse-rows.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How a value's JSON text goes into the line: as it is (strings, numbers), as 0/1, or as a bare decimal. */
const enum Copy {
  Text,
  Integer,
  Number,
  Boolean,
  Money,
  /** Never on the fast path. */
  Other,
}

function copyOf(column: StoredColumn): Copy {
  switch (column.kind) {
    case 'string':
    case 'json':
      return Copy.Text;
    case 'timestamp':
    case 'integer':
      return Copy.Integer;
    case 'number':
      return Copy.Number;
    case 'boolean':
      return Copy.Boolean;
    case 'money':
      return Copy.Money;
    default:
      return Copy.Other;
  }
}

const INTEGER = /^-?\d{1,16}$/;

/** The index of the quote that closes the JSON string opening at `open`. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  for (;;) {
    if (at === -1) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

/**
 * Writes staged lines, each after the batch's bookkeeping members.
 *
 * @example
 * const lines = new StagedLines(STAGED_EVENT_COLUMNS, { workspace_id: 'w', import_id: 'i', seq: 1, received_at: 0 });
 * lines.add('["e1","page_view",1767225600000,"a1",null,…]');
 * await connection.insert('events', lines.rows()); // {"workspace_id":"w",…,"event_id":"e1","type":"page_view",…}
 */
export class StagedLines {
  private readonly copies: Copy[];
  private readonly keys: string[];
  private readonly prefix: string;
  private readonly lines: string[] = [];

  constructor(
    private readonly columns: readonly StoredColumn[],
    bookkeeping: Row,
  ) {
    this.copies = columns.map(copyOf);
    this.keys = columns.map((c) => `,${JSON.stringify(c.name)}:`);
    // '{"workspace_id":…,"received_at":…' without its closing brace.
    this.prefix = encodeRow(BOOKKEEPING, bookkeeping).line.slice(0, -1);
  }

  get count(): number {
    return this.lines.length;
  }

  /**
   * Adds the staged line `text.slice(start, end)`. `loneSurrogates`: false when
   * the text is known to hold no escaped surrogate (JSON.stringify escapes
   * only lone ones, which 18.16 would refuse and encodeValues replaces).
   */
  add(text: string, start = 0, end = text.length, loneSurrogates = true): void {
    this.lines.push(this.fast(text, start, end, loneSurrogates) ?? this.slow(text.slice(start, end)));
  }

  /** The lines as one insertable JsonRow (none when no line was added). */
  rows(): JsonRow[] {
    return this.lines.length === 0 ? [] : [new JsonRow(this.lines.join('\n'))];
  }

  private fast(text: string, start: number, end: number, loneSurrogates: boolean): string | undefined {
    if (text.charCodeAt(start) !== 0x5b || text.charCodeAt(end - 1) !== 0x5d) return undefined;
    const last = this.columns.length - 1;
    let line = this.prefix;
    let at = start + 1;
    for (let i = 0; i <= last; i++) {
      const first = text.charCodeAt(at);
      let stop: number;
      if (first === QUOTE) {
        stop = closingQuote(text, at) + 1;
        if (stop === 0) return undefined;
      } else {
        stop = i === last ? end - 1 : text.indexOf(',', at);
        if (stop === -1) return undefined;
      }
      // Every value but the last ends at a comma, the last at the closing bracket.
      if (i === last ? stop !== end - 1 : text.charCodeAt(stop) !== 0x2c) return undefined;
      if (first === 0x6e) {
        if (stop !== at + 4 || !text.startsWith('null', at)) return undefined;
      } else {
        const value = text.slice(at, stop);
        let member: string;
        switch (this.copies[i]) {
          case Copy.Text:
            if (first !== QUOTE || (loneSurrogates && value.includes('\\ud'))) return undefined;
            member = value;
            break;
          case Copy.Integer:
            if (!INTEGER.test(value) || !Number.isSafeInteger(Number(value))) return undefined;
            member = value;
            break;
          case Copy.Number:
            if (first !== 0x2d && (first < 0x30 || first > 0x39)) return undefined;
            member = value;
            break;
          case Copy.Boolean:
            if (value !== 'true' && value !== 'false') return undefined;
            member = value === 'true' ? '1' : '0';
            break;
          case Copy.Money:
            member = decimalText(JSON.parse(value) as Row[string], this.columns[i].name);
            break;
          default:
            return undefined;
        }
        line += this.keys[i] + member;
      }
      at = stop + 1;
    }
    return `${line}}`;
  }

  private slow(line: string): string {
    const values = JSON.parse(line) as Row[string][];
    if (!Array.isArray(values) || values.length !== this.columns.length) throw new Error('a staged line does not match the staged columns');
    return encodeValues(this.columns, values, this.prefix.slice(1)).line;
  }
}
