// A fixed number of slots handed out in the order they were asked for: how
// many alert evaluations run at once.

export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`slots must be a whole number from 1 (got ${size})`);
    this.free = size;
  }

  /** Waits for a slot; the function it resolves with gives the slot back (once). */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    // The slot is handed over by whoever gives one back, so a newcomer cannot take it in between.
    else await new Promise<void>((start) => this.waiting.push(start));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}
