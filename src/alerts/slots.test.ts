import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('lets two run at once and the third start when one gives its slot back, in the order asked', async () => {
    const slots = new Slots(2);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    for (const name of ['a', 'b', 'c', 'd']) {
      void slots.take().then((release) => {
        started.push(name);
        releases.set(name, release);
      });
    }
    await tick();
    expect(started).toEqual(['a', 'b']);
    releases.get('b')!();
    // Giving a slot back twice frees one slot, not two.
    releases.get('b')!();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    releases.get('a')!();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a size that is not a whole number from 1', () => {
    expect(() => new Slots(0)).toThrow(/whole number from 1/);
    expect(() => new Slots(1.5)).toThrow(/whole number from 1/);
  });
});
