// The alert rule body checked: defaults, each condition kind, the metric
// against the catalog, the schedule, the webhook and the action, and one 400
// naming every bad field.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { checkAlertBody, parseAlertRule, type RuleContext, type RuleMetric } from './alert-rule-input.js';

const context: RuleContext = { metrics: CATALOG_BY_ID, timeZone: 'Europe/Paris' };
const WEBHOOK = { url: 'https://hooks.example/beacon' };
const CPA_ABOVE_40 = { name: 'CPA too high', metric: 'cpa', condition: { kind: 'threshold', op: 'above', value: 40 }, webhook: WEBHOOK };

const parse = (body: unknown, ctx: RuleContext = context) => parseAlertRule(checkAlertBody(body), ctx);

/** The problems a body gets, as { field: message }. */
function problems(body: unknown, ctx: RuleContext = context): Record<string, string> {
  try {
    parse(body, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).status).toBe(400);
    return Object.fromEntries(((err as ValidationError).details as { field: string; message: string }[]).map((p) => [p.field, p.message]));
  }
  throw new Error('no problem found');
}

describe('parseAlertRule', () => {
  it('fills in the defaults: no filters, day, no breakdown, hourly, not realtime, 60 minutes of cool-down, JSON, no action', () => {
    expect(parse(CPA_ABOVE_40)).toEqual({
      name: 'CPA too high',
      metric: 'cpa',
      filters: [],
      grain: 'day',
      condition: { kind: 'threshold', op: 'above', value: 40 },
      by: null,
      schedule: '0 * * * *',
      realtime: false,
      cooldown_minutes: 60,
      webhook: { url: 'https://hooks.example/beacon', format: 'json' },
      action: null,
    });
  });

  it('reads the example of the API reference whole', () => {
    const body = {
      name: 'CPA too high',
      metric: 'cpa',
      filters: [{ dimension: 'channel', op: 'in', values: ['paid_search', 'paid_social'] }],
      grain: 'day',
      condition: { kind: 'threshold', op: 'above', value: 40 },
      by: 'campaign',
      schedule: '0 * * * *',
      realtime: true,
      cooldown_minutes: 60,
      webhook: { url: 'https://hooks.example/beacon', secret: 'a-secret-of-24-characters', format: 'slack' },
      action: { action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 },
    };
    expect(parse(body)).toEqual(body);
  });

  it('reads each kind of condition, with the anomaly sensitivity defaulting to 0.99', () => {
    expect(parse({ ...CPA_ABOVE_40, condition: { kind: 'change', op: 'below', percent: 25 } }).condition).toEqual({ kind: 'change', op: 'below', percent: 25 });
    expect(parse({ ...CPA_ABOVE_40, metric: 'cost', condition: { kind: 'anomaly' } }).condition).toEqual({ kind: 'anomaly', sensitivity: 0.99 });
    expect(parse({ ...CPA_ABOVE_40, metric: 'cost', condition: { kind: 'anomaly', sensitivity: 0.999 } }).condition).toEqual({ kind: 'anomaly', sensitivity: 0.999 });
    const goal = parse({ name: 'Leads', condition: { kind: 'goal_pace', goal_id: 'goal_1' }, webhook: WEBHOOK });
    expect([goal.metric, goal.condition]).toEqual([null, { kind: 'goal_pace', goal_id: 'goal_1' }]);
    const funnel = parse({ name: 'Checkout', condition: { kind: 'funnel', steps: ['page_view', 'add_to_cart', 'purchase'], window_days: 7, op: 'below', value: 2.5 }, by: 'channel', webhook: WEBHOOK });
    expect([funnel.metric, funnel.by, funnel.condition]).toEqual([null, 'channel', { kind: 'funnel', steps: ['page_view', 'add_to_cart', 'purchase'], window_days: 7, op: 'below', value: 2.5 }]);
  });

  it('takes hourly buckets for a metric read from timestamped events', () => {
    expect(parse({ ...CPA_ABOVE_40, metric: 'visitors', grain: 'hour' }).grain).toBe('hour');
  });

  it('trims the name and keeps a pause action bare', () => {
    const rule = parse({ ...CPA_ABOVE_40, name: '  CPA  ', action: { action: 'pause' } });
    expect([rule.name, rule.action]).toEqual(['CPA', { action: 'pause' }]);
  });

  it.each([
    [{ metric: 'cpaa' }, 'metric', 'unknown metric "cpaa"; did you mean cpa'],
    [{ metric: undefined }, 'metric', 'is required for a threshold condition'],
    [{ grain: 'hour' }, 'grain', '"cpa" reads daily data (ad_performance or costs): use day or coarser'],
    [{ grain: 'quarter' }, 'grain', 'must be one of hour, day, week, month'],
    [{ metric: 'visitors', grain: 'hour', condition: { kind: 'anomaly' } }, 'grain', 'an anomaly condition needs day, week or month'],
    [{ by: 'device' }, 'by', 'must be one of campaign, channel'],
    [{ metric: 'nps', by: 'campaign', filters: [{ dimension: 'ad_group', op: 'eq', values: ['g1'] }] }, 'filters[0].dimension', '"nps" cannot be filtered by ad_group'],
    [{ filters: [{ dimension: 'channel', op: 'eq', values: ['a', 'b'] }] }, 'filters[0].values', 'op "eq" takes exactly one value'],
    [{ schedule: '0 0 * * * *' }, 'schedule', 'is not a cron expression'],
    [{ schedule: '0 0 30 2 *' }, 'schedule', 'never runs'],
    [{ cooldown_minutes: 20_000 }, 'cooldown_minutes', '10080'],
    [{ cooldown_minutes: 1.5 }, 'cooldown_minutes', 'integer'],
    [{ webhook: { url: 'not a url' } }, 'webhook.url', 'is not a URL'],
    [{ webhook: { url: 'ftp://files.example/drop' } }, 'webhook.url', 'must be http or https, not ftp'],
    [{ webhook: { url: 'https://hooks.example/x', secret: 'short' } }, 'webhook.secret', 'at least 16 characters (got 5)'],
    [{ webhook: { url: 'https://hooks.example/x', format: 'xml' } }, 'webhook.format', 'must be one of json, slack'],
    [{ action: { action: 'decrease_budget' } }, 'action.by_percent', 'is required for decrease_budget'],
    [{ action: { action: 'decrease_bid', by_percent: 0 } }, 'action.by_percent', 'must be from 1 to 100 (got 0)'],
    [{ action: { action: 'increase_budget', by_percent: 120 } }, 'action.by_percent', 'must be from 1 to 100 (got 120)'],
    [{ action: { action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 10 } }, 'action.max_change_per_day_percent', '(10) is below by_percent (20)'],
    [{ action: { action: 'pause', by_percent: 10 } }, 'action.by_percent', 'applies to budget and bid changes, not to pause'],
    [{ action: { action: 'stop' } }, 'action.action', 'must be one of pause, decrease_budget, increase_budget, decrease_bid, increase_bid'],
    [{ condition: { kind: 'threshold', op: 'above' } }, 'condition.value', 'is required for a threshold condition'],
    [{ condition: { kind: 'threshold', op: 'over', value: 1 } }, 'condition.op', 'must be one of above, below'],
    [{ condition: { kind: 'threshold', op: 'above', value: 1, percent: 5 } }, 'condition.percent', 'does not belong to a threshold condition, which takes op, value'],
    [{ condition: { kind: 'change', op: 'above', percent: 0 } }, 'condition.percent', 'must be a percentage above 0'],
    [{ condition: { kind: 'anomaly', sensitivity: 0.3 } }, 'condition.sensitivity', 'from 0.5 to 0.999999 (got 0.3)'],
    [{ condition: { kind: 'weird' } }, 'condition.kind', 'must be one of threshold, change, anomaly, goal_pace, funnel'],
    [{ metric: undefined, condition: { kind: 'funnel', steps: ['page_view'], window_days: 7, op: 'below', value: 5 } }, 'condition.steps', 'must list 2 to 10 steps, first to last (got 1)'],
    [{ metric: undefined, condition: { kind: 'funnel', steps: ['a', 'b'], window_days: 400, op: 'below', value: 5 } }, 'condition.window_days', 'at most 365 days (got 400)'],
    [{ metric: undefined, condition: { kind: 'funnel', steps: ['a', 'b'], window_days: 7, op: 'below', value: 120 } }, 'condition.value', 'must be a conversion in percent from 0 to 100 (got 120)'],
    [{ condition: { kind: 'funnel', steps: ['a', 'b'], window_days: 7, op: 'below', value: 5 } }, 'metric', 'does not go with a funnel condition'],
    [{ condition: { kind: 'goal_pace', goal_id: 'g' }, by: 'campaign' }, 'by', 'does not go with a goal_pace condition'],
    [{ extra: 1 }, 'extra', 'Unexpected property'],
  ])('refuses %j: %s', (change, field, message) => {
    expect(problems({ ...CPA_ABOVE_40, ...change })[field]).toContain(message);
  });

  it('reads a data_quality condition, errors by default, and refuses a metric, filters or a breakdown beside it', () => {
    const body = { name: 'Data broke', condition: { kind: 'data_quality' }, webhook: WEBHOOK };
    expect(parse(body)).toMatchObject({ metric: null, condition: { kind: 'data_quality', severity: 'error' } });
    expect(parse({ ...body, condition: { kind: 'data_quality', severity: 'warning' } }).condition).toEqual({ kind: 'data_quality', severity: 'warning' });
    expect(problems({ ...body, metric: 'cpa', by: 'campaign', filters: [{ dimension: 'channel', op: 'eq', values: ['Email'] }] })).toEqual({
      metric: 'does not go with a data_quality condition, whose value is the number of findings',
      filters: 'do not go with a data_quality condition: the audit covers the whole workspace',
      by: 'does not go with a data_quality condition: findings are not split by segment',
    });
  });

  it('names every bad field in one 400', () => {
    const found = problems({ ...CPA_ABOVE_40, metric: 'cots', schedule: 'hourly', webhook: { url: 'mailto:x@example.com' }, action: { action: 'increase_bid', by_percent: 101 } });
    expect(Object.keys(found).sort()).toEqual(['action.by_percent', 'metric', 'schedule', 'webhook.url']);
    // "cots" is two edits from ces, cost and ctr alike.
    expect(found.metric).toBe('unknown metric "cots"; did you mean ces, cost or ctr? (GET /v1/catalog lists every metric)');
  });

  it('refuses a comparison on a metric that is not a number', () => {
    // No metric of the built-in catalog is anything but a number; a catalog may hold one that is.
    const label: RuleMetric = { unit: 'text', dimensions: ['campaign'], facts: ['ad'] };
    const withText: RuleContext = { metrics: new Map<string, RuleMetric>([...CATALOG_BY_ID, ['top_headline', label]]), timeZone: 'UTC' };
    for (const condition of [{ kind: 'threshold', op: 'above', value: 1 }, { kind: 'change', op: 'above', percent: 10 }, { kind: 'anomaly' }]) {
      expect(problems({ ...CPA_ABOVE_40, metric: 'top_headline', condition }, withText).metric).toBe(`"top_headline" is measured in text, not a number: a ${condition.kind} condition cannot compare it`);
    }
  });

  it('checks the schedule with the workspace time zone', () => {
    expect(parse({ ...CPA_ABOVE_40, schedule: '30 8 * * MON-FRI' }, { ...context, timeZone: 'America/New_York' }).schedule).toBe('30 8 * * MON-FRI');
    expect(problems({ ...CPA_ABOVE_40, schedule: '30 25 * * *' }, { ...context, timeZone: 'Asia/Tokyo' }).schedule).toBe('is not a cron expression: Invalid value for hour: 25');
  });

  it('never echoes the secret or the path of the webhook URL in an error', () => {
    const err = (() => {
      try {
        parse({ ...CPA_ABOVE_40, webhook: { url: 'gopher://hooks.example/T000/B000/path-secret', secret: 'tiny-secret' } });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err?.message).not.toContain('path-secret');
    expect(err?.message).not.toContain('tiny-secret');
  });
});
