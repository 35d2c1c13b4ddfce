import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { parseColumnMap } from '../column-map.js';
import { readJsonArrayRecords } from './json-array-reader.js';
import type { RawRecord } from './raw-record.js';

async function read(text: string, size = 5, map?: ReturnType<typeof parseColumnMap>): Promise<RawRecord[]> {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  const out: RawRecord[] = [];
  for await (const record of readJsonArrayRecords(Readable.from(pieces), map)) out.push(record);
  return out;
}

describe('readJsonArrayRecords', () => {
  it('streams objects element by element, across chunk boundaries and tricky strings', async () => {
    const text = ' [ {"a":"x\\"]}","n":[1,{"b":2}]} ,\n{"c":"\\\\"} ]\n';
    expect(await read(text, 3)).toEqual([
      { index: 0, value: { a: 'x"]}', n: [1, { b: 2 }] } },
      { index: 1, value: { c: '\\' } },
    ]);
  });

  it('turns a non-object element into an error record and keeps going', async () => {
    expect(await read('[{"a":1}, 42, "s", null, [1], {"b":2}]')).toEqual([
      { index: 0, value: { a: 1 } },
      { index: 1, error: 'element is not a JSON object (got a number)' },
      { index: 2, error: 'element is not a JSON object (got a string)' },
      { index: 3, error: 'element is not a JSON object (got null)' },
      { index: 4, error: 'element is not a JSON object (got an array)' },
      { index: 5, value: { b: 2 } },
    ]);
  });

  it('reads an empty array as no records', async () => {
    expect(await read('[ ]')).toEqual([]);
  });

  it.each([
    ['a truncated array', '[{"a":1},{"b":'],
    ['an unclosed array', '[{"a":1}'],
    ['a trailing comma', '[{"a":1},]'],
    ['a missing comma', '[{"a":1} {"b":2}]'],
    ['a broken element', '[{"a":1},{"b":}]'],
    ['content after the array', '[{"a":1}] x'],
    ['an object at the top', '{"a":1}'],
    ['an empty input', '  '],
  ])('rejects %s as a whole with ValidationError', async (_name, text) => {
    await expect(read(text)).rejects.toBeInstanceOf(ValidationError);
  });

  it('renames keys with a column map', async () => {
    expect(await read('[{"Day":"2025-07-01"}]', 4, parseColumnMap('Day=date'))).toEqual([
      { index: 0, value: { date: '2025-07-01' } },
    ]);
  });
});
