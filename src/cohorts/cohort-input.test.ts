import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { parseCohortRequest } from './cohort-input.js';

const SETTINGS = { timezone: 'America/New_York' };
/** 03:00 UTC on April 15 is still April 14 in New York. */
const NOW = Date.UTC(2026, 3, 15, 3);
const BODY = { by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-03-31' };

/** The problems a body is refused with: [field, message]. */
function problems(body: unknown): [string, string][] {
  try {
    parseCohortRequest(body, SETTINGS, NOW);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return ((err as ValidationError).details as { field: string; message: string }[]).map((p) => [p.field, p.message]);
  }
  throw new Error('the body was accepted');
}

describe('parseCohortRequest', () => {
  it('fills in purchase activity, no channel or dimension, six projected periods, and today in the workspace zone', () => {
    expect(parseCohortRequest(BODY, SETTINGS, NOW)).toEqual({
      by: 'month',
      metric: 'retention',
      activity: 'purchase',
      from: '2026-01-01',
      to: '2026-03-31',
      channel: null,
      dimension: null,
      projectionPeriods: 6,
      today: '2026-04-14',
    });
  });

  it('keeps the options it is given', () => {
    const body = { ...BODY, by: 'week', metric: 'revenue', activity: 'subscription', channel: 'Email', dimension: 'campaign', projection_periods: 12 };
    expect(parseCohortRequest(body, SETTINGS, NOW)).toMatchObject({ by: 'week', metric: 'revenue', activity: 'subscription', channel: 'Email', dimension: 'campaign', projectionPeriods: 12 });
  });

  it.each([
    [{ by: 'year' }, 'by', 'must be one of week, month'],
    [{ metric: 'ltv' }, 'metric', 'must be one of retention, revenue'],
    [{ activity: 'visit' }, 'activity', 'must be one of purchase, subscription'],
    [{ dimension: 'ad' }, 'dimension', 'must be one of channel, campaign'],
    [{ from: '2026-1-1' }, 'from', 'must be a date YYYY-MM-DD'],
    [{ to: '2026-02-30' }, 'to', '"2026-02-30" is not a date YYYY-MM-DD'],
    [{ from: '2026-04-01' }, 'from', '(2026-04-01) is after to (2026-03-31)'],
    [{ channel: '' }, 'channel', 'Expected string length greater or equal to 1'],
    [{ projection_periods: 0 }, 'projection_periods', 'Expected integer to be greater or equal to 1'],
    [{ extra: 1 }, 'extra', 'Unexpected property'],
  ])('refuses %o, naming the field', (change, field, message) => {
    expect(problems({ ...BODY, ...change })).toEqual([[field, message]]);
  });

  it('names every missing field', () => {
    expect(problems({}).map(([field]) => field)).toEqual(['by', 'metric', 'from', 'to']);
  });

  it('refuses more than 520 periods from the first cohort to today, and says how to ask instead', () => {
    // 2016-05-02 … 2026-04-14: the week of 2016-05-02 is 519 weeks before the week of 2026-04-13.
    expect(parseCohortRequest({ ...BODY, by: 'week', from: '2016-05-02' }, SETTINGS, NOW).by).toBe('week');
    expect(problems({ ...BODY, by: 'week', from: '2016-04-25' })).toEqual([
      ['from', '(2016-04-25) is more than 520 weeks before today (2026-04-14): choose a later from, or by month'],
    ]);
    expect(parseCohortRequest({ ...BODY, by: 'month', from: '1983-01-01' }, SETTINGS, NOW).from).toBe('1983-01-01');
  });
});
