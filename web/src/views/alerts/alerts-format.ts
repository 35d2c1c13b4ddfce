// Alert rules and firings in words: what a rule watches (its metric and
// condition), where (its filters and breakdown), when it runs (its cron
// schedule where it reads simply), its state, a firing's recommended action
// and webhook delivery, and times relative to now. Pure.
import type { AlertFiring, AlertRuleReport, AlertState } from '../../api/client';
import { formatValue } from '../../frame/format';

type Condition = AlertRuleReport['condition'];
type Filter = AlertRuleReport['filters'][number];
type Delivery = AlertFiring['delivery'];
export type RecommendedAction = NonNullable<AlertFiring['action']>;
export type AlertStatus = AlertState['status'];
export type StateTone = 'bad' | 'warn' | 'neutral';

const number = (value: number) => formatValue(value, 'count');
const signedNumber = (value: number) => (value < 0 ? `−${number(-value)}` : number(value));

/**
 * What a rule watches, in words.
 *
 * @example describeCondition({ kind: 'threshold', op: 'above', value: 40 }, 'day', 'CPA') // 'CPA above 40 per day'
 */
export function describeCondition(condition: Condition, grain: AlertRuleReport['grain'], label: string | null, goalName?: string): string {
  const what = label ?? 'the value';
  switch (condition.kind) {
    case 'threshold':
      return `${what} ${condition.op} ${signedNumber(condition.value)} per ${grain}`;
    case 'change':
      return `${what} change ${condition.op} ${condition.op === 'below' ? '−' : ''}${number(condition.percent)} % vs previous ${grain}`;
    case 'anomaly':
      return `${what} anomaly per ${grain} (sensitivity ${condition.sensitivity})`;
    case 'goal_pace':
      return `goal pace of ${goalName ?? condition.goal_id}`;
    case 'funnel':
      return `funnel ${condition.steps.join(' → ')} conversion ${condition.op} ${number(condition.value)} % (${condition.window_days}-day window)`;
    case 'data_quality':
      return `data-quality findings (${condition.severity === 'error' ? 'errors' : 'errors or warnings'})`;
  }
}

const OPS: Record<Filter['op'], string> = { eq: '=', neq: '≠', in: 'in', not_in: 'not in', contains: 'contains' };

/** The rule's filters and breakdown: "channel = Paid Search · per campaign"; "everything" without either. */
export function describeScope(filters: readonly Filter[], by: AlertRuleReport['by'], names: ReadonlyMap<string, string> = new Map()): string {
  const parts = filters.map((f) => {
    const values = f.values.map((v) => (f.dimension === 'campaign' ? (names.get(v) ?? v) : v)).join(', ');
    return `${f.dimension} ${OPS[f.op]} ${values}`;
  });
  if (by) parts.push(`per ${by}`);
  return parts.length > 0 ? parts.join(' · ') : 'everything';
}

const TIME_FIELD = /^\d{1,2}$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A five-field cron schedule in words where it reads simply ("hourly",
 * "daily at 08:30", "Mondays at 09:00"), else the cron text itself; "+
 * real-time" when the rule also runs after each ingestion.
 *
 * @example describeSchedule('0 * * * *', true) // 'hourly + real-time'
 */
export function describeSchedule(cron: string, realtime: boolean): string {
  return `${scheduleWords(cron.trim())}${realtime ? ' + real-time' : ''}`;
}

