import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { depthExceeds, validatorFor } from './validate.js';

const event = { event_id: 'e1', type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' };

describe('validatorFor', () => {
  it('refuses a string that is not valid Unicode (a lone surrogate), naming the field', () => {
    for (const [field, text] of [['event_id', 'broken \ud800 pair'], ['anonymous_id', '\udfff'], ['url', 'https://x.example/\ud83d']] as const) {
      const result = validatorFor('events').validate({ ...event, [field]: text });
      const problem = { field, message: expect.stringMatching(/Unicode/) };
      expect(result).toEqual({ ok: false, problem, problems: [problem] });
    }
    // A whole surrogate pair is a character like any other.
    expect(validatorFor('events').validate({ ...event, anonymous_id: 'emoji \ud83d\ude00' }).ok).toBe(true);
  });

  it('takes counts up to 2^53 - 1 and refuses larger ones', () => {
    const row = (impressions: number) => ({ date: '2026-03-01', platform: 'google_ads', campaign_id: 'k', impressions, clicks: 0, cost: 0 });
    expect(validatorFor('ad_performance').validate(row(2 ** 53 - 1)).ok).toBe(true);
    expect(validatorFor('ad_performance').validate(row(2 ** 53))).toMatchObject({ ok: false, problem: { field: 'impressions' } });
  });
});

describe('validatorFor: sane ranges', () => {
  const problem = (source: Parameters<typeof validatorFor>[0], record: Record<string, unknown>) => {
    const result = validatorFor(source).validate(record);
    return result.ok ? undefined : result.problem;
  };
  const order = { order_id: 'o1', customer_id: 'c1', timestamp: '2026-03-01T10:00:00Z', revenue: 40 };

  it('regression: timestamps of year 0000 and 9999 were stored (freshness then said 9999); instants run from 1970 to a day past now', () => {
    expect(problem('events', { ...event, timestamp: '0000-01-01T00:00:00Z' })).toEqual({ field: 'timestamp', message: 'must be on or after 1970-01-01, got "0000-01-01T00:00:00Z"' });
    expect(problem('events', { ...event, timestamp: '9999-12-31T23:59:59Z' })).toEqual({ field: 'timestamp', message: 'is more than a day in the future, got "9999-12-31T23:59:59Z"' });
    expect(problem('orders', { ...order, timestamp: '1969-12-31T23:59:59Z' })?.field).toBe('timestamp');
    expect(problem('events', { ...event, timestamp: '1970-01-01T00:00:00Z' })).toBeUndefined();
    // Half a day ahead is a drifting clock, not a mistake.
    expect(problem('events', { ...event, timestamp: new Date(Date.now() + 12 * 3_600_000).toISOString() })).toBeUndefined();
  });

  it('keeps dates within 1970…2099', () => {
    const ad = { date: '2026-03-01', platform: 'google_ads', campaign_id: 'k', impressions: 1, clicks: 0, cost: 0 };
    expect(problem('ad_performance', { ...ad, date: '9999-01-01' })).toEqual({ field: 'date', message: 'must be between 1970-01-01 and 2099-12-31, got "9999-01-01"' });
    expect(problem('ad_performance', { ...ad, date: '2099-12-31' })).toBeUndefined();
  });

  it('regression: currency "ZZZ" was accepted; currencies are ISO 4217 codes', () => {
    expect(problem('orders', { ...order, currency: 'ZZZ' })).toEqual({ field: 'currency', message: 'is not an ISO 4217 currency code, got "ZZZ"' });
    expect(problem('orders', { ...order, currency: 'EUR' })).toBeUndefined();
  });

  it('regression: negative revenue was accepted without a refund; only refunded orders and refund events carry it', () => {
    expect(problem('orders', { ...order, revenue: -40 })).toEqual({ field: 'revenue', message: 'is negative (-40); only a refunded order may carry negative revenue' });
    expect(problem('orders', { ...order, revenue: -40, status: 'refunded' })).toBeUndefined();
    expect(problem('events', { ...event, type: 'purchase', revenue: -5 })?.field).toBe('revenue');
    expect(problem('events', { ...event, type: 'refund', revenue: -5 })).toBeUndefined();
  });
});

describe('validatorFor: every problem of a record', () => {
  const problems = (source: Parameters<typeof validatorFor>[0], record: Record<string, unknown>) => {
    const result = validatorFor(source).validate(record);
    return result.ok ? [] : result.problems;
  };

  it('reports each invalid field once, in the order of the schema, the first also as `problem`', () => {
    const result = validatorFor('orders').validate({ currency: 'ZZZ', revenue: 'ten', timestamp: 'yesterday', order_id: 'o1', customer_id: 'c1' });
    const expected = [
      { field: 'timestamp', message: 'must be an ISO-8601 timestamp with a zone (e.g. 2026-03-01T12:00:00Z), got "yesterday"' },
      { field: 'revenue', message: 'must be a number, got "ten"' },
      { field: 'currency', message: 'is not an ISO 4217 currency code, got "ZZZ"' },
    ];
    expect(result).toEqual({ ok: false, problem: expected[0], problems: expected });
  });

  it('names every missing required field once (not also as "must be a string")', () => {
    expect(problems('orders', { order_id: 'o1' })).toEqual([
      { field: 'customer_id', message: 'is required' },
      { field: 'timestamp', message: 'is required' },
      { field: 'revenue', message: 'is required' },
    ]);
  });

  it('checks a rule across fields only on values of the right type', () => {
    // The kind is unknown, so no score range applies; the score is still beyond the schema's 10.
    expect(problems('surveys', { response_id: 'r1', kind: 'stars', score: 11, timestamp: '2026-03-01T10:00:00Z' })).toEqual([
      { field: 'kind', message: 'must be one of nps, csat, ces, got "stars"' },
      { field: 'score', message: 'must be ≤ 10, got 11' },
    ]);
    // A refused timestamp and a negative revenue without a refund are both reported.
    expect(problems('orders', { order_id: 'o1', customer_id: 'c1', timestamp: '2026-03-01', revenue: -5 }).map((p) => p.field)).toEqual(['timestamp', 'revenue']);
  });
});

describe('validatorFor: date-only values', () => {
  const order = { order_id: 'o1', customer_id: 'c1', revenue: 10, timestamp: '2026-12-01' };

  it('refuses a date where an instant is needed, naming the option of the CLI and of HTTP', () => {
    expect(validatorFor('orders').validate(order)).toMatchObject({
      ok: false,
      problems: [
        {
          field: 'timestamp',
          message:
            'is a date without a time, got "2026-12-01": send a time and zone (2026-12-01T00:00:00Z), or name the zone the dates are in ' +
            'with --assume-timezone ZONE (HTTP: ?assume_timezone=ZONE), e.g. Europe/Berlin or UTC, to read each date as midnight there',
        },
      ],
    });
  });

  it("reads it as the assumed zone's midnight: 23:00 UTC the day before in Berlin (CET), midnight in UTC", () => {
    const berlin = validatorFor('orders', { assumeTimezone: 'Europe/Berlin' }).validate(order);
    expect(berlin).toMatchObject({ ok: true, row: { timestamp: Date.UTC(2026, 10, 30, 23) } });
    const utc = validatorFor('events', { assumeTimezone: 'UTC' }).validate({ event_id: 'e1', type: 'page_view', anonymous_id: 'a', timestamp: '2026-12-01' });
    expect(utc).toMatchObject({ ok: true, row: { timestamp: Date.UTC(2026, 11, 1) } });
    // A timestamp with its own zone is kept as sent; an impossible date is no date.
    expect(validatorFor('orders', { assumeTimezone: 'Europe/Berlin' }).validate({ ...order, timestamp: '2026-12-01T08:00:00Z' })).toMatchObject({ ok: true, row: { timestamp: Date.UTC(2026, 11, 1, 8) } });
    expect(validatorFor('orders', { assumeTimezone: 'UTC' }).validate({ ...order, timestamp: '2026-02-30' })).toMatchObject({ ok: false, problem: { field: 'timestamp', message: expect.stringContaining('ISO-8601') } });
  });

  it('takes dates in the date fields of daily sources as they are, with or without a zone', () => {
    const cost = { cost_id: 'k1', date: '2026-12-01', category: 'tools', amount: 12 };
    expect(validatorFor('costs').validate(cost)).toMatchObject({ ok: true, row: { date: '2026-12-01' } });
    expect(validatorFor('costs', { assumeTimezone: 'Asia/Tokyo' }).validate(cost)).toMatchObject({ ok: true, row: { date: '2026-12-01' } });
  });

  it('refuses an unknown zone', () => {
    expect(() => validatorFor('orders', { assumeTimezone: 'Mars/Olympus' })).toThrow(ValidationError);
    expect(() => validatorFor('orders', { assumeTimezone: 'Mars/Olympus' })).toThrow('unknown time zone "Mars/Olympus": expected an IANA name such as Europe/Berlin, or UTC');
  });
});

describe('validatorFor: event properties', () => {
  const stored = (record: Record<string, unknown>) => {
    const result = validatorFor('events').validate(record);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
    return result.row.properties;
  };

  it('stores properties as their JSON text, with the fields outside the schema added to them', () => {
    expect(stored({ ...event, properties: { plan: 'pro', seats: 3 } })).toBe('{"plan":"pro","seats":3}');
    expect(stored({ ...event, properties: { plan: 'pro' }, coupon: 'X1' })).toBe('{"plan":"pro","coupon":"X1"}');
    expect(stored({ ...event, coupon: 'X1', tags: ['a', 'b'] })).toBe('{"coupon":"X1","tags":["a","b"]}');
    // A field sent as undefined (a JS caller's record) is no field at all.
    expect(stored({ ...event, coupon: undefined })).toBeNull();
    expect(stored(event)).toBeNull();
    // Properties sent as JSON text (a CSV cell) are stored as the same object's text.
    expect(stored({ ...event, properties: '{ "plan" : "pro" }' })).toBe('{"plan":"pro"}');
  });

  it('reports lone surrogates before values nested too deep, each field once, whatever the order of the fields', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const result = validatorFor('events').validate({ ...event, nested: deep, broken: 'x\ud800' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'broken', message: 'is not valid Unicode text (it holds a lone surrogate, e.g. "\\ud800")' },
      { field: 'nested', message: 'nests deeper than 64 levels' },
    ]);
  });
});

describe('depthExceeds', () => {
  it('counts the levels of objects and arrays, the value itself the first', () => {
    expect(depthExceeds({ a: 1, b: 'x', c: null }, 1)).toBe(false);
    expect(depthExceeds([1, 'two', null], 1)).toBe(false);
    expect(depthExceeds({ a: { b: 1 } }, 1)).toBe(true);
    expect(depthExceeds({ a: { b: 1 } }, 2)).toBe(false);
    expect(depthExceeds([[1]], 1)).toBe(true);
    expect(depthExceeds({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(depthExceeds({ a: [{ b: [] }] }, 4)).toBe(false);
    expect(depthExceeds({}, 0)).toBe(true);
  });

  it('looks only at the own values of an object', () => {
    const child = Object.create({ inherited: { x: { y: 1 } } }) as object;
    expect(depthExceeds(child, 1)).toBe(false);
    expect(depthExceeds({ own: child }, 2)).toBe(false);
  });
});
