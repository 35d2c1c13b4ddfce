import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../core/errors.js';
import { QueryGate } from './query-gate.js';

describe('QueryGate', () => {
  it('runs at most the cap per workspace at once, refuses the next at once, and frees a slot when one ends', async () => {
    const gate = new QueryGate(2);
    const releases: (() => void)[] = [];
    const hold = () => new Promise<string>((resolve) => releases.push(() => resolve('done')));
    const first = gate.run('w', hold);
    const second = gate.run('w', hold);
    await expect(gate.run('w', hold)).rejects.toBeInstanceOf(TooManyRequestsError);
    // Another workspace has its own slots.
    const other = gate.run('v', async () => 'other');
    expect(await other).toBe('other');
    releases[0]();
    expect(await first).toBe('done');
    const third = gate.run('w', async () => 'third');
    expect(await third).toBe('third');
    releases[1]();
    expect(await second).toBe('done');
  });

  it('frees the slot when the work fails', async () => {
    const gate = new QueryGate(1);
    await expect(gate.run('w', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('w', async () => 'again')).toBe('again');
  });
});
