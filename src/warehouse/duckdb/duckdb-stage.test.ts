import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { stageRows } from './duckdb-stage.js';

const columns = [
  { name: 'id', kind: 'string' as const },
  { name: 'n', kind: 'number' as const },
  { name: 'ok', kind: 'boolean' as const },
];

describe('stageRows', () => {
  it('loads strings with quotes and newlines, nulls and missing keys exactly, ignoring other keys', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await stageRows(connection, 'stage_test', columns, [
      { id: 'a"\n\\', n: 1.5, ok: false, other: 'x' },
      { id: null, n: null, ok: null },
      { id: '', n: 0, ok: true },
      { id: 'ü 😀' } as never,
    ]);
    const rows = (await connection.runAndReadAll('SELECT id, n, ok FROM stage_test')).getRows();
    expect(rows).toEqual([
      ['a"\n\\', 1.5, false],
      [null, null, null],
      ['', 0, true],
      ['ü 😀', null, null],
    ]);
    const described = (await connection.runAndReadAll('DESCRIBE stage_test')).getRows().map((r) => r[0]);
    expect(described).toEqual(['id', 'n', 'ok']);
    connection.closeSync();
    instance.closeSync();
  });

  it('stages an empty batch as an empty table', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await stageRows(connection, 'stage_empty', columns, []);
    expect((await connection.runAndReadAll('SELECT count(*) FROM stage_empty')).getRows()).toEqual([[0n]]);
    connection.closeSync();
    instance.closeSync();
  });
});
