import { describe, expect, it } from 'vitest';
import { segmentTimestamp } from './segment-time.js';

const RECEIVED = Date.parse('2026-03-01T12:05:10.000Z');

describe('segmentTimestamp', () => {
  it('removes the device clock skew: timestamp − sentAt + receivedAt', () => {
    // The device clock is 5 min 10 s behind: it sent at 12:00:10 (its time) what arrived at 12:05:10.
    // The event happened 10 s before sending: 12:05:00 true time.
    expect(segmentTimestamp({ timestamp: '2026-03-01T12:00:00Z', sentAt: '2026-03-01T12:00:10Z' }, RECEIVED)).toEqual({ ok: true, timestamp: '2026-03-01T12:05:00.000Z' });
  });

  it('corrects across zones and to the millisecond', () => {
    // 13:00:00.250+01:00 is 12:00:00.250Z; sent 2.5 s later by that clock; received at 11:59:00Z → 2.5 s before that, 11:58:57.500Z.
    const result = segmentTimestamp({ timestamp: '2026-03-01T13:00:00.250+01:00', sentAt: '2026-03-01T12:00:02.750Z' }, Date.parse('2026-03-01T11:59:00.000Z'));
    expect(result).toEqual({ ok: true, timestamp: '2026-03-01T11:58:57.500Z' });
  });

  it('uses the receivedAt a forwarding collector set, and no correction once an originalTimestamp says it was done', () => {
    expect(segmentTimestamp({ timestamp: '2026-03-01T12:00:00Z', sentAt: '2026-03-01T12:00:10Z', receivedAt: '2026-03-01T12:00:11Z' }, RECEIVED))
      .toEqual({ ok: true, timestamp: '2026-03-01T12:00:01.000Z' });
    expect(segmentTimestamp({ timestamp: '2026-03-01T12:00:00Z', originalTimestamp: '2026-03-01T11:00:00Z', sentAt: '2026-03-01T11:00:10Z' }, RECEIVED))
      .toEqual({ ok: true, timestamp: '2026-03-01T12:00:00.000Z' });
  });

  it('keeps a timestamp without sentAt, and takes the receive time for a call without a timestamp', () => {
    expect(segmentTimestamp({ timestamp: '2026-03-01T08:00:00Z' }, RECEIVED)).toEqual({ ok: true, timestamp: '2026-03-01T08:00:00.000Z' });
    expect(segmentTimestamp({}, RECEIVED)).toEqual({ ok: true, timestamp: '2026-03-01T12:05:10.000Z' });
  });

  it('names the field that is no timestamp', () => {
    expect(segmentTimestamp({ timestamp: 'yesterday' }, RECEIVED)).toMatchObject({ ok: false, field: 'timestamp' });
    expect(segmentTimestamp({ timestamp: '2026-03-01T12:00:00Z', sentAt: 1234 }, RECEIVED)).toMatchObject({ ok: false, field: 'sentAt' });
    expect(segmentTimestamp({ timestamp: '2026-03-01T12:00:00' }, RECEIVED)).toMatchObject({ ok: false, field: 'timestamp' });
  });
});
