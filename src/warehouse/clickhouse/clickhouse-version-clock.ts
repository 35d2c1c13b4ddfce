// Version numbers for rows of ReplacingMergeTree tables (and the `seq` of
// every write): a row written later carries a higher number, so "latest wins"
// is "highest version wins".

export class VersionClock {
  private last: number;

  /** `floor`: the highest version already stored, so versions keep growing even if the wall clock went back. */
  constructor(
    floor = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.last = floor;
  }

  /**
   * The wall clock in milliseconds × 1000, raised to stay strictly increasing
   * in this process: other writers' versions interleave by time, and up to a
   * thousand writes per millisecond keep their order. (Today's epoch
   * milliseconds × 1000 ≈ 1.8e15, well inside a double's exact integers.)
   */
  next(): number {
    this.last = Math.max(this.now() * 1000, this.last + 1);
    return this.last;
  }
}
