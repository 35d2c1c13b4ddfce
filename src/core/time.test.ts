import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './time.js';

describe('parseTimestamp', () => {
  it('reads ISO-8601 instants with a zone to the millisecond, as Date does for the same text', () => {
    for (const text of ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.123Z', '2026-03-01T11:00:00+01:00', '2024-02-29T23:59:59.999-05:30', '0050-06-15T12:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(parseTimestamp(text)).toBe(new Date(text).getTime());
    }
  });

  it('reads fractions of one to nine digits, with a point or a comma, truncated to the millisecond', () => {
    const base = Date.UTC(2026, 2, 1, 10, 0, 5);
    expect(parseTimestamp('2026-03-01T10:00:05.5Z')).toBe(base + 500);
    expect(parseTimestamp('2026-03-01T10:00:05,25Z')).toBe(base + 250);
    expect(parseTimestamp('2026-03-01T10:00:05.999999999Z')).toBe(base + 999);
    expect(parseTimestamp('2026-03-01T10:00:05.0019z')).toBe(base + 1);
    expect(parseTimestamp('2026-03-01T10:00:05.1234567890Z')).toBeUndefined();
    expect(parseTimestamp('2026-03-01T10:00:05.Z')).toBeUndefined();
  });

  it('reads every offset form: ±HH, ±HHMM and ±HH:MM', () => {
    const noon = Date.UTC(2026, 2, 1, 12, 0);
    expect(parseTimestamp('2026-03-01T12:00:00+02')).toBe(noon - 2 * 3_600_000);
    expect(parseTimestamp('2026-03-01T12:00:00-0930')).toBe(noon + 9.5 * 3_600_000);
    expect(parseTimestamp('2026-03-01T12:00-09:30')).toBe(noon + 9.5 * 3_600_000);
  });

  it('refuses malformed text around valid parts', () => {
    for (const text of ['2026-03-01T10:00:00Zjunk', ' 2026-03-01T10:00:00Z', '2026-03-01t10:00:00Z', '2026/03/01T10:00:00Z', '2026-3-01T10:00:00Z', '2026-03-01T10:00:0Z', '2026-03-01T10:00:00+2', '2026-03-01T10:00:00+02:', '2026-03-01T10:00:00+02:3', '2026-03-01T1a:00:00Z', '']) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
  });

  it('accepts a space for T, no seconds and a zone without a colon', () => {
    expect(parseTimestamp('2026-03-01 10:00Z')).toBe(Date.UTC(2026, 2, 1, 10, 0));
    expect(parseTimestamp('2026-03-01T10:00:00+0200')).toBe(Date.UTC(2026, 2, 1, 8, 0));
  });

  it('refuses instants without a zone and impossible calendar values', () => {
    for (const text of ['2026-03-01T10:00:00', '2026-02-29T10:00:00Z', '2026-13-01T10:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T10:60:00Z', '2026-03-01T10:00:00+24:00', 'yesterday']) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
  });
});
