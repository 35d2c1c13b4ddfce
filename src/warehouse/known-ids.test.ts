import { describe, expect, it } from 'vitest';
import { idHash, KnownIds } from './known-ids.js';

describe('KnownIds', () => {
  it('holds what was added and nothing else, across growth', () => {
    const known = new KnownIds(4);
    for (let i = 0; i < 10_000; i++) known.add(idHash(`event-${i}`));
    expect(known.size).toBe(10_000);
    for (let i = 0; i < 10_000; i++) expect(known.has(idHash(`event-${i}`))).toBe(true);
    // Ids never added: with 53-bit hashes a false match among 10,000 is practically impossible.
    let matches = 0;
    for (let i = 10_000; i < 20_000; i++) if (known.has(idHash(`event-${i}`))) matches++;
    expect(matches).toBe(0);
  });

  it('counts an id once however often it is added', () => {
    const known = new KnownIds();
    known.add(idHash('a'));
    known.add(idHash('a'));
    expect(known.size).toBe(1);
  });

  it('hashes to non-zero integers below 2^53, different for near-identical ids', () => {
    const hashes = ['', 'a', 'b', 'ab', 'ba', 'event-1', 'event-2', 'é', '\u0000'].map(idHash);
    for (const h of hashes) {
      expect(Number.isSafeInteger(h)).toBe(true);
      expect(h).toBeGreaterThan(0);
    }
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
