// One Segment call (track, page, identify, screen, alias) as one Beacon event
// record, with where each of the record's fields came from so that a field the
// event validation refuses can be reported by its Segment name.
import { createHash } from 'node:crypto';
import { depthExceeds, MAX_JSON_DEPTH } from '../../model/validate.js';
import { segmentTimestamp } from './segment-time.js';

/** The calls Beacon stores; `group` is answered with an error (Beacon has no accounts). */
export const SEGMENT_CALL_TYPES = ['track', 'page', 'identify', 'screen', 'alias'] as const;
export type SegmentCallType = (typeof SEGMENT_CALL_TYPES)[number];

export interface SegmentMapOptions {
  /** Track event name → Beacon event type (workspace setting `segment_events`). */
  events: Readonly<Record<string, string>>;
  /** When this server received the call (the `receivedAt` of the clock-skew correction). */
  receivedAtMs: number;
}

/** A Beacon event record and, for each of its fields, the Segment field it was read from. */
export interface MappedCall {
  ok: true;
  record: Record<string, unknown>;
  sources: Record<string, string>;
}

export interface UnmappedCall {
  ok: false;
  field: string;
  message: string;
}

type Json = Record<string, unknown>;

/** Beacon's types for the calls that are not a track. */
const CALL_EVENT_TYPES: Record<Exclude<SegmentCallType, 'track'>, string> = {
  page: 'page_view',
  screen: 'screen',
  identify: 'identify',
  alias: 'alias',
};

const CAMPAIGN_FIELDS = [
  ['name', 'utm_campaign'],
  ['source', 'utm_source'],
  ['medium', 'utm_medium'],
  ['term', 'utm_term'],
  ['content', 'utm_content'],
  ['id', 'utm_id'],
] as const;

/**
 * @example segmentCallToEvent({ type: 'page', messageId: 'm1', anonymousId: 'a1', timestamp: '2026-03-01T12:00:00Z',
 *   properties: { url: 'https://shop.example/?utm_source=news' } }, { events: {}, receivedAtMs: Date.now() })
 * // → { ok: true, record: { event_id: 'm1', type: 'page_view', timestamp: '2026-03-01T12:00:00.000Z', anonymous_id: 'a1',
 * //       url: 'https://shop.example/?utm_source=news', properties: { url: … } }, sources: { … } }
 */
