import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { parseColumnMap } from '../column-map.js';
import { readRecords } from './read-records.js';
import type { InputFormat, RawRecord } from './raw-record.js';

async function collect(text: string, format: InputFormat, map = parseColumnMap('Spent=cost')): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readRecords(Readable.from([Buffer.from(text)]), format, { map })) out.push(record);
  return out;
}

describe('readRecords', () => {
  it('applies the column map in every format', async () => {
    expect(await collect('Spent,x\n4.5,y\n', 'csv')).toEqual([{ index: 0, line: 2, value: { cost: '4.5', x: 'y' } }]);
    expect(await collect('{"Spent":4.5,"x":"y"}\n', 'ndjson')).toEqual([
      { index: 0, line: 1, value: { x: 'y', cost: 4.5 } },
    ]);
    expect(await collect('[{"Spent":4.5,"x":"y"}]', 'json')).toEqual([{ index: 0, value: { x: 'y', cost: 4.5 } }]);
  });

  it('refuses a preset on anything but CSV', () => {
    expect(() => readRecords(Readable.from([]), 'ndjson', { preset: 'meta_ads' })).toThrow(ValidationError);
  });
});

/** About `bytes` of input made on the fly in 64 KiB chunks; never held whole. */
function* generate(bytes: number, header: string, line: (i: number) => string): Generator<Buffer> {
  let made = 0;
  let chunk = header;
  for (let i = 0; made < bytes; i++) {
    chunk += line(i);
    if (chunk.length >= 64 * 1024) {
      made += chunk.length;
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') yield Buffer.from(chunk);
}

async function countStreaming(source: Iterable<Buffer>, format: InputFormat): Promise<{ count: number; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  let count = 0;
  for await (const record of readRecords(Readable.from(source), format)) {
    if ('error' in record) throw new Error(record.error);
    if (++count % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { count, growth: peak - before };
}

describe('streaming', () => {
  const SIZE = 50 * 1024 * 1024;
  const MAX_GROWTH = 100 * 1024 * 1024;

  it('reads ~50 MB of NDJSON with flat memory', async () => {
    // Every line is exactly 100 bytes: 50 MiB rounds up to whole 64 KiB chunks of whole lines.
    const line = (i: number) => `{"event_id":"e${String(i).padStart(10, '0')}","type":"page_view","anonymous_id":"a${String(i % 1000).padStart(35, '0')}"}\n`;
    expect(line(0).length).toBe(100);
    const { count, growth } = await countStreaming(generate(SIZE, '', line), 'ndjson');
    // Chunks close once they reach 65,536 chars, i.e. after 656 lines (65,600 chars);
    // 800 such chunks pass 50 MiB (52,480,000 ≥ 52,428,800), so 800 × 656 lines.
    expect(count).toBe(800 * 656);
    expect(growth).toBeLessThan(MAX_GROWTH);
  }, 60_000);

  it('reads ~50 MB of CSV with flat memory', async () => {
    // Every row is exactly 50 bytes.
    const header = 'date,campaign_id,impressions,clicks,cost\n';
    const line = (i: number) => `2025-07-01,c${String(i).padStart(22, '0')},12345,678,9.99\n`;
    expect(line(0).length).toBe(50);
    const { count, growth } = await countStreaming(generate(SIZE, header, line), 'csv');
    // The first chunk is the 41-char header + 1,310 rows (65,541 ≥ 65,536; 1,309 rows would be
    // 65,491). Later chunks hold 1,311 rows (65,550). Generation stops once 52,428,800 chars are
    // made: 65,541 + 798 × 65,550 = 52,374,441 is short, 65,541 + 799 × 65,550 = 52,439,991 is not.
    expect(count).toBe(1_310 + 799 * 1_311);
    expect(growth).toBeLessThan(MAX_GROWTH);
  }, 60_000);
});
