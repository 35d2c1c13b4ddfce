// How `beacon goals` prints goals: a block per goal with its target and
// period, where it stands (actual, % attained, expected by today, status), the
// forecast of its period-end value with the interval and what that says about
// the target, and the notes.
import type { GoalForecast } from '../goals/goal-forecast.js';
import type { GoalReport } from '../goals/goals-service.js';
import type { GoalStatus } from '../goals/goals.js';
import type { Unit } from '../metrics/types.js';
import { formatNumberForUnit } from './format-query.js';

const STATUS_WORDS: Record<GoalStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  achieved: 'achieved',
  missed: 'missed',
  not_started: 'not started',
};

/**
 * The goals as text; `units` maps metric ids to their units (a metric not in
 * it prints as a count).
 *
 * @example formatGoals(goals, new Map([['revenue', 'money']]), 'USD')
 * // Revenue, 30 days — revenue at least USD 120,000.00 from 2026-11-01 to 2026-11-30
 * //   actual USD 80,000.00 · 66.7% attained · expected by today USD 84,000.00 · at risk
 * //   forecast USD 118,200.00 (USD 110,900.00–USD 125,400.00, 95%) · at risk · additive on 56 days
 */
export function formatGoals(goals: readonly GoalReport[], units: ReadonlyMap<string, Unit>, currency: string): string {
  if (goals.length === 0) return 'no goals yet: an admin creates them with POST /v1/goals (a metric, a target and a period)';
  return goals.map((goal) => formatGoal(goal, units.get(goal.metric) ?? 'count', currency)).join('\n\n');
}

function formatGoal(goal: GoalReport, unit: Unit, currency: string): string {
  const value = (v: number | null) => formatNumberForUnit(v, unit, currency);
  const { progress } = goal;
  const scope = (goal.filters ?? []).map((f) => `${f.dimension} ${f.op.replace('_', ' ')} ${f.values.join(', ')}`).join('; ');
  const attained = progress.attained_pct === null ? '–' : `${progress.attained_pct.toFixed(1)}%`;
  const lines = [
    `${goal.name ?? `${goal.metric} goal`} — ${goal.metric} ${goal.direction === 'down' ? 'at most' : 'at least'} ${value(goal.target)} from ${goal.from} to ${goal.to}${scope ? ` · ${scope}` : ''}`,
    `  actual ${value(progress.actual)} · ${attained} attained · expected by today ${value(progress.expected_by_today)} · ${STATUS_WORDS[progress.status]}`,
  ];
  if (goal.forecast) lines.push(`  ${forecastLine(goal.forecast, value)}`);
  for (const note of goal.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

/** "forecast USD 118,200.00 (USD 110,900.00–USD 125,400.00, 95%) · at risk · additive on 56 days" */
export function forecastLine(forecast: GoalForecast, value: (v: number) => string): string {
  const percent = `${Number((forecast.level * 100).toFixed(1))}%`;
  return `forecast ${value(forecast.value)} (${value(forecast.lower)}–${value(forecast.upper)}, ${percent}) · ${STATUS_WORDS[forecast.status]} · ${forecast.model} on ${forecast.fitted.days} days`;
}
