// The zone an import's date-only timestamps are read in (--assume-timezone,
// ?assume_timezone=), checked before anything is read.
import { ValidationError } from '../core/errors.js';
import { isValidTimeZone } from '../core/time.js';

/**
 * The zone named by an option, or undefined when the option is absent; an
 * unknown name is the caller's mistake, told with the option's name.
 * @example parseAssumeTimezone('Europe/Berlin', '--assume-timezone') // 'Europe/Berlin'
 */
export function parseAssumeTimezone(value: string | undefined, option: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const zone = value.trim();
  if (!isValidTimeZone(zone)) {
    throw new ValidationError(`${option}: unknown time zone "${zone}"; expected an IANA name such as Europe/Berlin or America/New_York, or UTC`, { [option]: zone });
  }
  return zone;
}
