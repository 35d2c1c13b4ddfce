// The bodies and answer of POST /v1/segment/*, the Segment HTTP Tracking API,
// for the OpenAPI document: the fields Beacon reads (others are accepted and
// ignored), and Beacon's ingest summary plus Segment's `success`.
import { Type } from '@sinclair/typebox';

const text = (description: string) => Type.Optional(Type.String({ description }));
const timestamp = (description: string) => Type.Optional(Type.String({ format: 'date-time', description }));

export const SegmentCallSchema = Type.Object(
  {
    type: Type.Optional(Type.Union(['track', 'page', 'identify', 'screen', 'alias'].map((t) => Type.Literal(t)), { description: 'required in a batch; implied by the path of a single call' })),
    messageId: text('→ event_id, the idempotency key (absent: a hash of the call)'),
    anonymousId: text('→ anonymous_id (absent: the userId stands for it)'),
    userId: text('→ user_id; identify (both ids) links the anonymous id to the user'),
    previousId: text('alias: → anonymous_id, linked to userId'),
    event: text('track: the event name; mapped by the setting segment_events, else kept as the event type'),
    name: text('page / screen name → properties.page_name / screen_name'),
    timestamp: timestamp('when it happened by the device clock'),
    sentAt: timestamp('when the device sent it; timestamp − sentAt + receivedAt removes the device clock skew'),
    receivedAt: timestamp('set by a collector that forwarded the call; else the time Beacon received it'),
    originalTimestamp: timestamp('present on forwarded calls: timestamp is then already corrected'),
    properties: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: '→ properties; revenue (else total), currency, order_id (or orderId) → the event fields' })),
    context: Type.Optional(
      Type.Object(
        {
          page: Type.Optional(Type.Object({ url: text('→ url'), path: text('→ url when there is no url'), search: text(''), referrer: text('→ referrer'), title: text('→ properties.page_title') })),
          campaign: Type.Optional(Type.Object({ name: text('→ utm_campaign'), source: text('→ utm_source'), medium: text('→ utm_medium'), term: text('→ utm_term'), content: text('→ utm_content') })),
          userAgent: text('→ user_agent'),
          ip: text('not stored'),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true, description: 'A Segment call (track, page, identify, screen, alias); traits are not stored. A group call is refused with a located error.' },
);

export const SegmentBatchSchema = Type.Object(
  {
    batch: Type.Array(Type.Unknown(), { description: 'Segment calls, each with its type; errors name their position (batch[3].type)' }),
    context: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'applies to every call (a call’s own context wins, key by key)' })),
    sentAt: timestamp('applies to every call without one'),
  },
  { additionalProperties: true, description: 'A Segment batch; a single call (as a webhook destination sends it) is taken too.' },
);

export const SegmentResultSchema = Type.Object(
  {
    success: Type.Literal(true),
    accepted: Type.Integer(),
    updated: Type.Integer(),
    duplicates: Type.Integer(),
    rejected: Type.Integer(),
    errors: Type.Array(
      Type.Object({ index: Type.Integer({ description: 'position of the call in the batch' }), field: Type.String({ description: 'the Segment field, e.g. batch[3].type' }), message: Type.String() }),
      { maxItems: 100 },
    ),
  },
  { description: "Beacon's ingest summary and Segment's `success`" },
);
