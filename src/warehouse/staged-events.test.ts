import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../test/support/warehouse-contract.js';
import { discardStaged, readStagedRows, removeOrphanedStagingFiles, stageEvents, STAGED_EVENT_COLUMNS, stagedIds } from './staged-events.js';
import { idHash } from './known-ids.js';

describe('stageEvents', () => {
  it('keeps the first copy of each id, hashes the ids and round-trips every column', async () => {
    const rows = rowsOf('events', [
      { event_id: 'x', type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a', properties: { k: 'v "q"' } },
      { event_id: 'y', type: 'purchase', timestamp: '2026-03-01T10:00:01Z', anonymous_id: 'a', revenue: 3.1, currency: 'USD' },
      { event_id: 'x', type: 'signup', timestamp: '2026-03-01T10:00:02Z', anonymous_id: 'a' },
    ]);
    const staged = await stageEvents(rows);
    expect(stagedIds(staged)).toEqual(['x', 'y']);
    expect(staged.count).toBe(2);
    expect(staged.sent).toBe(3);
    expect([...staged.hashes]).toEqual([idHash('x'), idHash('y')]);
    // One line per row: an array of values, no keys, in column order.
    const raw = readFileSync(staged.file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown[]);
    expect(raw).toHaveLength(2);
    expect(raw[1][STAGED_EVENT_COLUMNS.findIndex((c) => c.name === 'revenue')]).toBe('3.1');
    expect(await readStagedRows(staged)).toEqual([rows[0], rows[1]]);
    await discardStaged(staged);
    expect(existsSync(staged.file)).toBe(false);
  });

  it('writes a batch larger than one write piece whole and in order', async () => {
    const rows = rowsOf('events', Array.from({ length: 451 }, (_, i) => ({ event_id: `e${i}`, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' })));
    const staged = await stageEvents(rows);
    expect(readFileSync(staged.file, 'utf8').split('\n')).toHaveLength(452); // 451 lines, each ending in a newline
    expect((await readStagedRows(staged)).map((r) => r.event_id)).toEqual(rows.map((r) => r.event_id));
    await discardStaged(staged);
  });
});

describe('EventStager', () => {
  it('writes text beyond ASCII, and rows far longer than usual, as they were', async () => {
    // 'é😀' is 3 UTF-16 units and 6 bytes of UTF-8. The first write piece (200
    // rows of 2,100 units) outgrows the buffer usual rows need; the second (60
    // rows of 120,000 units) is beyond any buffer kept.
    const note = (i: number) => 'é😀'.repeat(i < 200 ? 700 : 40_000);
    const rows = rowsOf(
      'events',
      Array.from({ length: 260 }, (_, i) => ({ event_id: `e${i}`, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: i % 2 ? 'Zoë' : '東京', properties: { note: note(i) } })),
    );
    const staged = await stageEvents(rows);
    const stored = await readStagedRows(staged);
    expect(stored).toHaveLength(260);
    expect(stored.map((r) => r.anonymous_id)).toEqual(rows.map((_, i) => (i % 2 ? 'Zoë' : '東京')));
    expect(stored.map((r) => JSON.parse(String(r.properties)).note)).toEqual(rows.map((_, i) => note(i)));
    await discardStaged(staged);
  });
});

describe('removeOrphanedStagingFiles', () => {
  it('removes the staging files of processes that have exited, and keeps those of running ones and other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beacon-orphans-'));
    // A process that has certainly exited: its pid is free (unless reused at once, which this test would show).
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const names = [
      `beacon-events-${exited}-1-a1b2c3d4e5f6.json`,
      `beacon-stage-${exited}-a1b2c3d4e5f6.json`,
      `beacon-events-${process.pid}-1-a1b2c3d4e5f6.json`,
      `beacon-events-${exited}-notes.txt`,
      'other.json',
    ];
    for (const name of names) writeFileSync(join(dir, name), '[]');
    expect(await removeOrphanedStagingFiles(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([names[2], names[3], names[4]].sort());
    rmSync(dir, { recursive: true, force: true });
  });
});
