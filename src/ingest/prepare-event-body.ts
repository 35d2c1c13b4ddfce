// The costly part of ingesting an HTTP body of events, self-contained so a
// worker thread can run it: inflate, parse, validate, derive the per-event
// fields and write the valid rows to a staging file for the warehouse.
import { EventStager, type StagedEvents } from '../warehouse/staged-events.js';
import { recordsFromBody, type BodyOptions } from './body-records.js';
import { rowPreparer } from './ingest-records.js';
import { emptySummary, type IngestSummary } from './ingest-summary.js';
import type { RawRecord } from './readers/raw-record.js';

export interface EventBodyJob extends BodyOptions {
  body: Uint8Array;
  /** IANA zone whose midnight a date-only timestamp means (?assume_timezone=). */
  assumeTimezone?: string;
}

export interface PreparedEventBody {
  /** Rejections found so far (the write adds its counts). */
  summary: IngestSummary;
  /** The valid events, when there are any. */
  staged?: StagedEvents;
}

export async function prepareEventBody(job: EventBodyJob): Promise<PreparedEventBody> {
  const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  const { records: read, header } = await recordsFromBody(body, job);
  const records: (RawRecord | undefined)[] = read;
  const summary = emptySummary();
  const { prepare, finish } = rowPreparer({ source: 'events', assumeTimezone: job.assumeTimezone, optionStyle: 'http' }, () => header);
  const stager = new EventStager(records.length);
  try {
    for (let i = 0; i < records.length; i++) {
      const row = prepare(records[i]!, summary);
      // Let each record die young (most of a body's memory is its records).
      records[i] = undefined;
      if (row) stager.add(row);
    }
    finish(summary);
    return { summary, staged: stager.finish() };
  } catch (err) {
    stager.abort();
    throw err;
  }
}
