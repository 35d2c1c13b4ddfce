import { describe, expect, it } from 'vitest';
import { zoneMidnight } from './zone-midnight.js';

const HOUR = 3_600_000;

describe('zoneMidnight', () => {
  it('is local midnight: UTC itself, CET (+1) an hour before UTC midnight, IST (+5:30) and EDT (-4)', () => {
    expect(zoneMidnight('2026-12-01', 'UTC')).toBe(Date.UTC(2026, 11, 1));
    expect(zoneMidnight('2026-12-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 1) - HOUR);
    expect(zoneMidnight('2026-12-01', 'Asia/Kolkata')).toBe(Date.UTC(2026, 11, 1) - 5.5 * HOUR);
    expect(zoneMidnight('2026-07-04', 'America/New_York')).toBe(Date.UTC(2026, 6, 4) + 4 * HOUR);
  });

  it('follows the offset of the day itself on both sides of a daylight-saving change', () => {
    // Berlin moves to CEST (+2) at 01:00 UTC on Sunday 2026-03-29: that midnight is still CET, the next one CEST.
    expect(zoneMidnight('2026-03-29', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29) - HOUR);
    expect(zoneMidnight('2026-03-30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 30) - 2 * HOUR);
  });

  it('starts a day whose midnight the clocks skip at the jump, and one they repeat at the first', () => {
    // Chile starts summer time on Sunday 2026-09-06: 00:00 (-04) becomes 01:00 (-03), at 04:00 UTC.
    expect(zoneMidnight('2026-09-06', 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    // It ends on Sunday 2026-04-05: Saturday's 24:00 (-03) is 23:00 (-04) again, so Sunday starts at 04:00 UTC.
    expect(zoneMidnight('2026-04-05', 'America/Santiago')).toBe(Date.UTC(2026, 3, 5, 4));
  });
});
