// The demo's calendar: the UTC period being generated and the two string forms
// every record uses (ISO timestamps with milliseconds, YYYY-MM-DD dates).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The generated period: `days` whole UTC days, the last one being `end`. */
export interface DemoPeriod {
  readonly days: number;
  /** Midnight UTC of the first day. */
  readonly startMs: number;
  /** Midnight UTC after the last day (exclusive bound). */
  readonly endMs: number;
}

/** @example createPeriod(90, '2026-03-31') // 2026-01-01 .. 2026-03-31 */
export function createPeriod(days: number, end: string): DemoPeriod {
  if (!Number.isInteger(days) || days < 1) throw new Error(`demo days must be a positive integer, got ${days}`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!match) throw new Error(`demo end must be YYYY-MM-DD, got ${end}`);
  const endDayMs = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (isoDate(endDayMs) !== end) throw new Error(`demo end is not a calendar date: ${end}`);
  const endMs = endDayMs + DAY_MS;
  return { days, startMs: endMs - days * DAY_MS, endMs };
}

export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Day index within the period (0 = first day) of an instant. */
export function dayIndexOf(period: DemoPeriod, ms: number): number {
  return Math.floor((ms - period.startMs) / DAY_MS);
}

/** Midnight UTC of a day index. */
export function dayStartMs(period: DemoPeriod, day: number): number {
  return period.startMs + day * DAY_MS;
}

/** ISO weekday of a day index: 0 = Monday … 6 = Sunday. */
export function weekdayOf(period: DemoPeriod, day: number): number {
  return (new Date(dayStartMs(period, day)).getUTCDay() + 6) % 7;
}

/** Position of a day in the period, 0 at the first day and 1 at the last. */
export function periodFraction(period: DemoPeriod, day: number): number {
  return period.days <= 1 ? 0 : day / (period.days - 1);
}
