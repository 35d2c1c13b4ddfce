// Parsing and formatting of instants and calendar dates, time-zone aware, and
// the time grains every layer buckets by.

/** Time buckets of queries and reports; weeks are ISO weeks starting Monday. */
export const GRAINS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO-8601 timestamp that carries a zone;
 * undefined if invalid. Accepted: YYYY-MM-DD, then T or a space, HH:MM,
 * optional :SS with an optional fraction (. or , and 1–9 digits, read to the
 * millisecond, truncated), then Z or an offset ±HH, ±HHMM or ±HH:MM. It runs
 * once per ingested event, so it reads character codes instead of a regex.
 */
export function parseTimestamp(text: string): number | undefined {
  const n = text.length;
  if (n < 17 || n > 40) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const t = text.charCodeAt(10);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 32) || text.charCodeAt(13) !== 58) return undefined;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58 /* : */) {
    second = digitsAt(text, i + 1, 2);
    if (second < 0) return undefined;
    i += 3;
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ || c === 44 /* , */) {
      const start = ++i;
      while (i < n && i - start < 9 && isDigit(text.charCodeAt(i))) i++;
      if (i === start) return undefined;
      // The first three digits are the milliseconds (".5" is 500); the rest are dropped.
      for (let k = 0; k < 3; k++) ms = ms * 10 + (start + k < i ? text.charCodeAt(start + k) - 48 : 0);
    }
  }
  const offsetMinutes = zoneOffset(text, i);
  if (offsetMinutes === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC reads the years 0–99 as 1900–1999; set such a year explicitly.
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  return utc - offsetMinutes * 60_000;
}

/** The offset in minutes of the zone that starts at `i` and ends the text: Z, ±HH, ±HHMM or ±HH:MM. */
function zoneOffset(text: string, i: number): number | undefined {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 90 /* Z */ || c === 122 /* z */) return i + 1 === n ? 0 : undefined;
  if (c !== 43 /* + */ && c !== 45 /* - */) return undefined;
  const oh = digitsAt(text, i + 1, 2);
  let om = 0;
  const rest = n - (i + 3);
  if (rest === 3 && text.charCodeAt(i + 3) === 58 /* : */) om = digitsAt(text, i + 4, 2);
  else if (rest === 2) om = digitsAt(text, i + 3, 2);
  else if (rest !== 0) return undefined;
  if (oh < 0 || om < 0 || oh > 23 || om > 59) return undefined;
  return (c === 45 ? -1 : 1) * (oh * 60 + om);
}

/** The number written by `count` decimal digits at `start`; -1 if any is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  return utcDate(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);
}

/** True when the IANA zone name is known to this runtime. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant in a time zone, YYYY-MM-DD (en-CA writes dates that way). */
export function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}
