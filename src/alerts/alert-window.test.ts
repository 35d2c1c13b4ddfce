import { describe, expect, it } from 'vitest';
import { alertWindow } from './alert-window.js';

describe('alertWindow', () => {
  it('reads today for a day rule, and yesterday before it', () => {
    expect(alertWindow('day', Date.parse('2026-11-19T10:00:00Z'), 'UTC')).toEqual({ from: '2026-11-19', to: '2026-11-19', previousFrom: '2026-11-18', previousTo: '2026-11-18' });
  });

  it('takes the date in the workspace time zone: 23:30 UTC is already the next day in Tokyo', () => {
    expect(alertWindow('day', Date.parse('2026-11-19T23:30:00Z'), 'Asia/Tokyo')).toMatchObject({ from: '2026-11-20', to: '2026-11-20', previousFrom: '2026-11-19' });
  });

  it('reads the week so far from its Monday, against as many days before it', () => {
    // 2026-11-19 is a Thursday: Monday 16th to Thursday 19th, four days; the four days before are the 12th to the 15th.
    expect(alertWindow('week', Date.parse('2026-11-19T10:00:00Z'), 'UTC')).toEqual({ from: '2026-11-16', to: '2026-11-19', previousFrom: '2026-11-12', previousTo: '2026-11-15' });
  });

  it('reads the month so far', () => {
    expect(alertWindow('month', Date.parse('2026-03-03T10:00:00Z'), 'UTC')).toEqual({ from: '2026-03-01', to: '2026-03-03', previousFrom: '2026-02-26', previousTo: '2026-02-28' });
  });

  it('names the current and the previous hour, across midnight', () => {
    expect(alertWindow('hour', Date.parse('2026-11-19T00:30:00Z'), 'UTC')).toEqual({
      from: '2026-11-18',
      to: '2026-11-19',
      previousFrom: '2026-11-18',
      previousTo: '2026-11-19',
      hour: { current: '2026-11-19T00:00', previous: '2026-11-18T23:00' },
    });
  });
});
