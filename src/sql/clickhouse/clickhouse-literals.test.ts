import { describe, expect, it } from 'vitest';
import { literal, numberLiteral, quoteIdent, quoteString } from './clickhouse-literals.js';

describe('quoteString', () => {
  it('wraps plain text in single quotes', () => {
    expect(quoteString('')).toBe("''");
    expect(quoteString('page_view')).toBe("'page_view'");
  });

  it('escapes quotes and backslashes so the literal cannot be closed early', () => {
    expect(quoteString("it's")).toBe("'it\\'s'");
    expect(quoteString('a\\b')).toBe("'a\\\\b'");
    // A trailing backslash must not escape the closing quote.
    expect(quoteString('x\\')).toBe("'x\\\\'");
    expect(quoteString("\\'")).toBe("'\\\\\\''");
    expect(quoteString("'); DROP TABLE events; --")).toBe("'\\'); DROP TABLE events; --'");
  });

  it('writes NUL, newlines and other control characters as \\xHH', () => {
    expect(quoteString('a\u0000b')).toBe("'a\\x00b'");
    expect(quoteString('line\nnext\r\ttab')).toBe("'line\\x0anext\\x0d\\x09tab'");
    expect(quoteString('\u001f\u007f')).toBe("'\\x1f\\x7f'");
  });

  it('passes unicode through unchanged', () => {
    expect(quoteString('é 日本 😀')).toBe("'é 日本 😀'");
    expect(quoteString('\u2028')).toBe("'\u2028'");
  });
});

describe('numberLiteral and literal', () => {
  it('writes finite numbers and refuses the rest', () => {
    expect(numberLiteral(42)).toBe('42');
    expect(numberLiteral(-0.5)).toBe('-0.5');
    expect(numberLiteral(1772359200000)).toBe('1772359200000');
    expect(() => numberLiteral(NaN)).toThrow(/finite/);
    expect(() => numberLiteral(Infinity)).toThrow(/finite/);
    expect(() => numberLiteral('1' as unknown as number)).toThrow(/finite/);
  });

  it('maps null, booleans, strings and numbers', () => {
    expect([literal(null), literal(true), literal(false), literal("o'k"), literal(7)]).toEqual(['NULL', '1', '0', "'o\\'k'", '7']);
  });
});

describe('quoteIdent', () => {
  it('wraps names in backquotes and escapes backquotes and backslashes', () => {
    expect(quoteIdent('events')).toBe('`events`');
    expect(quoteIdent('a`b\\c')).toBe('`a\\`b\\\\c`');
  });
});
