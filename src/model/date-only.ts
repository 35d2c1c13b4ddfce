// A date without a time (2026-12-01) where a source needs an instant: it
// means an instant only in a known zone, so it is read as that zone's midnight
// when the importer names one, and refused with the way to name it otherwise.
import { isValidDate } from '../core/time.js';
import { zoneMidnight } from '../core/zone-midnight.js';

/** @example isDateOnly('2026-12-01') // true; isDateOnly('2026-12-01T00:00:00Z') // false */
export function isDateOnly(value: unknown): value is string {
  return typeof value === 'string' && value.length === 10 && isValidDate(value);
}

/**
 * The instant a date-only value means in a zone, as ISO-8601 UTC text.
 * @example dateAsMidnight('2026-12-01', 'Europe/Berlin') // '2026-11-30T23:00:00.000Z'
 */
export function dateAsMidnight(date: string, zone: string): string {
  return new Date(zoneMidnight(date, zone)).toISOString();
}

/** Why a date-only value is refused, naming the option of either edge that accepts it. */
export function dateOnlyMessage(date: string): string {
  return (
    `is a date without a time, got "${date}": send a time and zone (${date}T00:00:00Z), ` +
    'or name the zone the dates are in with --assume-timezone ZONE (HTTP: ?assume_timezone=ZONE), ' +
    'e.g. Europe/Berlin or UTC, to read each date as midnight there'
  );
}
