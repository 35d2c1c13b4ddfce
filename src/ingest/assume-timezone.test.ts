import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { parseAssumeTimezone } from './assume-timezone.js';

describe('parseAssumeTimezone', () => {
  it('takes an IANA zone or UTC, and nothing when the option is absent or empty', () => {
    expect(parseAssumeTimezone('Europe/Berlin', '--assume-timezone')).toBe('Europe/Berlin');
    expect(parseAssumeTimezone(' UTC ', 'assume_timezone')).toBe('UTC');
    expect(parseAssumeTimezone(undefined, '--assume-timezone')).toBeUndefined();
    expect(parseAssumeTimezone('', 'assume_timezone')).toBeUndefined();
  });

  it('refuses an unknown zone naming the option', () => {
    expect(() => parseAssumeTimezone('Mars/Olympus', '--assume-timezone')).toThrow(ValidationError);
    expect(() => parseAssumeTimezone('Mars/Olympus', 'assume_timezone')).toThrow(
      'assume_timezone: unknown time zone "Mars/Olympus"; expected an IANA name such as Europe/Berlin or America/New_York, or UTC',
    );
  });
});
