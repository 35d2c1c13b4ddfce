import { describe, expect, it } from 'vitest';
import { recordsFromBody, textOf, type BodyOptions } from './body-records.js';

const options: BodyOptions = { accept: ['json', 'ndjson', 'csv'], maxInflatedBytes: 1 << 20, maxRecords: 100 };
const BOM = '\uFEFF';

describe('recordsFromBody', () => {
  it('regression: a JSON or NDJSON body behind a UTF-8 BOM was read as a CSV header (no records) or refused as JSON', async () => {
    expect(await recordsFromBody(Buffer.from(`${BOM}[{"a":1}]`), options)).toEqual({ records: [{ index: 0, value: { a: 1 } }] });
    expect(await recordsFromBody(Buffer.from(`${BOM}[{"a":1}]`), { ...options, contentType: 'application/json' })).toEqual({ records: [{ index: 0, value: { a: 1 } }] });
    expect(await recordsFromBody(Buffer.from(`${BOM}{"a":1}\n{"a":2}\n`), options)).toEqual({
      records: [
        { index: 0, line: 1, value: { a: 1 } },
        { index: 1, line: 2, value: { a: 2 } },
      ],
    });
  });

  it("returns a CSV body's header beside its records, its delimiter found and its BOM dropped", async () => {
    const body = await recordsFromBody(Buffer.from(`${BOM}order_id\ttotal\no1\t5\n`), { ...options, contentType: 'text/csv' });
    expect(body).toEqual({
      records: [{ index: 0, line: 2, value: { order_id: 'o1', total: '5' } }],
      header: { line: 1, fixed: [], columns: [{ name: 'order_id', field: 'order_id', mapped: false }, { name: 'total', field: 'total', mapped: false }] },
    });
  });
});

describe('textOf', () => {
  it('reads an ASCII body and a UTF-8 one as the same text UTF-8 decoding gives', () => {
    expect(textOf(Buffer.from('[{"a":"plain"}]'))).toBe('[{"a":"plain"}]');
    // é is C3 A9 in UTF-8 and 😀 F0 9F 98 80: read as characters, not as Latin-1 bytes.
    expect(textOf(Buffer.from([0x22, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x22]))).toBe('"é\u{1F600}"');
    // A byte that starts no UTF-8 character becomes U+FFFD, as before.
    expect(textOf(Buffer.from([0x22, 0xff, 0x22]))).toBe('"\uFFFD"');
  });

  it('parses a non-ASCII JSON body to the characters sent', async () => {
    const body = Buffer.from('[{"name":"Zoë","city":"東京"}]', 'utf8');
    expect(await recordsFromBody(body, options)).toEqual({ records: [{ index: 0, value: { name: 'Zoë', city: '東京' } }] });
  });
});
