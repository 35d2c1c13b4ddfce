// Worker threads that prepare event bodies (see prepare-event-body.ts), so
// parsing and validating run on every core while the main thread serves
// requests and drives the warehouse. A pool of size 0 prepares in the
// calling thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BeaconError } from '../core/errors.js';
import type { WorkerReply } from './event-body-worker.js';
import { prepareEventBody, type EventBodyJob, type PreparedEventBody } from './prepare-event-body.js';

interface Task {
  job: EventBodyJob;
  resolve: (result: PreparedEventBody) => void;
  reject: (err: unknown) => void;
}

/** Workers by default: one per core, at most 4 (beyond that the single writer is the limit). */
export function defaultPoolSize(): number {
  return Math.min(4, availableParallelism());
}

// Run from source (tests, benchmarks), the worker loads TypeScript through tsx.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(FROM_SOURCE ? './event-body-worker.ts' : './event-body-worker.js', import.meta.url);

/**
 * A body makes tens of MB of short-lived objects; a young generation that
 * holds them all lets them die young instead of being promoted and swept
 * (measured on one thread: about 12 % less CPU per event).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

export class EventBodyPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private closed = false;

  constructor(readonly size: number) {}

  /** Prepares a body; its bytes may move to the worker, so the caller must not use `job.body` afterwards. */
  prepare(job: EventBodyJob): Promise<PreparedEventBody> {
    if (this.size === 0) return prepareEventBody(job);
    if (this.closed) return Promise.reject(new Error('the ingestion workers are stopped'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the ingestion workers are stopped'));
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.workers.size < this.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      const task = this.waiting.shift()!;
      this.running.set(worker, task);
      // The body moves to the worker without a copy when it has its memory to
      // itself (a large request body does); otherwise a copy moves.
      const { body } = task.job;
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer ? body : new Uint8Array(body);
      worker.postMessage({ ...task.job, body: own }, [own.buffer as ArrayBuffer]);
    }
  }

  private spawn(): Worker {
    const worker = FROM_SOURCE
      ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${JSON.stringify(ENTRY.href)}))`, { eval: true, resourceLimits: WORKER_LIMITS })
      : new Worker(ENTRY, { resourceLimits: WORKER_LIMITS });
    worker.unref();
    this.workers.add(worker);
    worker.on('message', (reply: WorkerReply) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (task) {
        if (reply.ok) task.resolve(reply.result);
        else task.reject(reviveError(reply.error));
      }
      this.dispatch();
    });
    // A worker that fails outside a job (it should not) is replaced; its job fails, no other.
    const lost = (err: unknown) => {
      if (!this.workers.delete(worker)) return;
      const task = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      task?.reject(err instanceof Error ? err : new Error(`ingestion worker stopped: ${String(err)}`));
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`ingestion worker exited with code ${code}`)));
    return worker;
  }
}

function reviveError(error: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (error.status !== undefined && error.code !== undefined) return new BeaconError(error.status, error.code, error.message, error.details);
  return new Error(error.message);
}
