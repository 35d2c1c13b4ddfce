// How much memory a piece of work takes while it runs: the process's RSS
// sampled on a worker thread (which keeps sampling while the main thread
// computes) and the JS heap sampled between the main thread's steps.
import { Worker } from 'node:worker_threads';

export const RSS_SAMPLE_MS = 20;

/**
 * The process's RSS sampled every RSS_SAMPLE_MS on a worker thread, which
 * keeps sampling while the main thread computes: "reset" starts a new peak,
 * "read" answers the peak since the last reset.
 */
const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = 0;
const sample = () => { const rss = process.memoryUsage.rss(); if (rss > peak) peak = rss; };
setInterval(sample, ${RSS_SAMPLE_MS});
parentPort.on('message', (what) => {
  if (what === 'reset') peak = 0;
  sample();
  parentPort.postMessage(peak);
});
`;

/** What a piece of work took: wall time, and the process's memory while it ran. */
export interface Watched {
  ms: number;
  /** RSS when it started and the highest sampled while it ran, bytes. */
  startRss: number;
  peakRss: number;
  /** Highest JS heap in use, sampled between the main thread's synchronous steps (and at the end), bytes. */
  peakHeap: number;
}

export class MemoryWatch {
  private constructor(private readonly worker: Worker) {}

  static async start(): Promise<MemoryWatch> {
    const worker = new Worker(SAMPLER, { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
    return new MemoryWatch(worker);
  }

  private ask(what: 'reset' | 'read'): Promise<number> {
    return new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.postMessage(what);
    });
  }

  async watch(work: () => Promise<unknown>): Promise<Watched> {
    const startRss = await this.ask('reset');
    let peakHeap = process.memoryUsage().heapUsed;
    const heapTimer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), RSS_SAMPLE_MS);
    try {
      const started = performance.now();
      await work();
      const ms = performance.now() - started;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return { ms, startRss, peakRss: await this.ask('read'), peakHeap };
    } finally {
      clearInterval(heapTimer);
    }
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

