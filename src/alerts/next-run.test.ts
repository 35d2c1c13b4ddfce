// Schedules read in a time zone: next runs across daylight-saving shifts, the
// cron dialect accepted, and the runs missed while down (counted, capped).
import { describe, expect, it } from 'vitest';
import { MAX_COUNTED_MISSED_RUNS, missedRuns, nextRun, nextRuns, scheduleProblem } from './next-run.js';

const at = (iso: string) => Date.parse(iso);

describe('nextRuns', () => {
  it('reads the wall clock of the zone: 9:00 in Paris in June is 07:00 UTC (CEST, UTC+2)', () => {
    // After 10:00 Paris on 1 June, the next 9:00 is the 2nd.
    expect(nextRuns('0 9 * * *', 'Europe/Paris', at('2026-06-01T08:00:00Z'), 2)).toEqual([at('2026-06-02T07:00:00Z'), at('2026-06-03T07:00:00Z')]);
    expect(nextRun('0 9 * * *', 'UTC', at('2026-06-01T08:00:00Z'))).toBe(at('2026-06-01T09:00:00Z'));
  });

  it('runs strictly after the given instant', () => {
    expect(nextRun('0 * * * *', 'UTC', at('2026-06-01T10:00:00Z'))).toBe(at('2026-06-01T11:00:00Z'));
    expect(nextRun('0 * * * *', 'UTC', at('2026-06-01T09:59:59Z'))).toBe(at('2026-06-01T10:00:00Z'));
  });

  it('runs a time skipped by the spring jump at the first instant after it', () => {
    // Paris, 29 March 2026: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist that day.
    // It runs at 03:00 CEST (01:00 UTC); the next day 02:30 CEST is 00:30 UTC.
    expect(nextRuns('30 2 * * *', 'Europe/Paris', at('2026-03-28T12:00:00Z'), 2)).toEqual([at('2026-03-29T01:00:00Z'), at('2026-03-30T00:30:00Z')]);
  });

  it('runs a time that happens twice in the autumn once, and an every-30-minutes schedule in both passes', () => {
    // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30 and at 01:30 UTC.
    expect(nextRuns('30 2 * * *', 'Europe/Paris', at('2026-10-24T12:00:00Z'), 2)).toEqual([at('2026-10-25T00:30:00Z'), at('2026-10-26T01:30:00Z')]);
    // From 02:00 CEST (00:00 UTC): 02:30 CEST, 02:00 CET, 02:30 CET, 03:00 CET.
    expect(nextRuns('*/30 * * * *', 'Europe/Paris', at('2026-10-25T00:00:00Z'), 4)).toEqual([
      at('2026-10-25T00:30:00Z'),
      at('2026-10-25T01:00:00Z'),
      at('2026-10-25T01:30:00Z'),
      at('2026-10-25T02:00:00Z'),
    ]);
  });

  it('matches a day of the month or a day of the week when both are given, as Vixie cron does', () => {
    // "the 1st or a Monday": 1 June 2026 is a Monday, so after it come the Mondays 8, 15, 22, 29 June, then Wednesday 1 July.
    expect(nextRuns('0 9 1 * 1', 'UTC', at('2026-06-02T00:00:00Z'), 5)).toEqual(
      ['2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29', '2026-07-01'].map((day) => at(`${day}T09:00:00Z`)),
    );
  });

  it('refuses an unknown time zone as a bug of the caller', () => {
    expect(() => nextRun('0 * * * *', 'Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('scheduleProblem', () => {
  it('accepts five fields, names, steps and nicknames', () => {
    for (const expression of ['0 * * * *', '*/15 8-18 * * MON-FRI', '0 9 L * *', '0 9 * * 1#2', '@hourly', '@daily']) {
      expect(scheduleProblem(expression, 'Europe/Paris'), expression).toBeNull();
    }
  });

  it('says what is wrong with the rest', () => {
    expect(scheduleProblem('0 0 * * * *', 'UTC')).toMatch(/^is not a cron expression: .*5/);
    expect(scheduleProblem('61 * * * *', 'UTC')).toBe('is not a cron expression: Invalid value for minute: 61');
    expect(scheduleProblem('every hour', 'UTC')).toMatch(/^is not a cron expression/);
    expect(scheduleProblem('@reboot', 'UTC')).toMatch(/^is not a cron expression/);
    expect(scheduleProblem('0 0 31 2 *', 'UTC')).toBe('never runs: no date matches "0 0 31 2 *"');
  });
});

describe('missedRuns', () => {
  it('counts the runs after the last one up to and including now, and names the latest', () => {
    // Last run 07:00, now 10:30: 08:00, 09:00 and 10:00 were missed.
    expect(missedRuns('0 * * * *', 'UTC', at('2026-06-01T07:00:00Z'), at('2026-06-01T10:30:00Z'))).toEqual({ count: 3, atLeast: false, latest: at('2026-06-01T10:00:00Z') });
    // A run due exactly now counts.
    expect(missedRuns('0 * * * *', 'UTC', at('2026-06-01T07:00:00Z'), at('2026-06-01T10:00:00Z'))).toEqual({ count: 3, atLeast: false, latest: at('2026-06-01T10:00:00Z') });
  });

  it('finds nothing missed when the next run is still ahead', () => {
    expect(missedRuns('0 * * * *', 'UTC', at('2026-06-01T07:00:00Z'), at('2026-06-01T07:59:59Z'))).toEqual({ count: 0, atLeast: false, latest: null });
  });

  it('stops counting at the cap and still names the latest run', () => {
    expect(MAX_COUNTED_MISSED_RUNS).toBe(1_000);
    // Every minute for a day and 30 s: 1440 runs, 00:01 … 00:00 the next day.
    expect(missedRuns('* * * * *', 'UTC', at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:30Z'))).toEqual({ count: 1_000, atLeast: true, latest: at('2026-06-02T00:00:00Z') });
    // Exactly 1000 minutes (16 h 40 min) is exactly the cap: nothing more.
    expect(missedRuns('* * * * *', 'UTC', at('2026-06-01T00:00:00Z'), at('2026-06-01T16:40:00Z'))).toEqual({ count: 1_000, atLeast: false, latest: at('2026-06-01T16:40:00Z') });
  });

  it('counts in the zone: a daily 9:00 in New York across the spring jump', () => {
    // 9:00 EST is 14:00 UTC until 8 March 2026, 9:00 EDT is 13:00 UTC from then on.
    expect(missedRuns('0 9 * * *', 'America/New_York', at('2026-03-06T14:00:00Z'), at('2026-03-09T13:30:00Z'))).toEqual({ count: 3, atLeast: false, latest: at('2026-03-09T13:00:00Z') });
  });
});
