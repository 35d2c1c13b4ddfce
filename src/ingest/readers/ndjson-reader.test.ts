import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../column-map.js';
import { readNdjsonRecords } from './ndjson-reader.js';
import { MAX_RECORD_CHARS, type RawRecord } from './raw-record.js';

async function read(pieces: string[], map?: ReturnType<typeof parseColumnMap>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readNdjsonRecords(Readable.from(pieces.map((p) => Buffer.from(p))), map)) out.push(record);
  return out;
}

describe('readNdjsonRecords', () => {
  it('reads one object per line; blank lines are skipped but counted; bad lines are error records', async () => {
    const text = '{"a":1}\r\n\r\n{"b":"two"}\nnot json\n   \n[1,2]\n"str"\n{"c":null}';
    const records = await read([text.slice(0, 5), text.slice(5, 23), text.slice(23)]);
    expect(records.map((r) => ('value' in r ? { index: r.index, line: r.line, value: r.value } : r.index))).toEqual([
      { index: 0, line: 1, value: { a: 1 } },
      { index: 1, line: 3, value: { b: 'two' } },
      2,
      3,
      4,
      { index: 5, line: 8, value: { c: null } },
    ]);
    const errors = records.filter((r): r is Extract<RawRecord, { error: string }> => 'error' in r);
    expect(errors.map((e) => [e.line, e.error.split(':')[0]])).toEqual([
      [4, 'line is not valid JSON'],
      [6, 'line is not a JSON object (got an array)'],
      [7, 'line is not a JSON object (got a string)'],
    ]);
  });

  it('joins a multi-byte character split across chunks and drops a BOM', async () => {
    const bytes = Buffer.from('\uFEFF{"city":"Zürich"}\n');
    // "ü" is two bytes (c3 bc); cut between them.
    const cut = bytes.indexOf(0xbc);
    const out: RawRecord[] = [];
    for await (const r of readNdjsonRecords(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))) out.push(r);
    expect(out).toEqual([{ index: 0, line: 1, value: { city: 'Zürich' } }]);
  });

  it('renames keys with a column map', async () => {
    expect(await read(['{"Spent":3,"x":1}\n'], parseColumnMap('Spent=cost'))).toEqual([
      { index: 0, line: 1, value: { x: 1, cost: 3 } },
    ]);
  });

  it('reports an over-long line once and resumes at the next line', async () => {
    const long = '{"a":"' + 'x'.repeat(MAX_RECORD_CHARS) + '"}';
    const half = long.length / 2;
    expect(await read(['{"ok":1}\n', long.slice(0, half), long.slice(half), long.slice(0, 10), '\n{"ok":2}\n'])).toEqual([
      { index: 0, line: 1, value: { ok: 1 } },
      { index: 1, line: 2, error: `line is longer than ${MAX_RECORD_CHARS} characters` },
      { index: 2, line: 3, value: { ok: 2 } },
    ]);
  });
});
