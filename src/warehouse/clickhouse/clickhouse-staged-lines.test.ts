import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import type { StoredColumn } from '../tables.js';
import { StagedLines } from './clickhouse-staged-lines.js';

const COLUMNS: StoredColumn[] = [
  { name: 'event_id', kind: 'string' },
  { name: 'n', kind: 'integer' },
  { name: 'ok', kind: 'boolean' },
  { name: 'amount', kind: 'money' },
  { name: 'note', kind: 'string' },
  { name: 'x', kind: 'number' },
];
const BOOKKEEPING = { workspace_id: 'w', import_id: 'i', seq: 7, received_at: 1000 };
const HEAD = '{"workspace_id":"w","import_id":"i","seq":7,"received_at":1000';

function write(...lines: string[]): string {
  const staged = new StagedLines(COLUMNS, BOOKKEEPING);
  for (const line of lines) staged.add(line);
  return staged.rows()[0].line;
}

describe('StagedLines', () => {
  it('copies each value after its name, booleans as 0/1, amounts as bare decimals to six places', () => {
    expect(write('["e1",5,true,"0.1234565","plain",1.5]')).toBe(`${HEAD},"event_id":"e1","n":5,"ok":1,"amount":0.123457,"note":"plain","x":1.5}`);
  });

  it('leaves null values out', () => {
    expect(write('["e2",null,false,null,null,null]')).toBe(`${HEAD},"event_id":"e2","ok":0}`);
  });

  it('keeps escapes, commas and brackets inside strings as they are', () => {
    expect(write('["a,b]\\"c\\\\",-3,false,"12","x\\\\",2e-7]')).toBe(`${HEAD},"event_id":"a,b]\\"c\\\\","n":-3,"ok":0,"amount":12,"note":"x\\\\","x":2e-7}`);
  });

  it('writes one line per row, in order, from a slice of a longer text', () => {
    const text = '["e1",1,true,null,null,null]\n["e2",2,false,null,null,null]\n';
    const staged = new StagedLines(COLUMNS, BOOKKEEPING);
    staged.add(text, 29, 58);
    staged.add(text, 0, 28);
    expect(staged.rows()[0].line).toBe(`${HEAD},"event_id":"e2","n":2,"ok":0}\n${HEAD},"event_id":"e1","n":1,"ok":1}`);
    expect(staged.count).toBe(2);
  });

  it('replaces a lone surrogate by U+FFFD, as a query text would', () => {
    expect(write(JSON.stringify(['e\ud800', 1, true, null, null, null]))).toBe(
      `${HEAD},"event_id":"e\ufffd","n":1,"ok":1,"amount":null,"note":null,"x":null}`,
    );
  });

  it('refuses a value not of its column kind', () => {
    expect(() => write('["e4","five",true,null,null,null]')).toThrow(ValidationError);
    expect(() => write('["e5",1,true,"ten",null,null]')).toThrow(ValidationError);
    expect(() => write('["e6",12345678901234567,true,null,null,null]')).toThrow(ValidationError);
  });

  it('gives no rows when no line was added', () => {
    expect(new StagedLines(COLUMNS, BOOKKEEPING).rows()).toEqual([]);
  });
});
