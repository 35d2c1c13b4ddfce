import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './warehouse-contract.js';
import { discardStaged, readStagedRows, stageEvents, STAGED_EVENT_COLUMNS } from './staged-events.js';
import { idHash } from './known-ids.js';

describe('stageEvents', () => {
  it('keeps the first copy of each id, hashes the ids and round-trips every column', async () => {
    const rows = rowsOf('events', [
      { event_id: 'x', type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a', properties: { k: 'v "q"' } },
      { event_id: 'y', type: 'purchase', timestamp: '2026-03-01T10:00:01Z', anonymous_id: 'a', revenue: 3.1, currency: 'USD' },
      { event_id: 'x', type: 'signup', timestamp: '2026-03-01T10:00:02Z', anonymous_id: 'a' },
    ]);
    const staged = await stageEvents(rows);
    expect(staged.ids).toEqual(['x', 'y']);
    expect(staged.sent).toBe(3);
    expect([...staged.hashes]).toEqual([idHash('x'), idHash('y')]);
    // One array of values per row, no keys, in column order.
    const raw = JSON.parse(readFileSync(staged.file, 'utf8')) as unknown[][];
    expect(raw[1][STAGED_EVENT_COLUMNS.findIndex((c) => c.name === 'revenue')]).toBe('3.1');
    expect(await readStagedRows(staged)).toEqual([rows[0], rows[1]]);
    await discardStaged(staged);
    expect(existsSync(staged.file)).toBe(false);
  });
});
