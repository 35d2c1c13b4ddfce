// The costly part of ingesting an HTTP body of events, self-contained so a
// worker thread can run it: inflate, parse, validate, derive the per-event
// fields and write the valid rows to a staging file for the warehouse.
import { stageEvents, type StagedEvents } from '../warehouse/staged-events.js';
import { recordsFromBody, type BodyOptions } from './body-records.js';
import { rowPreparer } from './ingest-records.js';
import { emptySummary, type IngestSummary } from './ingest-summary.js';
import type { Row } from '../model/validate.js';

export interface EventBodyJob extends BodyOptions {
  body: Uint8Array;
}

export interface PreparedEventBody {
  /** Rejections found so far (the write adds its counts). */
  summary: IngestSummary;
  /** The valid events, when there are any. */
  staged?: StagedEvents;
}

export async function prepareEventBody(job: EventBodyJob): Promise<PreparedEventBody> {
  const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  const records = await recordsFromBody(body, job);
  const summary = emptySummary();
  const prepare = rowPreparer({ source: 'events' });
  const rows: Row[] = [];
  for (const record of records) {
    const row = prepare(record, summary);
    if (row) rows.push(row);
  }
  return { summary, staged: rows.length > 0 ? await stageEvents(rows) : undefined };
}
