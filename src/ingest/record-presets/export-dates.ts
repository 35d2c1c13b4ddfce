// Date-times as marketing tools export them. Only forms that read one way are
// accepted: a day-month order that depends on the exporting account's locale
// (05.03.2024, 05/03/2024 14:22) is refused with the accepted forms, never guessed.
import { isValidDate, parseTimestamp } from '../../core/time.js';
import { wallClockParts } from '../../core/zone-midnight.js';

/** The forms an export's date-times may take, for messages and docs. */
export const ACCEPTED_DATE_TIMES =
  '2024-03-05 14:22 (seconds optional), 2024-03-05, 03/05/2024 2:22 PM (US: month first, 12-hour clock) or ISO-8601 with a zone (2024-03-05T14:22:00Z)';

export type DateTimeResult = { readonly timestamp: string } | { readonly error: string };

// 2024-03-05 14:22, 2024-03-05T14:22:10.5
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// 03/05/2024 2:22 PM, 3/5/2024 02:22:10 pm
const US_12_HOUR = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i;

/**
 * The instant a date-time cell means, as ISO-8601 UTC text. A value without a
 * zone is read in `zone` (the export's, e.g. --assume-timezone); without one it
 * is refused with the way to name it.
 * @example readExportDateTime('03/05/2024 2:22 PM', 'Became a Lead Date', 'UTC') // { timestamp: '2024-03-05T14:22:00.000Z' }
 */
export function readExportDateTime(text: string, column: string, zone: string | undefined): DateTimeResult {
  const value = text.trim();
  const zoned = parseTimestamp(value);
  if (zoned !== undefined) return { timestamp: new Date(zoned).toISOString() };
  const wall = wallTime(value);
  if (wall === undefined) {
    return { error: `column "${column}": "${value}" is not a date-time Beacon reads unambiguously; accepted: ${ACCEPTED_DATE_TIMES}` };
  }
  if (zone === undefined) {
    return {
      error:
        `column "${column}": "${value}" has no time zone: name the zone the export was written in ` +
        'with --assume-timezone ZONE (HTTP: ?assume_timezone=ZONE), e.g. America/New_York or UTC',
    };
  }
  return { timestamp: new Date(zoneWallTime(wall, zone)).toISOString() };
}

interface WallTime {
  readonly date: string;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
}

function wallTime(value: string): WallTime | undefined {
  let m = LOCAL_ISO.exec(value);
  if (m !== null) return checked(`${m[1]}-${m[2]}-${m[3]}`, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = US_12_HOUR.exec(value);
  if (m !== null) {
    const hour12 = Number(m[4]);
    if (hour12 < 1 || hour12 > 12) return undefined;
    const h = (hour12 % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
    return checked(`${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`, h, Number(m[5]), Number(m[6] ?? 0));
  }
  return undefined;
}

function checked(date: string, h: number, mi: number, s: number): WallTime | undefined {
  return isValidDate(date) && h < 24 && mi < 60 && s < 60 ? { date, h, mi, s } : undefined;
}

/** Epoch ms of a wall-clock time in a zone (in a repeated hour, the earlier instant). */
function zoneWallTime(wall: WallTime, zone: string): number {
  const [y, mo, d] = wall.date.split('-').map(Number);
  const naive = Date.UTC(y, mo - 1, d, wall.h, wall.mi, wall.s);
  // The offset at the naive instant is right except within hours of a change; one more step settles it.
  let instant = naive - offsetAt(naive, zone);
  instant = naive - offsetAt(instant, zone);
  return instant;
}

function offsetAt(ms: number, zone: string): number {
  const w = wallClockParts(ms, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}
