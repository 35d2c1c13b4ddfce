// When a rule's schedule runs: a five-field cron expression read in the
// workspace's time zone (croner does the calendar and the daylight-saving
// shifts), the next runs after an instant, and the runs missed while Beacon
// was down, so that catching up evaluates a rule once rather than once per
// missed run. Pure: every instant is an argument, nothing reads the clock.
import { Cron } from 'croner';
import { isValidTimeZone } from '../core/time.js';

/** Every hour on the hour: the schedule of a rule that names none. */
export const DEFAULT_SCHEDULE = '0 * * * *';

/** Missed runs counted one by one before the count stops and says "at least". */
export const MAX_COUNTED_MISSED_RUNS = 1_000;

/**
 * Why the expression is not a schedule Beacon runs, or null when it is.
 * Five fields (minute hour day-of-month month day-of-week, with names, lists,
 * ranges, steps, `L`, `#` and the nicknames `@hourly` … `@yearly`); a
 * seconds field is refused, as is an expression that never comes round
 * (the 31st of February).
 *
 * @example scheduleProblem('0 9 * * MON-FRI', 'Europe/Paris') // → null
 * @example scheduleProblem('61 * * * *', 'UTC') // → 'is not a cron expression: Invalid value for minute: 61'
 */
export function scheduleProblem(expression: string, timeZone: string): string | null {
  let cron: Cron;
  try {
    cron = cronOf(expression, timeZone);
  } catch (error) {
    return `is not a cron expression: ${cronMessage(error)}`;
  }
  // The year after the epoch is as good a start as any to see whether it ever runs.
  return cron.nextRun(new Date(0)) === null ? `never runs: no date matches "${expression}"` : null;
}

/**
 * The first `count` runs strictly after `after` (ms since the epoch), as
 * instants; fewer when the schedule ends. A wall-clock time skipped by a
 * daylight-saving jump runs at the first instant after the jump; one that
 * occurs twice runs once (an every-N-minutes schedule runs in both passes).
 *
 * @example nextRuns('0 9 * * *', 'Europe/Paris', Date.parse('2026-06-01T08:00:00Z'), 2)
 * // → [Date.parse('2026-06-02T07:00:00Z'), Date.parse('2026-06-03T07:00:00Z')]
 */
export function nextRuns(expression: string, timeZone: string, after: number, count: number): number[] {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number of runs, got ${count}`);
  return cronOf(expression, timeZone)
    .nextRuns(count, new Date(after))
    .map((run) => run.getTime());
}

/**
 * The first run strictly after `after`, or null when the schedule has none.
 *
 * @example nextRun('0 * * * *', 'UTC', Date.parse('2026-06-01T10:00:00Z')) // → Date.parse('2026-06-01T11:00:00Z')
 */
export function nextRun(expression: string, timeZone: string, after: number): number | null {
  return nextRuns(expression, timeZone, after, 1)[0] ?? null;
}

export interface MissedRuns {
  /** Runs after the last one and at or before now (at most MAX_COUNTED_MISSED_RUNS when `atLeast`). */
  readonly count: number;
  /** True when there were more runs than were counted. */
  readonly atLeast: boolean;
  /** The latest of them, the one a catch-up evaluation stands for; null when none was missed. */
  readonly latest: number | null;
}

/**
 * The runs due after `lastRun` up to and including `now`. A scheduler that
 * starts (or wakes) late evaluates the rule once when `count` > 0, on the
 * data as it is now, not once per run it slept through.
 *
 * @example missedRuns('0 * * * *', 'UTC', Date.parse('2026-06-01T07:00:00Z'), Date.parse('2026-06-01T10:30:00Z'))
 * // → { count: 3, atLeast: false, latest: Date.parse('2026-06-01T10:00:00Z') } (08:00, 09:00, 10:00)
 */
export function missedRuns(expression: string, timeZone: string, lastRun: number, now: number): MissedRuns {
  const cron = cronOf(expression, timeZone);
  let count = 0;
  let latest: number | null = null;
  let run = cron.nextRun(new Date(lastRun));
  while (run !== null && run.getTime() <= now) {
    latest = run.getTime();
    if (++count === MAX_COUNTED_MISSED_RUNS) {
      // Counting stops here; the latest run comes from walking back from now instead.
      const back = cron.previousRuns(1, new Date(now + 1))[0];
      const more = back !== undefined && back.getTime() > latest;
      return { count, atLeast: more, latest: more ? back.getTime() : latest };
    }
    run = cron.nextRun(run);
  }
  return { count, atLeast: false, latest };
}

/** A job that is never started: croner only computes dates here, it schedules nothing. */
function cronOf(expression: string, timeZone: string): Cron {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  // domAndDow false: a day-of-month and a day-of-week both given match either, as Vixie cron does.
  return new Cron(expression, { timezone: timeZone, mode: '5-part', domAndDow: false, paused: true });
}

/** croner's message without its "CronPattern: " prefix. */
function cronMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^CronPattern:\s*/, '');
}
