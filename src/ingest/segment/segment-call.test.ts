// The calls are the examples of Segment's own spec pages (track, page,
// identify, e-commerce Order Completed); the expected records are worked out by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_EVENTS } from '../../model/settings.js';
import { segmentCallToEvent } from './segment-call.js';

const options = { events: DEFAULT_SEGMENT_EVENTS, receivedAtMs: Date.parse('2026-03-01T00:00:00.000Z') };
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_2) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.95 Safari/537.36';

const specTrack = {
  anonymousId: '23adfd82-aa0f-45a7-a756-24f2a7a4c895',
  context: {
    library: { name: 'analytics.js', version: '2.11.1' },
    page: { path: '/academy/', referrer: '', search: '', title: 'Analytics Academy', url: 'https://segment.com/academy/' },
    userAgent: UA,
    ip: '108.0.78.21',
  },
  event: 'Course Clicked',
  integrations: {},
  messageId: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
  properties: { title: 'Intro to Analytics' },
  receivedAt: '2015-12-12T19:11:01.266Z',
  sentAt: '2015-12-12T19:11:01.169Z',
  timestamp: '2015-12-12T19:11:01.249Z',
  type: 'track',
  userId: 'AiUGstSDIg',
  originalTimestamp: '2015-12-12T19:11:01.152Z',
};