function scheduleWords(cron: string): string {
  const fields = cron.split(/\s+/);
  if (fields.length !== 5) return cron;
  const [minute, hour, day, month, weekday] = fields;
  const clock = () => `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (month !== '*') return cron;
  if (minute === '*' && hour === '*' && day === '*' && weekday === '*') return 'every minute';
  const everyMinutes = /^\*\/(\d+)$/.exec(minute);
  if (everyMinutes && hour === '*' && day === '*' && weekday === '*') return `every ${everyMinutes[1]} minutes`;
  if (!TIME_FIELD.test(minute) || Number(minute) > 59) return cron;
  const everyHours = /^\*\/(\d+)$/.exec(hour);
  if (day === '*' && weekday === '*') {
    if (hour === '*') return minute === '0' ? 'hourly' : `hourly at :${minute.padStart(2, '0')}`;
    if (everyHours) return `every ${everyHours[1]} hours${minute === '0' ? '' : ` at :${minute.padStart(2, '0')}`}`;
  }
  if (!TIME_FIELD.test(hour) || Number(hour) > 23) return cron;
  if (day === '*' && weekday === '*') return `daily at ${clock()}`;
  if (day === '*' && weekday === '1-5') return `weekdays at ${clock()}`;
  if (day === '*' && /^[0-7]$/.test(weekday)) return `${WEEKDAYS[Number(weekday)]}s at ${clock()}`;
  if (weekday === '*' && /^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31) return `monthly on day ${Number(day)} at ${clock()}`;
  return cron;
}

export const STATUS_LABELS: Record<AlertStatus, string> = { idle: 'Idle', firing: 'Firing', acknowledged: 'Acknowledged', cooling_down: 'Cooling down', cleared: 'Cleared' };

/** The colour of a state's badge: firing red, acknowledged and cooling down amber, the rest neutral. */
export function stateTone(status: AlertStatus): StateTone {
  if (status === 'firing') return 'bad';
  if (status === 'acknowledged' || status === 'cooling_down') return 'warn';
  return 'neutral';
}

const ACTION_VERBS: Record<RecommendedAction['action'], [string, string]> = {
  pause: ['Pause', ''],
  decrease_budget: ['Decrease', 'budget'],
  increase_budget: ['Increase', 'budget'],
  decrease_bid: ['Decrease', 'bid'],
  increase_bid: ['Increase', 'bid'],
};

/**
 * A recommended action in words, the campaign by its name where known.
 *
 * @example describeAction({ action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, because: '…' }, new Map([['c1', 'Brand']]))
 * // 'Decrease budget of campaign Brand by 20 %'
 */
export function describeAction(action: Pick<RecommendedAction, 'action' | 'campaign_id' | 'by_percent'>, names: ReadonlyMap<string, string> = new Map()): string {
  const [verb, lever] = ACTION_VERBS[action.action];
  const campaign = action.campaign_id === undefined ? null : `campaign ${names.get(action.campaign_id) ?? action.campaign_id}`;
  const by = action.by_percent === undefined ? '' : ` by ${number(action.by_percent)} %`;
  if (action.action === 'pause') return campaign ? `Pause ${campaign}` : 'Pause the campaign';
  return `${verb} ${lever}${campaign ? ` of ${campaign}` : ''}${by}`;
}

export interface DeliveryWords {
  delivered: boolean;
  /** "delivered" or "failed: HTTP 500" / "failed: <error>". */
  text: string;
  attempts: string;
}

/** A firing's webhook delivery: delivered or failed with the last status code or error, and its attempts. */
export function describeDelivery(delivery: Delivery): DeliveryWords {
  const count = delivery.attempts.length;
  const attempts = `${count} attempt${count === 1 ? '' : 's'}`;
  if (delivery.delivered) return { delivered: true, text: 'delivered', attempts };
  const last = delivery.attempts[count - 1];
  const why = last?.status !== undefined ? `HTTP ${last.status}` : (last?.error ?? delivery.error ?? 'not sent');
  return { delivered: false, text: `failed: ${why}`, attempts };
}

export const TRIGGER_LABELS: Record<NonNullable<AlertFiring['trigger']>, string> = { schedule: 'scheduled', catch_up: 'catch-up', realtime: 'real-time', manual: 'run by hand' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * An instant relative to now, rounded down: "just now", "5 min ago", "in 3 h", "2 days ago".
 *
 * @example relativeTime('2026-12-07T17:00:00Z', Date.parse('2026-12-07T18:00:00Z')) // '1 h ago'
 */
export function relativeTime(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return iso;
  const gap = at - now;
  const size = Math.abs(gap);
  if (size < MINUTE) return gap > 0 ? 'in under a minute' : 'just now';
  const amount = size < HOUR ? `${Math.floor(size / MINUTE)} min` : size < DAY ? `${Math.floor(size / HOUR)} h` : `${Math.floor(size / DAY)} day${Math.floor(size / DAY) === 1 ? '' : 's'}`;
  return gap > 0 ? `in ${amount}` : `${amount} ago`;
}

/** An instant written out in the viewer's time zone (or the one given): "Dec 7, 2026, 18:00:05 UTC". */
export function exactTime(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (!Number.isFinite(at.getTime())) return iso;
  return at.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'long', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
}

/** A percent of contribution, signed with one decimal: "+62.5 %", "−12.0 %". */
export function formatContribution(percent: number): string {
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${Math.abs(percent).toFixed(1)} %`;
}
