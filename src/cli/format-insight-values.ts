// Values as the insight commands print them: a change with its sign in the
// metric's unit (percentage points for a percent), a relative change, and a
// share or probability in percent.
import type { Unit } from '../metrics/types.js';
import { formatNumberForUnit } from './format-query.js';

/**
 * @example signedValue(2.857, 'money', 'USD') // → '+USD 2.86'
 * @example signedValue(-0.5, 'percent', 'USD') // → '-0.50 pp'
 */
export function signedValue(value: number | null, unit: Unit, currency: string): string {
  if (value === null) return '–';
  const size = Math.abs(value);
  const sign = value < 0 && Number(size.toFixed(2)) !== 0 ? '-' : '+';
  return unit === 'percent' ? `${sign}${size.toFixed(2)} pp` : `${sign}${formatNumberForUnit(size, unit, currency)}`;
}

/**
 * A relative change with its sign, to one decimal at most.
 *
 * @example signedPercent(25) // → '+25 %'
 * @example signedPercent(-12.345) // → '-12.3 %'
 */
export function signedPercent(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded < 0 ? '-' : '+'}${Math.abs(rounded)} %`;
}

/**
 * A share in percent, rounded to a whole percent.
 *
 * @example share(57.14) // → '57 %'
 */
export function share(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} %`;
}
