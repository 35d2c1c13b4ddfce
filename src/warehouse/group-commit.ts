// Group commit: work submitted while a commit is under way waits and then
// shares the next commit, each submitter getting its own result back. With
// one transaction (and one sync of the log) per group, throughput grows with
// the number of concurrent writers instead of being capped by sync latency.
import type { SerialQueue } from './serial-queue.js';

interface Pending<P, R> {
  part: P;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<P, R> {
  private readonly pending: Pending<P, R>[] = [];

  /**
   * @param queue       the queue that serialises every write of the engine
   * @param commitGroup commits the parts together and returns one result per part, in order
   * @param sizeOf      a part's size (rows), for the cap on a group
   * @param maxGroupSize parts are added to a group while it stays within this size
   */
  constructor(
    private readonly queue: SerialQueue,
    private readonly commitGroup: (parts: P[]) => Promise<R[]>,
    private readonly sizeOf: (part: P) => number,
    private readonly maxGroupSize: number,
  ) {}

  submit(part: P): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ part, resolve, reject });
      if (this.pending.length === 1) void this.queue.run(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    const group: Pending<P, R>[] = [];
    let size = 0;
    while (this.pending.length > 0 && (group.length === 0 || size + this.sizeOf(this.pending[0].part) <= this.maxGroupSize)) {
      const next = this.pending.shift()!;
      group.push(next);
      size += this.sizeOf(next.part);
    }
    if (this.pending.length > 0) void this.queue.run(() => this.drain());
    try {
      const results = await this.commitGroup(group.map((g) => g.part));
      group.forEach((g, i) => g.resolve(results[i]));
    } catch (err) {
      for (const g of group) g.reject(err);
    }
  }
}
