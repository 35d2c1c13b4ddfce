import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './warehouse-contract.js';
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
    // One array of values per row, no keys, in column order.
    const raw = JSON.parse(readFileSync(staged.file, 'utf8')) as unknown[][];
    expect(raw[1][STAGED_EVENT_COLUMNS.findIndex((c) => c.name === 'revenue')]).toBe('3.1');
    expect(await readStagedRows(staged)).toEqual([rows[0], rows[1]]);
    await discardStaged(staged);
    expect(existsSync(staged.file)).toBe(false);
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
