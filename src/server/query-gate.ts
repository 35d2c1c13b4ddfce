// Heavy reads (metric queries, goal reports, campaign KPIs) of one workspace
// run at most a few at a time: one tenant's burst cannot take every core of a
// process all tenants share. A read past the cap is a 429 at once, not a wait.
import { TooManyRequestsError } from '../core/errors.js';

export class QueryGate {
  private readonly running = new Map<string, number>();

  constructor(readonly maxPerWorkspace: number) {}

  /** Runs `work` for the workspace, or refuses it when the workspace has maxPerWorkspace reads running. */
  async run<T>(workspace: string, work: () => Promise<T>): Promise<T> {
    const now = this.running.get(workspace) ?? 0;
    if (now >= this.maxPerWorkspace) {
      throw new TooManyRequestsError(`this workspace already has ${now} queries running (at most ${this.maxPerWorkspace}); retry shortly`, 1);
    }
    this.running.set(workspace, now + 1);
    try {
      return await work();
    } finally {
      const left = (this.running.get(workspace) ?? 1) - 1;
      if (left === 0) this.running.delete(workspace);
      else this.running.set(workspace, left);
    }
  }
}
