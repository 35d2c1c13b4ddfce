// Worker-thread entry of the EventBodyPool: prepares one event body per message.
import { parentPort } from 'node:worker_threads';
import { BeaconError } from '../core/errors.js';
import { prepareEventBody, type EventBodyJob } from './prepare-event-body.js';

export type WorkerReply =
  | { ok: true; result: Awaited<ReturnType<typeof prepareEventBody>> }
  | { ok: false; error: { message: string; status?: number; code?: string; details?: unknown } };

parentPort?.on('message', (job: EventBodyJob) => {
  prepareEventBody(job).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies WorkerReply),
    (err: unknown) => {
      const error = err instanceof BeaconError
        ? { message: err.message, status: err.status, code: err.code, details: err.details }
        : { message: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage({ ok: false, error } satisfies WorkerReply);
    },
  );
});
