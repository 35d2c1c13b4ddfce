// A Segment request body — a batch `{ batch: [...], context?, sentAt? }`, a
// single call, or a JSON array of calls — as Beacon event records, and the
// ingest summary of those records reported against the body's own positions
// and field names (`batch[3].type`).
import { PayloadTooLargeError, ValidationError } from '../../core/errors.js';
import { addError, MAX_REPORTED_ERRORS, type IngestSummary, type RecordError } from '../ingest-summary.js';
import { segmentCallToEvent, type SegmentCallType, type SegmentMapOptions } from './segment-call.js';

/** The path a body was sent to: `batch` takes any call, the others one call of their type. */
export type SegmentEndpoint = 'batch' | SegmentCallType;

export interface SegmentBatchOptions extends SegmentMapOptions {
  maxRecords: number;
}

export interface SegmentRecords {
  /** The calls that map to an event, in body order. */
  records: Record<string, unknown>[];
  /** For each record, the call it came from: its position in the body and the Segment field of each event field. */
  origins: { index: number; sources: Record<string, string> }[];
  /** The calls that map to nothing, one located error each. */
  unmapped: RecordError[];
  /** Whether positions are shown as `batch[i].` (several calls) or not (a single call). */
  batched: boolean;
}

type Json = Record<string, unknown>;

/** Maps a parsed body; throws ValidationError (400) when the body is no Segment call or batch at all. */
export function segmentRecords(body: unknown, endpoint: SegmentEndpoint, options: SegmentBatchOptions): SegmentRecords {
  const { calls, batched, shared } = callsOf(body, endpoint);
  if (calls.length > options.maxRecords) {
    throw new PayloadTooLargeError(`batch of ${calls.length} calls is over the limit of ${options.maxRecords}; split it`);
  }
  const out: SegmentRecords = { records: [], origins: [], unmapped: [], batched };
  calls.forEach((value, index) => {
    if (!isObject(value)) {
      out.unmapped.push({ index, field: batched ? `batch[${index}]` : '(body)', message: 'a Segment call must be a JSON object' });
      return;
    }
    const call = withShared(endpoint === 'batch' ? value : { ...value, type: endpoint }, shared);
    const mapped = segmentCallToEvent(call, options);
    if (!mapped.ok) {
      out.unmapped.push({ index, field: fieldAt(batched, index, mapped.field), message: mapped.message });
      return;
    }
    out.records.push(mapped.record);
    out.origins.push({ index, sources: mapped.sources });
  });
  return out;
}

/**
 * The summary of ingesting `mapped.records` as one for the body: each error
 * moved to its call's position and Segment field, the unmapped calls counted
 * as rejected, errors in body order (the first MAX_REPORTED_ERRORS).
 */
export function locateSegmentErrors(mapped: SegmentRecords, ingested: IngestSummary): IngestSummary {
  const moved = ingested.errors.map((error): RecordError => {
    const origin = mapped.origins[error.index];
    if (!origin) return error;
    const from = origin.sources[error.field] ?? error.field;
    return { index: origin.index, field: fieldAt(mapped.batched, origin.index, from), message: error.message };
  });
  const errors = [...moved, ...mapped.unmapped].sort((a, b) => a.index - b.index);
  const summary: IngestSummary = { ...ingested, rejected: ingested.rejected + mapped.unmapped.length, errors: [] };
  for (const error of errors.slice(0, MAX_REPORTED_ERRORS)) addError(summary, error);
  return summary;
}

function callsOf(body: unknown, endpoint: SegmentEndpoint): { calls: unknown[]; batched: boolean; shared: Json } {
  if (Array.isArray(body) && endpoint === 'batch') return { calls: body, batched: true, shared: {} };
  if (!isObject(body)) throw new ValidationError('body must be a JSON object: a Segment call, or a batch { "batch": [calls] }');
  if (endpoint === 'batch' && body.batch !== undefined) {
    if (!Array.isArray(body.batch)) throw new ValidationError('"batch" must be an array of Segment calls');
    // A batch's own context, integrations and sentAt apply to each of its calls.
    const shared: Json = {};
    if (isObject(body.context)) shared.context = body.context;
    if (body.sentAt !== undefined) shared.sentAt = body.sentAt;
    return { calls: body.batch, batched: true, shared };
  }
  return { calls: [body], batched: false, shared: {} };
}

function withShared(call: Json, shared: Json): Json {
  if (shared.context === undefined && shared.sentAt === undefined) return call;
  const out: Json = { ...call };
  if (isObject(shared.context)) out.context = { ...shared.context, ...(isObject(call.context) ? call.context : {}) };
  if (out.sentAt === undefined && shared.sentAt !== undefined) out.sentAt = shared.sentAt;
  return out;
}

function fieldAt(batched: boolean, index: number, field: string): string {
  return batched ? `batch[${index}].${field}` : field;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
