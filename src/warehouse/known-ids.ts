// A compact in-memory set of 53-bit hashes of the event ids a workspace has
// stored, so a write finds duplicates without scanning the events table.
// A hash match is only a "maybe" (two ids can share a hash): the writer
// confirms matches against the table; a miss is certain.

/** cyrb53: a fast 53-bit string hash (public domain), never 0 here. */
export function idHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

/** Open-addressing hash set of non-zero 53-bit integers in a Float64Array (8 bytes a slot, at most half full). */
export class KnownIds {
  private slots: Float64Array;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = hash % this.slots.length; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return false;
      if (slot === hash) return true;
    }
  }

  /** Adds a hash; true when it was not there yet. */
  add(hash: number): boolean {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const added = this.insert(this.slots, hash);
    if (added) this.count++;
    return added;
  }

  private insert(slots: Float64Array, hash: number): boolean {
    const mask = slots.length - 1;
    for (let i = hash % slots.length; ; i = (i + 1) & mask) {
      if (slots[i] === hash) return false;
      if (slots[i] === 0) {
        slots[i] = hash;
        return true;
      }
    }
  }

  private grow(): void {
    const next = new Float64Array(this.slots.length * 2);
    for (const hash of this.slots) if (hash !== 0) this.insert(next, hash);
    this.slots = next;
  }
}
