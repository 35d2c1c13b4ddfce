// The first instant of a calendar date in an IANA time zone: what a date
// written without a time means once the zone it was written in is known.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Epoch ms of the start of `date` (YYYY-MM-DD) in `zone`: local midnight, the
 * earlier one when clocks repeat it, and the moment the clocks jump when they
 * skip it (America/Santiago starts summer time at 00:00, so its day starts at 01:00).
 * @example zoneMidnight('2026-12-01', 'Europe/Berlin') // Date.UTC(2026, 10, 30, 23)
 */
export function zoneMidnight(date: string, zone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`);
  // A zone changes its offset at most once around a midnight: it is the offset
  // in force the day before or the one in force the day after.
  const before = naive - offsetAt(naive - DAY_MS, zone);
  const after = naive - offsetAt(naive + DAY_MS, zone);
  for (const instant of before <= after ? [before, after] : [after, before]) {
    if (wallClock(instant, zone) === `${date} 00:00:00`) return instant;
  }
  // No local midnight that day: the day starts where the clocks jump past it.
  return before;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const w = wallClockParts(ms, zone);
  const utc = new Date(0);
  utc.setUTCFullYear(w.y, w.mo - 1, w.d);
  utc.setUTCHours(w.h, w.mi, w.s, 0);
  return utc.getTime() - Math.floor(ms / 1000) * 1000;
}

/** The wall-clock fields of an instant in a zone. */
export function wallClockParts(ms: number, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  return { y: +parts.year, mo: +parts.month, d: +parts.day, h: +parts.hour, mi: +parts.minute, s: +parts.second };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The local date and time of an instant in a zone, `YYYY-MM-DD HH:MM:SS`. */
function wallClock(ms: number, zone: string): string {
  const w = wallClockParts(ms, zone);
  return `${String(w.y).padStart(4, '0')}-${two(w.mo)}-${two(w.d)} ${two(w.h)}:${two(w.mi)}:${two(w.s)}`;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}