export function segmentCallToEvent(call: Json, options: SegmentMapOptions): MappedCall | UnmappedCall {
  // Checked first: every step below may copy or serialise the call.
  for (const [field, value] of Object.entries(call)) {
    if (value !== null && typeof value === 'object' && depthExceeds(value, MAX_JSON_DEPTH)) return fail(field, `nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  const type = call.type;
  if (type === 'group') return fail('type', 'Segment type "group" is not stored: Beacon has no accounts to attach users to');
  if (typeof type !== 'string' || !(SEGMENT_CALL_TYPES as readonly string[]).includes(type)) {
    const shown = typeof type === 'string' ? `unknown Segment type "${type}"` : 'missing Segment type';
    return fail('type', `${shown}; known types: ${SEGMENT_CALL_TYPES.join(', ')}`);
  }
  const record: Json = {};
  const sources: Record<string, string> = {};
  const set = (field: string, value: unknown, from: string) => {
    if (value === undefined || value === null || value === '') return;
    record[field] = value;
    sources[field] = from;
  };

  const messageId = idOf(call.messageId);
  if (messageId === null) return fail('messageId', 'must be a string');
  set('event_id', messageId ?? derivedEventId(call), 'messageId');

  const eventType = eventTypeOf(type as SegmentCallType, call, options.events);
  if (!eventType.ok) return eventType;
  set('type', eventType.type, type === 'track' ? 'event' : 'type');

  const when = segmentTimestamp(call, options.receivedAtMs);
  if (!when.ok) return when;
  set('timestamp', when.timestamp, 'timestamp');

  const people = peopleOf(type as SegmentCallType, call);
  if (!people.ok) return people;
  set('anonymous_id', people.anonymousId, people.anonymousFrom);
  set('user_id', people.userId, 'userId');

  const context = objectOf(call.context);
  const page = objectOf(context.page);
  const props = objectOf(call.properties);
  // A page call names its page in its properties; every call may carry the page it was made on in its context.
  const pageField = (name: string): [unknown, string] =>
    type === 'page' && props[name] !== undefined && props[name] !== null ? [props[name], `properties.${name}`] : [page[name], `context.page.${name}`];
  const [url, urlFrom] = pageField('url');
  const [path, pathFrom] = pageField('path');
  const [search] = pageField('search');
  if (url !== undefined && url !== null) set('url', url, urlFrom);
  else if (typeof path === 'string' && path !== '') set('url', typeof search === 'string' ? path + search : path, pathFrom);
  set('referrer', ...pageField('referrer'));

  const campaign = objectOf(context.campaign);
  for (const [from, field] of CAMPAIGN_FIELDS) set(field, textOf(campaign[from]), `context.campaign.${from}`);
  set('user_agent', context.userAgent, 'context.userAgent');
  // context.ip is left out: Beacon's events have no field for it.

  if (type === 'track') {
    const revenueFrom = props.revenue !== undefined && props.revenue !== null ? 'revenue' : 'total';
    set('revenue', props[revenueFrom], `properties.${revenueFrom}`);
    set('currency', typeof props.currency === 'string' ? props.currency.toUpperCase() : props.currency, 'properties.currency');
    const orderFrom = props.order_id !== undefined && props.order_id !== null ? 'order_id' : 'orderId';
    set('order_id', textOf(props[orderFrom]), `properties.${orderFrom}`);
  }

  const properties = propertiesOf(type as SegmentCallType, call, props, pageField('title')[0]);
  if (Object.keys(properties).length > 0) set('properties', properties, 'properties');
  return { ok: true, record, sources };
}

function eventTypeOf(type: SegmentCallType, call: Json, events: Readonly<Record<string, string>>): { ok: true; type: string } | UnmappedCall {
  if (type !== 'track') return { ok: true, type: CALL_EVENT_TYPES[type] };
  if (typeof call.event !== 'string' || call.event.trim() === '') return fail('event', 'a track call needs an event name');
  return { ok: true, type: Object.hasOwn(events, call.event) ? events[call.event]! : call.event };
}

type People = { ok: true; anonymousId: string; anonymousFrom: string; userId?: string } | UnmappedCall;

/** Who: Beacon needs an anonymous_id on every event; one that also carries user_id links the two. */
function peopleOf(type: SegmentCallType, call: Json): People {
  const userId = idOf(call.userId);
  if (userId === null) return fail('userId', 'must be a string');
  if (type === 'alias') {
    // alias(previousId → userId): the previous id's events become the user's.
    const previousId = idOf(call.previousId);
    if (previousId === null || previousId === undefined) return fail('previousId', 'an alias call needs a previousId (a string)');
    if (userId === undefined) return fail('userId', 'an alias call needs a userId');
    return { ok: true, anonymousId: previousId, anonymousFrom: 'previousId', userId };
  }
  const anonymousId = idOf(call.anonymousId);
  if (anonymousId === null) return fail('anonymousId', 'must be a string');
  if (anonymousId !== undefined) return { ok: true, anonymousId, anonymousFrom: 'anonymousId', userId };
  if (userId !== undefined) return { ok: true, anonymousId: userId, anonymousFrom: 'userId', userId };
  return fail('anonymousId', 'a call needs an anonymousId or a userId');
}

/** The free-form properties Beacon keeps: the call's own, plus the names Beacon knows (page_title) and the call's name. */
function propertiesOf(type: SegmentCallType, call: Json, props: Json, title: unknown): Json {
  // identify's traits and alias carry personal data Beacon does not use: none is kept.
  if (type === 'identify' || type === 'alias') return {};
  const out: Json = { ...props };
  if (typeof title === 'string' && out.page_title === undefined) out.page_title = title;
  if (type === 'track') out.segment_event = call.event;
  if (type === 'page' && typeof call.name === 'string') out.page_name = call.name;
  if (type === 'page' && typeof call.category === 'string') out.page_category = call.category;
  if (type === 'screen' && typeof call.name === 'string') out.screen_name = call.name;
  return out;
}

/** An id as text: strings as they are, numbers (some clients send numeric user ids) as decimal; null when it is neither. */
function idOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function textOf(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value === '' ? undefined : value;
}

function objectOf(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** A call without a messageId still gets a stable id: the same call sent again (a retry has a new sentAt) is a duplicate. */
function derivedEventId(call: Json): string {
  const { sentAt: _sentAt, receivedAt: _receivedAt, ...stable } = call;
  return `segment-${createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 40)}`;
}

function fail(field: string, message: string): UnmappedCall {
  return { ok: false, field, message };
}