describe('segmentCallToEvent', () => {
  it('maps the spec track example: messageId, ids, page context, user agent; the ip is dropped', () => {
    const mapped = segmentCallToEvent(specTrack, options);
    expect(mapped).toEqual({
      ok: true,
      record: {
        event_id: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
        type: 'Course Clicked',
        // Forwarded by Segment (originalTimestamp present): its timestamp is already corrected.
        timestamp: '2015-12-12T19:11:01.249Z',
        anonymous_id: '23adfd82-aa0f-45a7-a756-24f2a7a4c895',
        user_id: 'AiUGstSDIg',
        url: 'https://segment.com/academy/',
        user_agent: UA,
        properties: { title: 'Intro to Analytics', page_title: 'Analytics Academy', segment_event: 'Course Clicked' },
      },
      sources: {
        event_id: 'messageId',
        type: 'event',
        timestamp: 'timestamp',
        anonymous_id: 'anonymousId',
        user_id: 'userId',
        url: 'context.page.url',
        user_agent: 'context.userAgent',
        properties: 'properties',
      },
    });
    expect(JSON.stringify(mapped)).not.toContain('108.0.78.21');
  });

  it('corrects the clock skew of the same call as its library sent it: .152 − .169 + .266 = .249', () => {
    const { originalTimestamp, receivedAt: _r, ...sent } = specTrack;
    const mapped = segmentCallToEvent({ ...sent, timestamp: originalTimestamp }, { ...options, receivedAtMs: Date.parse('2015-12-12T19:11:01.266Z') });
    expect(mapped.ok && mapped.record.timestamp).toBe('2015-12-12T19:11:01.249Z');
  });

  it('maps the spec page example to page_view, with its url, title and name', () => {
    const mapped = segmentCallToEvent({
      anonymousId: '507f191e810c19729de860ea',
      channel: 'browser',
      context: { ip: '8.8.8.8', userAgent: UA },
      integrations: { All: true, Mixpanel: false, Salesforce: false },
      messageId: '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
      name: 'Home',
      properties: { title: 'Welcome | Initech', url: 'http://www.example.com' },
      receivedAt: '2015-02-23T22:28:55.387Z',
      sentAt: '2015-02-23T22:28:55.111Z',
      timestamp: '2015-02-23T22:28:55.111Z',
      type: 'page',
      userId: '97980cfea0067',
      version: '1.1',
    }, options);
    expect(mapped.ok && mapped.record).toEqual({
      event_id: '022bb90c-bbac-11e4-8dfc-aa07a5b093db',
      type: 'page_view',
      // .111 − .111 + .387: sent as it happened, received 276 ms later.
      timestamp: '2015-02-23T22:28:55.387Z',
      anonymous_id: '507f191e810c19729de860ea',
      user_id: '97980cfea0067',
      url: 'http://www.example.com',
      user_agent: UA,
      properties: { title: 'Welcome | Initech', url: 'http://www.example.com', page_title: 'Welcome | Initech', page_name: 'Home' },
    });
  });

  it('maps context.campaign to the UTM fields and builds the url from path and search when there is none', () => {
    const mapped = segmentCallToEvent({
      type: 'page',
      messageId: 'm-utm',
      anonymousId: 'a1',
      timestamp: '2026-03-01T09:00:00Z',
      context: {
        campaign: { name: 'TPS Innovation Newsletter', source: 'Newsletter', medium: 'email', term: 'tps reports', content: 'image link' },
        page: { path: '/pricing', search: '?plan=pro', referrer: 'https://mail.example.com/' },
      },
    }, options);
    expect(mapped.ok && mapped.record).toEqual({
      event_id: 'm-utm',
      type: 'page_view',
      timestamp: '2026-03-01T09:00:00.000Z',
      anonymous_id: 'a1',
      url: '/pricing?plan=pro',
      referrer: 'https://mail.example.com/',
      utm_campaign: 'TPS Innovation Newsletter',
      utm_source: 'Newsletter',
      utm_medium: 'email',
      utm_term: 'tps reports',
      utm_content: 'image link',
    });
    expect(mapped.ok && mapped.sources.utm_source).toBe('context.campaign.source');
  });

  it('turns the spec Order Completed example into a purchase with its revenue (not total), currency and order id', () => {
    const mapped = segmentCallToEvent({
      type: 'track',
      messageId: 'm-order',
      userId: 'user-9',
      timestamp: '2026-03-01T10:00:00Z',
      event: 'Order Completed',
      properties: {
        checkout_id: 'fksdjfsdjfisjf9sdfjsd9f', order_id: '50314b8e9bcf000000000000', affiliation: 'Google Store',
        total: 27.5, subtotal: 22.5, revenue: 25.0, shipping: 3, tax: 2, discount: 2.5, coupon: 'hasbros', currency: 'USD',
      },
    }, options);
    expect(mapped.ok && mapped.record).toMatchObject({
      event_id: 'm-order',
      type: 'purchase',
      // No anonymousId: the user id stands for it.
      anonymous_id: 'user-9',
      user_id: 'user-9',
      revenue: 25,
      currency: 'USD',
      order_id: '50314b8e9bcf000000000000',
    });
    expect(mapped.ok && (mapped.record.properties as Record<string, unknown>).segment_event).toBe('Order Completed');
  });

  it('takes total when there is no revenue, orderId (spec v1), a lower-case currency, and the workspace mapping', () => {
    const mapped = segmentCallToEvent({
      type: 'track', messageId: 'm-2', anonymousId: 'a2', timestamp: '2026-03-01T10:00:00Z',
      event: 'Checkout Done', properties: { total: '19.90', orderId: 1234, currency: 'eur' },
    }, { ...options, events: { 'Checkout Done': 'purchase' } });
    expect(mapped.ok && mapped.record).toMatchObject({ type: 'purchase', revenue: '19.90', currency: 'EUR', order_id: '1234' });
    expect(mapped.ok && mapped.sources).toMatchObject({ revenue: 'properties.total', order_id: 'properties.orderId', type: 'event' });
    // Without it, Checkout Done keeps its own name.
    const plain = segmentCallToEvent({ type: 'track', messageId: 'm-3', anonymousId: 'a2', event: 'Checkout Done' }, options);
    expect(plain.ok && plain.record.type).toBe('Checkout Done');
  });

  it('maps the default spec names: Signed Up → signup, Lead Generated → lead', () => {
    const type = (event: string) => {
      const mapped = segmentCallToEvent({ type: 'track', messageId: event, anonymousId: 'a', event }, options);
      return mapped.ok ? mapped.record.type : mapped.message;
    };
    expect([type('Signed Up'), type('Lead Generated'), type('Order Completed'), type('Product Viewed')]).toEqual(['signup', 'lead', 'purchase', 'Product Viewed']);
  });

  it('maps identify to an event carrying both ids (how Beacon links them), without the traits', () => {
    const mapped = segmentCallToEvent({
      anonymousId: '507f191e810c19729de860ea',
      context: { ip: '8.8.8.8' },
      messageId: 'id-1',
      timestamp: '2015-02-23T22:28:55.111Z',
      traits: { name: 'Peter Gibbons', email: 'peter@example.com', plan: 'premium', logins: 5 },
      type: 'identify',
      userId: '97980cfea0067',
    }, options);
    expect(mapped.ok && mapped.record).toEqual({
      event_id: 'id-1', type: 'identify', timestamp: '2015-02-23T22:28:55.111Z', anonymous_id: '507f191e810c19729de860ea', user_id: '97980cfea0067',
    });
  });

  it('maps alias to an event linking previousId to userId, and screen to a screen event', () => {
    const alias = segmentCallToEvent({ type: 'alias', messageId: 'al-1', previousId: 'old-anon', userId: 'u-7', timestamp: '2026-03-01T10:00:00Z' }, options);
    expect(alias.ok && alias.record).toEqual({ event_id: 'al-1', type: 'alias', timestamp: '2026-03-01T10:00:00.000Z', anonymous_id: 'old-anon', user_id: 'u-7' });
    expect(alias.ok && alias.sources.anonymous_id).toBe('previousId');
    const screen = segmentCallToEvent({ type: 'screen', messageId: 'sc-1', anonymousId: 'dev-1', name: 'Home', timestamp: '2026-03-01T10:00:00Z' }, options);
    expect(screen.ok && screen.record).toEqual({ event_id: 'sc-1', type: 'screen', timestamp: '2026-03-01T10:00:00.000Z', anonymous_id: 'dev-1', properties: { screen_name: 'Home' } });
  });

  it('gives a call without messageId an id that stays the same when the call is retried (sentAt changes)', () => {
    const call = { type: 'track', event: 'Clicked', anonymousId: 'a', timestamp: '2026-03-01T10:00:00Z' };
    const first = segmentCallToEvent({ ...call, sentAt: '2026-03-01T10:00:01Z' }, options);
    const retry = segmentCallToEvent({ ...call, sentAt: '2026-03-01T10:05:01Z' }, options);
    expect(first.ok && first.record.event_id).toMatch(/^segment-[0-9a-f]{40}$/);
    expect(first.ok && retry.ok && first.record.event_id === retry.record.event_id).toBe(true);
  });

  it('refuses what cannot be mapped, naming the field', () => {
    expect(segmentCallToEvent({ type: 'foo', anonymousId: 'a' }, options)).toEqual({ ok: false, field: 'type', message: 'unknown Segment type "foo"; known types: track, page, identify, screen, alias' });
    expect(segmentCallToEvent({ type: 'group', anonymousId: 'a', groupId: 'g' }, options)).toMatchObject({ ok: false, field: 'type' });
    expect(segmentCallToEvent({ type: 'track', anonymousId: 'a' }, options)).toMatchObject({ ok: false, field: 'event' });
    expect(segmentCallToEvent({ type: 'track', event: 'X' }, options)).toMatchObject({ ok: false, field: 'anonymousId' });
    expect(segmentCallToEvent({ type: 'alias', userId: 'u' }, options)).toMatchObject({ ok: false, field: 'previousId' });
    expect(segmentCallToEvent({ type: 'track', event: 'X', anonymousId: { id: 1 } }, options)).toMatchObject({ ok: false, field: 'anonymousId' });
  });
});

describe('segmentCallToEvent on hostile input', () => {
  it('refuses a field nested deeper than Beacon stores, before copying or hashing the call', () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 50_000; i++) deep = { a: deep };
    expect(segmentCallToEvent({ type: 'track', event: 'X', anonymousId: 'a', properties: deep }, options)).toEqual({ ok: false, field: 'properties', message: 'nests deeper than 64 levels' });
  });
});
