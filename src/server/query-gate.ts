// Heavy reads (metric queries, goal reports, campaign KPIs) of one workspace
// run at most a few at a time: one tenant's burst cannot take every core of a
// process all tenants share. A dashboard asks a handful of questions at once,
// so reads past the cap wait their turn, in order; past a bounded queue the
// next is a 429 at once.
import { TooManyRequestsError } from '../core/errors.js';

interface Lane {
  running: number;
  waiting: (() => void)[];
}

export class QueryGate {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    readonly maxPerWorkspace: number,
    readonly maxWaitingPerWorkspace = 32,
  ) {}

  /** Runs `work` for the workspace: at once, after the reads ahead of it, or refused when the queue is full. */
  async run<T>(workspace: string, work: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(workspace) ?? { running: 0, waiting: [] };
    this.lanes.set(workspace, lane);
    if (lane.running >= this.maxPerWorkspace) {
      if (lane.waiting.length >= this.maxWaitingPerWorkspace) {
        throw new TooManyRequestsError(
          `this workspace already has ${lane.running} queries running and ${lane.waiting.length} waiting (at most ${this.maxPerWorkspace} and ${this.maxWaitingPerWorkspace}); retry shortly`,
          1,
        );
      }
      // The slot is handed over by the read that ends, so running never drops and rises again in between.
      await new Promise<void>((start) => lane.waiting.push(start));
    } else {
      lane.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = lane.waiting.shift();
      if (next) next();
      else if (--lane.running === 0) this.lanes.delete(workspace);
    }
  }
}
