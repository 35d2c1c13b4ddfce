import { describe, expect, it } from 'vitest';
import { validatorFor } from './validate.js';

const event = { event_id: 'e1', type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' };

describe('validatorFor', () => {
  it('refuses a string that is not valid Unicode (a lone surrogate), naming the field', () => {
    for (const [field, text] of [['event_id', 'broken \ud800 pair'], ['anonymous_id', '\udfff'], ['url', 'https://x.example/\ud83d']] as const) {
      const result = validatorFor('events').validate({ ...event, [field]: text });
      expect(result).toEqual({ ok: false, problem: { field, message: expect.stringMatching(/Unicode/) } });
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
