import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { decimalText, decodeRow, encodeRow, encodeValues, formatTimestamp, moneyText, readExpression, wellFormed } from './clickhouse-rows.js';

describe('decimalText', () => {
  it('keeps amounts of up to six places as they are', () => {
    expect(decimalText('10.5', 'c')).toBe('10.5');
    expect(decimalText('0.000001', 'c')).toBe('0.000001');
    expect(decimalText('999999999999.999999', 'c')).toBe('999999999999.999999');
    expect(decimalText('-3', 'c')).toBe('-3');
    expect(decimalText('007.100', 'c')).toBe('7.1');
    expect(decimalText(0.1, 'c')).toBe('0.1');
  });

  it('rounds the seventh place half away from zero', () => {
    expect(decimalText('0.1234565', 'c')).toBe('0.123457');
    expect(decimalText('0.1234564999', 'c')).toBe('0.123456');
    expect(decimalText('-0.0000005', 'c')).toBe('-0.000001');
    expect(decimalText('-0.00000049', 'c')).toBe('0');
    expect(decimalText('9.9999995', 'c')).toBe('10');
    expect(decimalText('0.9999999', 'c')).toBe('1');
  });

  it('refuses what Decimal(18, 6) cannot hold or what is not an amount', () => {
    expect(() => decimalText('999999999999.9999995', 'cost')).toThrow(ValidationError);
    expect(() => decimalText('1000000000000', 'cost')).toThrow(/below 10\^12/);
    expect(() => decimalText('1e3', 'cost')).toThrow(/decimal amount/);
    expect(() => decimalText('12,5', 'cost')).toThrow(/decimal amount/);
    expect(() => decimalText(NaN, 'cost')).toThrow(/decimal amount/);
  });
});

describe('encodeRow', () => {
  const columns = [
    { name: 'id', kind: 'string' },
    { name: 'at', kind: 'timestamp' },
    { name: 'day', kind: 'date' },
    { name: 'n', kind: 'integer' },
    { name: 'rate', kind: 'number' },
    { name: 'cost', kind: 'money' },
    { name: 'bot', kind: 'boolean' },
    { name: 'props', kind: 'json' },
  ] as const;

  it('writes one JSON line, money as a bare number and booleans as 0/1', () => {
    const row = { id: 'a"b\\c\n\u0000é', at: 1772359200123, day: '2026-03-01', n: 5, rate: 1.1, cost: '10.5', bot: true, props: '{"x":1}' };
    const line = encodeRow(columns, row).line;
    expect(line).toBe(
      '{"id":"a\\"b\\\\c\\n\\u0000é","at":1772359200123,"day":"2026-03-01","n":5,"rate":1.1,"cost":10.5,"bot":1,"props":"{\\"x\\":1}"}',
    );
    // Every string survives the trip through JSON unchanged.
    expect(JSON.parse(line).id).toBe(row.id);
  });

  it('writes absent values as null', () => {
    expect(encodeRow(columns.slice(0, 2), { id: null }).line).toBe('{"id":null,"at":null}');
  });

  it('refuses dates a 18.16 Date cannot hold instead of storing 0000-00-00', () => {
    expect(encodeRow([columns[2]], { day: '1970-01-01' }).line).toBe('{"day":"1970-01-01"}');
    expect(encodeRow([columns[2]], { day: '2105-12-31' }).line).toBe('{"day":"2105-12-31"}');
    expect(() => encodeRow([columns[2]], { day: '1969-12-31' })).toThrow(/between 1970-01-01 and 2105-12-31/);
    expect(() => encodeRow([columns[2]], { day: '2106-01-01' })).toThrow(ValidationError);
  });

  it('refuses values of the wrong kind', () => {
    expect(() => encodeRow([columns[1]], { at: 1.5 })).toThrow(/integer/);
    expect(() => encodeRow([columns[4]], { rate: Infinity })).toThrow(/finite/);
    expect(() => encodeRow([columns[0]], { id: 3 })).toThrow(/text/);
  });

  it('encodeValues writes a row given as values in column order after the members already encoded, as encodeRow writes it', () => {
    const some = [columns[0], columns[5], columns[6], columns[1]];
    expect(encodeValues(some, ['x"y', '0.1234565', false, null], '"seq":7').line).toBe('{"seq":7,"id":"x\\"y","cost":0.123457,"bot":0,"at":null}');
    expect(encodeValues(some, ['e', null, true, 5], '"seq":7').line).toBe(`{"seq":7,${encodeRow(some, { id: 'e', cost: null, bot: true, at: 5 }).line.slice(1)}`);
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormed('\udc00')).toBe('\ufffd');
    expect(wellFormed('😀')).toBe('😀');
    expect(wellFormed('x\ud83d\ude00\ud83d')).toBe('x😀\ufffd');
  });
});

describe('reading rows back', () => {
  it('reads money as text', () => {
    expect(readExpression({ name: 'cost', kind: 'money' })).toBe('toString(`cost`) AS `cost`');
    expect(readExpression({ name: 'date', kind: 'date' })).toBe('`date`');
  });

  it('writes money out to six places whether or not the server kept the trailing zeros', () => {
    const columns = [{ name: 'cost', kind: 'money' }] as const;
    // 18.16 answers toString of a Decimal(18, 6) with every place, later servers without trailing zeros.
    for (const [text, expected] of [['5.000000', '5.000000'], ['5', '5.000000'], ['0.3', '0.300000'], ['-1.5', '-1.500000'], ['54.989', '54.989000'], ['0.000001', '0.000001']]) {
      expect(decodeRow(columns, { cost: text })).toEqual({ cost: expected });
    }
    expect(moneyText('-0.25')).toBe('-0.250000');
  });

  it('formats epoch milliseconds like DuckDB', () => {
    // 1772359200000 ms = 2026-03-01 10:00:00 UTC (20513 days × 86400 s + 10 h).
    expect(formatTimestamp(1772359200000)).toBe('2026-03-01 10:00:00');
    expect(formatTimestamp(1772359200120)).toBe('2026-03-01 10:00:00.12');
    expect(formatTimestamp(1772359200007)).toBe('2026-03-01 10:00:00.007');
    expect(formatTimestamp(-1)).toBe('1969-12-31 23:59:59.999');
  });

  it('decodes booleans, 64-bit integers and timestamps', () => {
    const columns = [
      { name: 'at', kind: 'timestamp' },
      { name: 'bot', kind: 'boolean' },
      { name: 'n', kind: 'integer' },
      { name: 'rate', kind: 'number' },
      { name: 'gone', kind: 'string' },
    ] as const;
    expect(decodeRow(columns, { at: '1772359200000', bot: 0, n: '12', rate: 1.5, gone: null })).toEqual({
      at: '2026-03-01 10:00:00',
      bot: false,
      n: '12',
      rate: 1.5,
      gone: null,
    });
  });
});
