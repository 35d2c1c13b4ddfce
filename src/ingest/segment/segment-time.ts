// When a Segment call happened. Segment's clients stamp `timestamp` with the
// device clock and `sentAt` with the same clock as the batch leaves; the
// receiver knows the true `receivedAt`. The skew between the two clocks is
// removed as Segment does: timestamp − sentAt + receivedAt.
import { parseTimestamp } from '../../core/time.js';

export interface SegmentTimes {
  timestamp?: unknown;
  sentAt?: unknown;
  receivedAt?: unknown;
  /** Present on calls a Segment pipeline forwards: then `timestamp` is already corrected. */
  originalTimestamp?: unknown;
}

export type SegmentTimeResult = { ok: true; timestamp: string } | { ok: false; field: string; message: string };

/**
 * The event time of one call, as ISO-8601 UTC to the millisecond.
 * `receivedAtMs` is when this server received the request; a `receivedAt`
 * the call carries (set by a collector that forwarded it) takes precedence.
 *
 * @example segmentTimestamp({ timestamp: '2026-03-01T12:00:00Z', sentAt: '2026-03-01T12:00:10Z' }, Date.parse('2026-03-01T12:05:10Z'))
 * // → { ok: true, timestamp: '2026-03-01T12:05:00.000Z' }
 */
export function segmentTimestamp(times: SegmentTimes, receivedAtMs: number): SegmentTimeResult {
  const received = readTime(times.receivedAt, 'receivedAt') ?? { ms: receivedAtMs };
  if ('message' in received) return received;
  if (times.timestamp === undefined || times.timestamp === null) {
    // Segment: a call without a timestamp happened when it was received.
    return { ok: true, timestamp: new Date(received.ms).toISOString() };
  }
  const at = readTime(times.timestamp, 'timestamp')!;
  if ('message' in at) return at;
  const alreadyCorrected = times.originalTimestamp !== undefined && times.originalTimestamp !== null;
  const sent = alreadyCorrected ? undefined : readTime(times.sentAt, 'sentAt');
  if (sent && 'message' in sent) return sent;
  const ms = sent ? at.ms - sent.ms + received.ms : at.ms;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { ok: false, field: 'timestamp', message: 'corrected timestamp is out of range' };
  return { ok: true, timestamp: new Date(ms).toISOString() };
}

function readTime(value: unknown, field: string): { ms: number } | { ok: false; field: string; message: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (ms === undefined) return { ok: false, field, message: 'must be an ISO-8601 timestamp with a zone (2026-03-01T12:00:00.000Z)' };
  return { ms };
}
