// Moves a batch of rows from JS into a DuckDB temp table column by column
// (data chunks of up to 2048 rows), the fastest path from JS into DuckDB.
import {
  BOOLEAN,
  DOUBLE,
  VARCHAR,
  DuckDBDataChunk,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Row } from '../../model/validate.js';
import type { StoredColumn } from '../tables.js';
import { quoteIdent, stageType } from './duckdb-ddl.js';

const CHUNK = 2048;

function stageDuckType(column: StoredColumn): DuckDBType {
  const t = stageType(column.kind);
  return t === 'DOUBLE' ? DOUBLE : t === 'BOOLEAN' ? BOOLEAN : VARCHAR;
}

/** Creates (or empties) the temp table `name` with staging types for `columns`. */
export async function prepareStage(
  connection: DuckDBConnection,
  name: string,
  columns: readonly StoredColumn[],
  extra: readonly StoredColumn[] = [],
): Promise<void> {
  const defs = [...columns, ...extra].map((c) => `${quoteIdent(c.name)} ${stageType(c.kind)}`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} (${defs})`);
}

/** Appends rows to a staging table; `values(row, i)` gives the extra columns' values. */
export async function appendToStage(
  connection: DuckDBConnection,
  name: string,
  columns: readonly StoredColumn[],
  rows: readonly Row[],
  extra: readonly StoredColumn[] = [],
  extraValues: (index: number) => DuckDBValue[] = () => [],
): Promise<void> {
  const all = [...columns, ...extra];
  const types = all.map(stageDuckType);
  const appender = await connection.createAppender(name, null, 'temp');
  try {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const end = Math.min(rows.length, start + CHUNK);
      const chunk = DuckDBDataChunk.create(types, end - start);
      const vectors: DuckDBValue[][] = all.map(() => new Array(end - start));
      for (let i = start; i < end; i++) {
        const row = rows[i];
        for (let c = 0; c < columns.length; c++) {
          const v = row[columns[c].name];
          vectors[c][i - start] = v === undefined ? null : (v as DuckDBValue);
        }
        if (extra.length > 0) {
          const ev = extraValues(i);
          for (let c = 0; c < extra.length; c++) vectors[columns.length + c][i - start] = ev[c];
        }
      }
      chunk.setColumns(vectors);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
