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
