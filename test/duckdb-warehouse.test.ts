// The Warehouse contract on a real DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/model/settings.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { describeWarehouse, rowsOf } from '../src/warehouse/warehouse-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'beacon-duckdb-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWarehouse('duckdb', () => createDuckDbWarehouse({ path: join(dir, `w${n++}.duckdb`) }));

describe('DuckDB event duplicates across processes and deletions', () => {
  const event = (id: string) => ({ event_id: id, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' });

  it('knows the stored ids after reopening, and forgets the ones an import deletion removed', async () => {
    const path = join(dir, `known-${n++}.duckdb`);
    let warehouse = await createDuckDbWarehouse({ path });
    await warehouse.createWorkspace({ name: 'w', settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e2')]), 'imp1', { origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', rejected: 0 })).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
    await warehouse.close();

    warehouse = await createDuckDbWarehouse({ path });
    // A new process: e1 is known from the file, e3 is new.
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e3')]), 'imp2')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
    expect(await warehouse.deleteImport('w', 'imp1')).toBe(true);
    // e1 and e2 were deleted with their import: sent again they are new; e3 is still there.
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e2'), event('e3')]), 'imp3')).toEqual({ accepted: 2, updated: 0, duplicates: 1 });
    expect((await warehouse.readRows('w', 'events')).map((r) => r.event_id)).toEqual(['e1', 'e2', 'e3']);
    await warehouse.close();
  });
});
