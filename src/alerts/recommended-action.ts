// What a firing rule recommends doing about a campaign (pause it, or move its
// budget or bid by a percentage), with a sentence saying why, kept within the
// rule's guard rail: the budget (or bid) changes recommended for one campaign
// in one day add up to at most `max_change_per_day_percent`. Pure.

export const ACTION_KINDS = ['pause', 'decrease_budget', 'increase_budget', 'decrease_bid', 'increase_bid'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** A rule's automation, as the rule states it. */
export interface ActionRule {
  readonly action: ActionKind;
  /** How much to change the budget or bid; required except for `pause`. */
  readonly by_percent?: number;
  /** At most this much change per campaign and day, counting every change of the same lever recommended that day. */
  readonly max_change_per_day_percent?: number;
}

/** The recommendation a firing carries (its `action`). */
export interface RecommendedAction {
  readonly action: ActionKind;
  readonly campaign_id?: string;
  readonly by_percent?: number;
  /** Why, in one sentence: "CPA 38 % above target for 3 days". */
  readonly because: string;
}

/** A recommendation made earlier, as the daily guard rail counts it. */
export interface PastRecommendation {
  readonly action: ActionKind;
  readonly campaign_id?: string;
  readonly by_percent?: number;
  /** The day it was made: YYYY-MM-DD in the workspace's time zone. */
  readonly day: string;
}

export interface ActionDecision {
  /** Null when the guard rail leaves nothing to recommend today; `note` says why. */
  readonly recommended: RecommendedAction | null;
  readonly note?: string;
}

export interface Deviation {
  readonly metricLabel: string;
  readonly value: number;
  readonly target: number;
  /** Consecutive days it has been off target, when known. */
  readonly days?: number;
}

/**
 * One sentence on how far a metric is from its target, in whole percent.
 *
 * @example
 * describeDeviation({ metricLabel: 'CPA', value: 55.2, target: 40, days: 3 }) // → 'CPA 38 % above target for 3 days'
 */
export function describeDeviation({ metricLabel, value, target, days }: Deviation): string {
  const during = days === undefined ? '' : ` for ${days} ${days === 1 ? 'day' : 'days'}`;
  if (target === 0) return `${metricLabel} ${value} against a target of 0${during}`;
  const percent = Math.round((Math.abs(value - target) / Math.abs(target)) * 100);
  if (percent === 0) return `${metricLabel} on target${during}`;
  return `${metricLabel} ${percent} % ${value > target ? 'above' : 'below'} target${during}`;
}

/**
 * How many percent of change the campaign has left today under the rule's
 * cap: the cap minus the absolute changes of the same lever (budget or bid)
 * already recommended for it today, whatever their direction; undefined
 * when the rule has no cap. Changes add up rather than compound: 20 % then
 * 10 % counts as 30 %.
 *
 * @example
 * remainingChangePercent({ action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 }, 'c1', '2026-12-01',
 *   [{ action: 'increase_budget', campaign_id: 'c1', by_percent: 15, day: '2026-12-01' }]) // → 15
 */
export function remainingChangePercent(rule: ActionRule, campaignId: string | undefined, today: string, history: readonly PastRecommendation[]): number | undefined {
  if (rule.max_change_per_day_percent === undefined) return undefined;
  const used = usedToday(rule.action, campaignId, today, history);
  return Math.max(0, roundPercent(rule.max_change_per_day_percent - used));
}

/**
 * The rule's action for one campaign today, its percentage cut down to what
 * the daily cap leaves (and the cut said in `because`), or nothing when the
 * cap is used up or the campaign was already recommended a pause today.
 *
 * @example
 * recommendAction({ action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 },
 *   { campaignId: 'c1', because: 'CPA 38 % above target for 3 days', today: '2026-12-01',
 *     history: [{ action: 'decrease_budget', campaign_id: 'c1', by_percent: 20, day: '2026-12-01' }] })
 * // → { recommended: { action: 'decrease_budget', campaign_id: 'c1', by_percent: 10,
 * //      because: 'CPA 38 % above target for 3 days (cut to 10 %: 20 % already recommended today, at most 30 % a day)' } }
 */
export function recommendAction(rule: ActionRule, context: { campaignId?: string; because: string; today: string; history: readonly PastRecommendation[] }): ActionDecision {
  const { campaignId, because, today, history } = context;
  const campaign = campaignId === undefined ? {} : { campaign_id: campaignId };
  const forWhom = campaignId === undefined ? '' : ` for campaign ${campaignId}`;
  if (rule.action === 'pause') {
    const paused = history.some((h) => h.action === 'pause' && h.day === today && h.campaign_id === campaignId);
    if (paused) return { recommended: null, note: `a pause was already recommended today${forWhom}` };
    return { recommended: { action: 'pause', ...campaign, because } };
  }
  const asked = rule.by_percent;
  if (asked === undefined || !(asked > 0)) throw new RangeError(`${rule.action} needs by_percent above 0, got ${asked}`);
  const left = remainingChangePercent(rule, campaignId, today, history);
  if (left === undefined || asked <= left) return { recommended: { action: rule.action, ...campaign, by_percent: asked, because } };
  const cap = rule.max_change_per_day_percent;
  const used = roundPercent(usedToday(rule.action, campaignId, today, history));
  if (left === 0) return { recommended: null, note: `${used} % of ${lever(rule.action)} change already recommended today${forWhom}, at most ${cap} % a day` };
  const cut = `cut to ${left} %: ${used} % already recommended today, at most ${cap} % a day`;
  return { recommended: { action: rule.action, ...campaign, by_percent: left, because: `${because} (${cut})` } };
}

function usedToday(action: ActionKind, campaignId: string | undefined, today: string, history: readonly PastRecommendation[]): number {
  return history
    .filter((h) => h.day === today && h.campaign_id === campaignId && h.action !== 'pause' && lever(h.action) === lever(action))
    .reduce((sum, h) => sum + Math.abs(h.by_percent ?? 0), 0);
}

function lever(action: ActionKind): 'budget' | 'bid' | 'status' {
  return action === 'pause' ? 'status' : action.endsWith('_budget') ? 'budget' : 'bid';
}

/** Percentages to 1/100 of a point, so 30 − 20.1 reads 9.9, not 9.899999999999999. */
function roundPercent(value: number): number {
  return Math.round(value * 100) / 100;
}
