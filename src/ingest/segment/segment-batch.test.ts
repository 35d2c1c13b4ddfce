// The batch is the example of Segment's HTTP API spec (plus a call it does not
// know); positions and fields of errors are worked out by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_EVENTS } from '../../model/settings.js';
import { emptySummary } from '../ingest-summary.js';
import { locateSegmentErrors, segmentRecords } from './segment-batch.js';

const options = { events: DEFAULT_SEGMENT_EVENTS, receivedAtMs: Date.parse('2026-03-01T00:00:00.000Z'), maxRecords: 100 };

const specBatch = {
  batch: [
    { type: 'identify', userId: '019mr8mf4r', traits: { email: 'jake@example.com', name: 'Jake Peterson', age: 26 }, timestamp: '2012-12-02T00:30:08.276Z' },
    { type: 'track', userId: '019mr8mf4r', event: 'Song Played', properties: { name: 'Fallin for You', artist: 'Dierks Bentley' }, timestamp: '2012-12-02T00:30:12.984Z' },
    { type: 'foo', userId: '971mj8mk7p', timestamp: '2012-12-02T00:30:14.231Z' },
    { type: 'track', userId: '971mj8mk7p', event: 'Song Played', properties: { name: 'Get Right', artist: 'Jennifer Lopez' }, timestamp: '2012-12-02T00:30:21.232Z' },
  ],
  context: { device: { type: 'phone', name: 'Apple iPhone 6' }, userAgent: 'Phone/1.0' },
  sentAt: '2012-12-02T00:30:22.232Z',
};

describe('segmentRecords', () => {
  it('maps a batch of mixed calls, the batch context and sentAt applying to each; an unknown type is located and the rest kept', () => {
    // receivedAt 00:30:23.232 is 1 s after sentAt: every call moves 1 s later.
    const mapped = segmentRecords(specBatch, 'batch', { ...options, receivedAtMs: Date.parse('2012-12-02T00:30:23.232Z') });
    expect(mapped.records.map((r) => [r.type, r.timestamp, r.anonymous_id, r.user_id, r.user_agent])).toEqual([
      ['identify', '2012-12-02T00:30:09.276Z', '019mr8mf4r', '019mr8mf4r', 'Phone/1.0'],
      ['Song Played', '2012-12-02T00:30:13.984Z', '019mr8mf4r', '019mr8mf4r', 'Phone/1.0'],
      ['Song Played', '2012-12-02T00:30:22.232Z', '971mj8mk7p', '971mj8mk7p', 'Phone/1.0'],
    ]);
    expect(mapped.origins.map((o) => o.index)).toEqual([0, 1, 3]);
    expect(mapped.unmapped).toEqual([
      { index: 2, field: 'batch[2].type', message: 'unknown Segment type "foo"; known types: track, page, identify, screen, alias' },
    ]);
  });

  it("lets a call's own context win over the batch's, key by key", () => {
    const mapped = segmentRecords({ batch: [{ type: 'page', messageId: 'p', anonymousId: 'a', context: { userAgent: 'Own/2.0' } }], context: { userAgent: 'Batch/1.0', page: { url: 'https://x.example/' } } }, 'batch', options);
    expect(mapped.records[0]).toMatchObject({ user_agent: 'Own/2.0', url: 'https://x.example/' });
  });

  it('takes a single call at its own path (the type from the path) and at /batch (a webhook sends one call)', () => {
    const single = segmentRecords({ event: 'Clicked', anonymousId: 'a', messageId: 'm' }, 'track', options);
    expect(single.records[0]).toMatchObject({ type: 'Clicked', event_id: 'm' });
    expect(single.batched).toBe(false);
    const hook = segmentRecords({ type: 'page', anonymousId: 'a', messageId: 'm2' }, 'batch', options);
    expect(hook.records[0]).toMatchObject({ type: 'page_view' });
    const bad = segmentRecords({ anonymousId: 'a' }, 'track', options);
    expect(bad.unmapped).toEqual([{ index: 0, field: 'event', message: 'a track call needs an event name' }]);
  });

  it('refuses a body that is no call or batch, and a batch over the limit', () => {
    expect(() => segmentRecords('hello', 'batch', options)).toThrow(/JSON object/);
    expect(() => segmentRecords({ batch: {} }, 'batch', options)).toThrow(/"batch" must be an array/);
    expect(() => segmentRecords({ batch: [1, 2, 3] }, 'batch', { ...options, maxRecords: 2 })).toThrow(/over the limit of 2/);
    expect(segmentRecords({ batch: [1] }, 'batch', options).unmapped).toEqual([{ index: 0, field: 'batch[0]', message: 'a Segment call must be a JSON object' }]);
  });
});

describe('locateSegmentErrors', () => {
  it('moves the errors of the events to their calls and Segment fields, adds the unmapped calls, in body order', () => {
    const mapped = segmentRecords({
      batch: [
        { type: 'bogus' },
        { type: 'track', event: 'Order Completed', anonymousId: 'a', messageId: 'ok', properties: { revenue: 'lots' } },
        { type: 'page', anonymousId: 'a', messageId: 'fine' },
      ],
    }, 'batch', options);
    // What the event validation says of record 0 (the second call): its revenue is no number.
    const ingested = { ...emptySummary(), accepted: 1, rejected: 1, errors: [{ index: 0, field: 'revenue', message: 'must be a number' }] };
    expect(locateSegmentErrors(mapped, ingested)).toEqual({
      accepted: 1,
      updated: 0,
      duplicates: 0,
      rejected: 2,
      errors: [
        { index: 0, field: 'batch[0].type', message: 'unknown Segment type "bogus"; known types: track, page, identify, screen, alias' },
        { index: 1, field: 'batch[1].properties.revenue', message: 'must be a number' },
      ],
    });
  });
});
