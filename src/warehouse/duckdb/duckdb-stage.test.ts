import { describe, expect, it } from 'vitest';
import { stageNdjson } from './duckdb-stage.js';

const columns = [
  { name: 'id', kind: 'string' as const },
  { name: 'n', kind: 'number' as const },
  { name: 'ok', kind: 'boolean' as const },
];

describe('stageNdjson', () => {
  it('writes one JSON object per row, leaving out nulls, with the constants first', () => {
    const text = stageNdjson(columns, [{ id: 'a"\n', n: 1.5, ok: false }, { id: null, n: null, ok: null }, { id: '', n: 0, ok: true }], { ws: 'w' });
    expect(text.split('\n').map((line) => JSON.parse(line))).toEqual([
      { ws: 'w', id: 'a"\n', n: 1.5, ok: false },
      { ws: 'w' },
      { ws: 'w', id: '', n: 0, ok: true },
    ]);
  });

  it('writes valid lines without constants, also for an all-null row', () => {
    const text = stageNdjson(columns, [{ id: null, n: null, ok: null }, { id: 'x', n: null, ok: null }]);
    expect(text.split('\n').map((line) => JSON.parse(line))).toEqual([{}, { id: 'x' }]);
  });
});
