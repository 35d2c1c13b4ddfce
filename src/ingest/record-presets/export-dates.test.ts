import { describe, expect, it } from 'vitest';
import { readExportDateTime } from './export-dates.js';

describe('readExportDateTime', () => {
  it.each([
    ['2024-03-05 14:22', 'UTC', '2024-03-05T14:22:00.000Z'],
    ['2024-03-05 14:22:09', 'UTC', '2024-03-05T14:22:09.000Z'],
    ['2024-03-05', 'UTC', '2024-03-05T00:00:00.000Z'],
    ['03/05/2024 2:22 PM', 'UTC', '2024-03-05T14:22:00.000Z'],
    ['3/5/2024 12:05 am', 'UTC', '2024-03-05T00:05:00.000Z'],
    ['03/05/2024 12:30 PM', 'UTC', '2024-03-05T12:30:00.000Z'],
    // New York: EST (−5) before 10 March 2024, EDT (−4) from 3:00 that night.
    ['2024-03-09 23:30', 'America/New_York', '2024-03-10T04:30:00.000Z'],
    ['2024-03-10 03:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-03-05T14:22:00+01:00', undefined, '2024-03-05T13:22:00.000Z'],
  ])('%s in %s is %s', (text, zone, expected) => {
    expect(readExportDateTime(text, 'When', zone)).toEqual({ timestamp: expected });
  });

  it.each(['05.03.2024', '05/03/2024 14:22', '2024-13-01 10:00', '03/05/2024 13:22 PM', 'March 5'])('refuses %s, naming the column', (text) => {
    expect(readExportDateTime(text, 'When', 'UTC')).toEqual({ error: expect.stringMatching(/^column "When": ".*" is not a date-time Beacon reads unambiguously; accepted: /) });
  });

  it('refuses a zone-less time without a zone', () => {
    expect(readExportDateTime('2024-03-05 14:22', 'When', undefined)).toEqual({ error: expect.stringContaining('has no time zone') });
  });
});
