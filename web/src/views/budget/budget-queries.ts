// The budget view's choices (kept in the address) and its two questions: the
// spend of the toolbar's range (/v1/query), from which the budget defaults,
// and the recommendation for that budget (POST /v1/budget/recommend). Pure.
import type { BudgetBody, QueryBody } from '../../api/client';
import type { DateRange } from '../../frame/date-range';
import { queryFilters, type FilterDimension } from '../../frame/url-state';

export const SPLITS = ['channel', 'campaign'] as const;
export type Split = (typeof SPLITS)[number];
export const OBJECTIVES = ['revenue', 'conversions'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** The view's address parameters, named apart from other views' (the address travels between views). */
export const PARAMS = { total: 'budget_total', by: 'budget_by', objective: 'budget_objective', target: 'budget_target', maxChange: 'budget_max_change' } as const;

/** How far a key may move from its current spend unless told, in %: the API's own default. */
export const DEFAULT_MAX_CHANGE = 50;
export const MAX_CHANGE_CHOICES: readonly number[] = [10, 20, 30, 50, 75, 100, 200];
/** The API fits a curve on at least this many days of history. */
export const MIN_HISTORY_DAYS = 30;

export interface BudgetChoices {
  /** The budget for a period as long as the range; null: the current spend of the range, rounded. */
  total: number | null;
  by: Split;
  objective: Objective;
  /** A target ROAS (revenue) or CPA (conversions) to keep instead of spending the whole budget; null for none. */
  target: number | null;
  /** How far each key may move from its current spend, in %. */
  maxChange: number;
}

export const SPLIT_LABELS: Record<Split, string> = { channel: 'Channel', campaign: 'Campaign' };
export const OBJECTIVE_LABELS: Record<Objective, string> = { revenue: 'Revenue', conversions: 'Conversions' };

/** The choices of an address; a bad value is named in `problems` and its default used. */
export function parseBudgetChoices(params: URLSearchParams): { choices: BudgetChoices; problems: string[] } {
  const problems: string[] = [];
  const by = oneOf(SPLITS, params.get(PARAMS.by), 'split', 'channel', problems);
  const objective = oneOf(OBJECTIVES, params.get(PARAMS.objective), 'objective', 'revenue', problems);
  const total = positive(params.get(PARAMS.total), 'The budget', 'using the current spend of the range', problems);
  const target = positive(params.get(PARAMS.target), `The target ${objective === 'revenue' ? 'ROAS' : 'CPA'}`, 'spending the whole budget', problems);
  let maxChange = DEFAULT_MAX_CHANGE;
  const changeText = params.get(PARAMS.maxChange);
  if (changeText) {
    const percent = Number(changeText);
    if (Number.isInteger(percent) && percent >= 0 && percent <= 1000) maxChange = percent;
    else problems.push(`The largest change must be a whole % from 0 to 1000 (the address says "${changeText}"); using ${DEFAULT_MAX_CHANGE}%.`);
  }
  return { choices: { total, by, objective, target, maxChange }, problems };
}

function oneOf<T extends string>(values: readonly T[], text: string | null, name: string, fallback: T, problems: string[]): T {
  if (text === null || text === '') return fallback;
  if ((values as readonly string[]).includes(text)) return text as T;
  problems.push(`Unknown ${name} "${text}" (one of ${values.join(', ')}); using ${fallback}.`);
  return fallback;
}

function positive(text: string | null, name: string, instead: string, problems: string[]): number | null {
  if (text === null || text === '') return null;
  const value = Number(text);
  if (Number.isFinite(value) && value > 0) return value;
  problems.push(`${name} must be a number above 0 (the address says "${text}"); ${instead}.`);
  return null;
}

/** The address parameters of the choices changed; defaults are left out. A new objective drops the target, which is measured on it. */
export function choiceParams(change: Partial<BudgetChoices>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (change.total !== undefined) params[PARAMS.total] = change.total === null ? null : String(change.total);
  if (change.by !== undefined) params[PARAMS.by] = change.by === 'channel' ? null : change.by;
  if (change.objective !== undefined) {
    params[PARAMS.objective] = change.objective === 'revenue' ? null : change.objective;
    params[PARAMS.target] = null;
  }
  if (change.target !== undefined) params[PARAMS.target] = change.target === null ? null : String(change.target);
  if (change.maxChange !== undefined) params[PARAMS.maxChange] = change.maxChange === DEFAULT_MAX_CHANGE ? null : String(change.maxChange);
  return params;
}

/**
 * A budget that reads well from a spend: three significant figures, so a
 * range that spent 50,943.18 suggests 50,900 and one that spent 7,236.40
 * suggests 7,240. Null when nothing was spent (there is nothing to split).
 */
export function roundedBudget(spend: number): number | null {
  if (!Number.isFinite(spend) || spend <= 0) return null;
  const step = 10 ** (Math.floor(Math.log10(spend)) - 2);
  const rounded = Math.round(spend / step) * step;
  // 10^k for negative k is inexact in binary: keep the decimals the step has.
  return Number(rounded.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

/** The spend of the range under the toolbar's filters: what the budget defaults to. */
export function spendQuery(range: DateRange, filters: Record<FilterDimension, string[]>): QueryBody {
  return { metrics: ['cost'], from: range.from, to: range.to, filters: queryFilters(filters) };
}

/** The body of POST /v1/budget/recommend; only what differs from the API's defaults beyond the budget and the range. */
export function budgetBody(choices: BudgetChoices, total: number, range: DateRange, filters: Record<FilterDimension, string[]>): BudgetBody {
  const chosen = queryFilters(filters);
  const target = choices.target === null ? {} : choices.objective === 'revenue' ? { target_roas: choices.target } : { target_cpa: choices.target };
  return {
    total_budget: total,
    from: range.from,
    to: range.to,
    ...(choices.by === 'channel' ? {} : { by: choices.by }),
    ...(choices.objective === 'revenue' ? {} : { objective: choices.objective }),
    ...target,
    ...(choices.maxChange === DEFAULT_MAX_CHANGE ? {} : { max_change_percent: choices.maxChange }),
    ...(chosen.length > 0 ? { filters: chosen } : {}),
  };
}
