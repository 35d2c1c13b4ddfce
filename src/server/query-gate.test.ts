import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../core/errors.js';
import { QueryGate } from './query-gate.js';

/** Work that ends when released, recording when it started. */
function held(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<string>((resolve) => (release = () => resolve(name)));
  return { work: () => (started.push(name), done), release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('QueryGate', () => {
  it('runs at most the cap per workspace at once, queues the next in order, and refuses past the queue', async () => {
    const gate = new QueryGate(2, 2);
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => held(started, n));
    const runs = [a, b, c, d].map((h) => gate.run('w', h.work));
    await tick();
    expect(started).toEqual(['a', 'b']);
    // Two running and two waiting: the fifth is refused at once.
    await expect(gate.run('w', async () => 'e')).rejects.toBeInstanceOf(TooManyRequestsError);
    // Another workspace has its own slots.
    expect(await gate.run('v', async () => 'other')).toBe('other');
    b.release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    a.release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    c.release();
    d.release();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    // All done: a new read starts at once.
    expect(await gate.run('w', async () => 'after')).toBe('after');
  });

  it('with no queue, refuses the read past the cap at once', async () => {
    const gate = new QueryGate(1, 0);
    const h = held([], 'a');
    const first = gate.run('w', h.work);
    await expect(gate.run('w', async () => 'b')).rejects.toBeInstanceOf(TooManyRequestsError);
    h.release();
    expect(await first).toBe('a');
  });

  it('frees the slot when the work fails, also for a waiting read', async () => {
    const gate = new QueryGate(1);
    const h = held([], 'a');
    const first = gate.run('w', h.work);
    const failing = gate.run('w', async () => Promise.reject(new Error('boom')));
    h.release();
    expect(await first).toBe('a');
    await expect(failing).rejects.toThrow('boom');
    expect(await gate.run('w', async () => 'again')).toBe('again');
  });
});
