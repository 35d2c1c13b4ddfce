import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';
import { SerialQueue } from './serial-queue.js';

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('GroupCommit', () => {
  it('puts parts submitted during a commit into the next group, within the size cap', async () => {
    const queue = new SerialQueue();
    const groups: number[][] = [];
    const gate = deferred();
    const commit = new GroupCommit<number, string>(
      queue,
      async (parts) => {
        groups.push(parts);
        if (groups.length === 1) await gate.promise;
        return parts.map((p) => `done ${p}`);
      },
      (p) => p,
      10,
    );
    const first = commit.submit(1); // commits alone, held open by the gate
    await new Promise((r) => setTimeout(r, 0));
    const rest = [commit.submit(4), commit.submit(5), commit.submit(3)]; // 4 + 5 fit in 10; 3 goes to a third group
    gate.release();
    expect(await first).toBe('done 1');
    expect(await Promise.all(rest)).toEqual(['done 4', 'done 5', 'done 3']);
    expect(groups).toEqual([[1], [4, 5], [3]]);
  });

  it('rejects every part of a failed group and keeps serving later ones', async () => {
    const queue = new SerialQueue();
    let calls = 0;
    const commit = new GroupCommit<string, string>(
      queue,
      async (parts) => {
        calls++;
        if (parts.includes('bad')) throw new Error('disk full');
        return parts;
      },
      () => 1,
      100,
    );
    const a = commit.submit('bad');
    await expect(a).rejects.toThrow('disk full');
    expect(await commit.submit('good')).toBe('good');
    expect(calls).toBe(2);
  });
});
