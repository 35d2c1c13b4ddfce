// Date ranges the way marketers pick them: presets relative to today (ending
// yesterday, the last complete day) or a custom from/to. Pure; dates are
// YYYY-MM-DD strings in the calendar of the viewer.
export const RANGE_PRESETS = [
  { id: 'last_7', label: 'Last 7 days' },
  { id: 'last_30', label: 'Last 30 days' },
  { id: 'last_90', label: 'Last 90 days' },
  { id: 'this_month', label: 'This month' },
  { id: 'last_month', label: 'Last month' },
  { id: 'custom', label: 'Custom' },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The dates a preset covers on `today`. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  const yesterday = addDays(today, -1);
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'last_7':
      return { from: addDays(yesterday, -6), to: yesterday };
    case 'last_30':
      return { from: addDays(yesterday, -29), to: yesterday };
    case 'last_90':
      return { from: addDays(yesterday, -89), to: yesterday };
    case 'this_month':
      return { from: monthStart, to: today };
    case 'last_month': {
      const lastMonthEnd = addDays(monthStart, -1);
      return { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd };
    }
  }
}

/** The period of the same length just before (what the API's previous_period compares with). */
export function previousRange(range: DateRange): DateRange {
  const days = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** A grain that gives a readable number of points for the range. */
export function defaultGrain(range: DateRange): 'day' | 'week' | 'month' {
  const days = daysBetween(range.from, range.to);
  return days <= 92 ? 'day' : days <= 400 ? 'week' : 'month';
}

export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
