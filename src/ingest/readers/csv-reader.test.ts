import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { parseColumnMap } from '../column-map.js';
import { detectDelimiter, readCsvRecords, type CsvReadOptions } from './csv-reader.js';
import type { CsvHeader, RawRecord } from './raw-record.js';

/** Feeds the text in pieces of `size` bytes, so records and quotes straddle chunks. */
async function read(text: string | Buffer, options: CsvReadOptions = {}, size = 7): Promise<RawRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  const out: RawRecord[] = [];
  for await (const record of readCsvRecords(Readable.from(pieces), options)) out.push(record);
  return out;
}

describe('readCsvRecords', () => {
  it('numbers lines physically: header is 1, a quoted multi-line record reports its first line, a bad row is one error', async () => {
    const text = [
      'id,note,amount', // line 1
      '1,plain,10', // line 2
      '2,"spans', // line 3
      'two lines",20', // line 4
      '3,too,many,cells', // line 5
      '', // line 6 (blank)
      '4,"a, comma",30', // line 7
    ].join('\n');
    expect(await read(text)).toEqual([
      { index: 0, line: 2, value: { id: '1', note: 'plain', amount: '10' } },
      { index: 1, line: 3, value: { id: '2', note: 'spans\ntwo lines', amount: '20' } },
      { index: 2, line: 5, error: 'row has 4 columns, the header has 3' },
      { index: 3, line: 7, value: { id: '4', note: 'a, comma', amount: '30' } },
    ]);
  });

  it('counts a CRLF inside quotes as one line break', async () => {
    const text = 'a,b\r\n"x\r\ny\r\nz",1\r\nlast,2\r\n';
    // "x…z" spans lines 2-4, so "last" is on line 5.
    expect(await read(text)).toEqual([
      { index: 0, line: 2, value: { a: 'x\r\ny\r\nz', b: '1' } },
      { index: 1, line: 5, value: { a: 'last', b: '2' } },
    ]);
  });

  it('strips a BOM, trims header names, omits empty cells and keeps doubled quotes', async () => {
    const text = '\uFEFF id , name ,city\n7,,"Le ""Bistro"""\n';
    expect(await read(text, {}, 3)).toEqual([{ index: 0, line: 2, value: { id: '7', city: 'Le "Bistro"' } }]);
  });

  it('detects ; and tab delimiters from the header line', async () => {
    expect(await read('a;b\n1,5;2\n')).toEqual([{ index: 0, line: 2, value: { a: '1,5', b: '2' } }]);
    expect(await read('a\tb\nx y\tz\n')).toEqual([{ index: 0, line: 2, value: { a: 'x y', b: 'z' } }]);
  });

  it('skips blank lines before the header and still counts them', async () => {
    expect(await read('\n\nk,v\n1,2\n')).toEqual([{ index: 0, line: 4, value: { k: '1', v: '2' } }]);
  });

  it('reports a quote left open at the end of the input as one error record', async () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n';
    expect(await read(text)).toEqual([
      { index: 0, line: 2, value: { a: '1', b: '2' } },
      { index: 1, line: 3, error: 'a quoted field is not closed before the end of the input' },
    ]);
  });

  it('reads a header-only or empty input as no records', async () => {
    expect(await read('a,b\n')).toEqual([]);
    expect(await read('')).toEqual([]);
  });

  it('renames mapped headers and passes the others through', async () => {
    const map = parseColumnMap('Spent (USD)=cost,Day=date');
    expect(await read('Day,Spent (USD),Note\n2025-07-01,12.5,hi\n', { map })).toEqual([
      { index: 0, line: 2, value: { date: '2025-07-01', cost: '12.5', Note: 'hi' } },
    ]);
  });

  it('rejects a preset file whose header never appears', async () => {
    await expect(read('just,some\nother,file\n', { preset: 'google_ads' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('readCsvRecords: the header it reports', () => {
  const headerOf = async (text: string, options: CsvReadOptions = {}) => {
    let header: CsvHeader | undefined;
    const records = await read(text, { ...options, onHeader: (h) => (header = h) });
    return { header, records };
  };

  it('tells the header before the first record: its line, each column and the field it fills', async () => {
    const map = parseColumnMap('ordered_at=timestamp');
    let seenBeforeRecord = false;
    let header: CsvHeader | undefined;
    for await (const _record of readCsvRecords(Readable.from([Buffer.from('\n\nordered_at,amount,\n2026-03-01T10:00:00Z,5,x\n')]), { map, onHeader: (h) => (header = h) })) {
      seenBeforeRecord = header !== undefined;
    }
    expect(seenBeforeRecord).toBe(true);
    expect(header).toEqual({
      line: 3,
      columns: [
        { name: 'ordered_at', field: 'timestamp', mapped: true },
        { name: 'amount', field: 'amount', mapped: false },
        // An unnamed column fills nothing.
        { name: '', mapped: false },
      ],
      fixed: [],
    });
  });

  it('reads a header written with ; after a UTF-8 BOM without the BOM in its first name', async () => {
    const { header, records } = await headerOf('\uFEFFordered_at;amount\r\n2026-03-01;3,5\r\n', {});
    expect(header?.columns.map((c) => c.name)).toEqual(['ordered_at', 'amount']);
    expect(records).toEqual([{ index: 0, line: 2, value: { ordered_at: '2026-03-01', amount: '3,5' } }]);
  });

  it('names the preset and the fields it sets on every record', async () => {
    const { header } = await headerOf('Report\nDay,Campaign ID,Amount spent (EUR)\n2026-03-01,7,1\n', { preset: 'meta_ads' });
    expect(header).toEqual({
      line: 2,
      preset: 'meta_ads',
      columns: [
        { name: 'Day', field: 'date', mapped: false },
        { name: 'Campaign ID', field: 'campaign_id', mapped: false },
        { name: 'Amount spent (EUR)', field: 'cost', mapped: false },
      ],
      fixed: ['platform', 'currency'],
    });
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter the header uses most, comma on a tie', () => {
    expect(detectDelimiter('a;b;c,d\n')).toBe(';');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
  });

  it('looks past title lines for a preset header', () => {
    // The title has two commas inside quotes and one outside; the header uses tabs.
    expect(detectDelimiter('"Report, July, 2025",x\nDay\tCampaign\tCost\n', 'google_ads')).toBe('\t');
  });
});
