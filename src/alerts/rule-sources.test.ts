import { describe, expect, it } from 'vitest';
import type { AlertCondition } from './alert-firing.js';
import { ruleSources, type RuleLookups } from './rule-sources.js';

const lookups: RuleLookups = {
  metrics: new Map([
    ['cost', { facts: ['ad'] }],
    ['cpa', { facts: ['ad', 'conversions'] }],
    ['nps', { facts: ['surveys'] }],
  ]),
  goalMetrics: new Map([['goal_nps', 'nps']]),
};
const threshold: AlertCondition = { kind: 'threshold', op: 'above', value: 1 };

describe('ruleSources', () => {
  it('is the sources of the metric a rule watches', () => {
    // CPA = cost (ad rows) / conversions (tracked from events).
    expect(ruleSources({ metric: 'cpa', condition: threshold }, lookups)).toEqual(['ad_performance', 'events']);
  });

  it('follows a goal to its metric, and a funnel to events', () => {
    expect(ruleSources({ metric: null, condition: { kind: 'goal_pace', goal_id: 'goal_nps' } }, lookups)).toEqual(['surveys']);
    expect(ruleSources({ metric: null, condition: { kind: 'funnel', steps: ['page_view', 'purchase'], window_days: 1, op: 'below', value: 10 } }, lookups)).toEqual(['events']);
  });

  it('is empty when the metric or the goal is gone: no ingestion can change its verdict', () => {
    expect(ruleSources({ metric: 'deleted_metric', condition: threshold }, lookups)).toEqual([]);
    expect(ruleSources({ metric: null, condition: { kind: 'goal_pace', goal_id: 'goal_gone' } }, lookups)).toEqual([]);
  });
});
