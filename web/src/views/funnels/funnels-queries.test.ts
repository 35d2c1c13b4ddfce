import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../src/model/sources.js';
import { OFFSITE_EVENT_TYPES, ONSITE_EVENT_TYPES } from '../../../../src/warehouse/tables.js';
import {
  biggestDrop,
  choiceParams,
  DEFAULT_STEPS,
  formatDuration,
  formatRate,
  funnelBody,
  parseFunnelChoices,
  PRESETS,
  rankSegments,
  STEP_GROUPS,
  stepLabel,
  stepProblems,
  suggestions,
} from './funnels-queries';

const parse = (search: string) => parseFunnelChoices(new URLSearchParams(search));

describe('the step names a marketer can pick', () => {
  const listed = STEP_GROUPS.flatMap((g) => g.options.map((o) => o.value));

  it('are every event type of DATA.md, every lifecycle stage and the start of a visit, once each', () => {
    const events = listed.filter((v) => !v.startsWith('stage:') && !(STAGES as readonly string[]).includes(v) && v !== 'session_start').map((v) => v.replace(/^event:/, ''));
    expect([...events].sort()).toEqual([...ONSITE_EVENT_TYPES, ...OFFSITE_EVENT_TYPES].sort());
    const stages = listed.filter((v) => v.startsWith('stage:') || (STAGES as readonly string[]).includes(v)).map((v) => v.replace(/^stage:/, ''));
    expect([...stages].sort()).toEqual([...STAGES].sort());
    expect(listed).toContain('session_start');
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('say which lead is meant: the on-site event and the CRM stage carry a prefix', () => {
    expect(listed).toContain('event:lead');
    expect(listed).toContain('stage:lead');
    expect(listed).not.toContain('lead');
    expect(stepLabel('stage:lead')).toBe('Lead');
    expect(stepLabel('event:lead')).toBe('Lead form sent');
    expect(stepLabel('add_to_cart')).toBe('add_to_cart');
  });

  it('make up the presets', () => {
    for (const p of PRESETS) {
      for (const step of p.steps) expect(listed).toContain(step);
      expect(p.steps.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the funnel in the address', () => {
  it('defaults to the ad funnel over 7 days, in order, not split; defaults stay out of the address', () => {
    const { choices, problems } = parse('');
    expect(choices).toEqual({ steps: [...DEFAULT_STEPS], windowDays: 7, order: 'ordered', breakdown: null });
    expect(problems).toEqual([]);
    expect(choiceParams(choices)).toEqual({ steps: null, window: null, order: null, breakdown: null });
  });

  it('round-trips steps, window, order and breakdown', () => {
    const search = '?steps=page_view%2Cadd_to_cart%2Cpurchase&window=0.5&order=strict&breakdown=campaign';
    const { choices, problems } = parse(search);
    expect(problems).toEqual([]);
    expect(choices).toEqual({ steps: ['page_view', 'add_to_cart', 'purchase'], windowDays: 0.5, order: 'strict', breakdown: 'campaign' });
    expect(choiceParams(choices)).toEqual({ steps: 'page_view,add_to_cart,purchase', window: '0.5', order: 'strict', breakdown: 'campaign' });
  });

  it('names a bad value and uses the default', () => {
    const { choices, problems } = parse('?steps=purchase&window=0&order=sideways&breakdown=ad');
    expect(choices).toEqual({ steps: [...DEFAULT_STEPS], windowDays: 7, order: 'ordered', breakdown: null });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('at least 2 steps');
    expect(problems[1]).toContain('"0"');
    expect(parse('?window=400').problems[0]).toContain('at most 365');
    expect(parse('?window=abc').choices.windowDays).toBe(7);
    const many = parse(`?steps=${Array.from({ length: 12 }, (_, i) => `s${i}`).join(',')}`);
    expect(many.choices.steps).toHaveLength(10);
    expect(many.problems[0]).toContain('first 10 of the 12');
  });

  it('asks for the range of the toolbar, with the order and breakdown only when chosen', () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    expect(funnelBody(parse('').choices, range)).toEqual({ steps: ['ad_click', 'page_view', 'purchase'], window_days: 7, ...range });
    expect(funnelBody(parse('?order=any&breakdown=channel&window=14').choices, range)).toEqual({
      steps: ['ad_click', 'page_view', 'purchase'],
      window_days: 14,
      order: 'any',
      by: 'channel',
      ...range,
    });
  });
});

describe('numbers as the funnel writes them', () => {
  it('writes median times in words, as precise as they are worth', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(2.46)).toBe('2.5 s');
    expect(formatDuration(45.2)).toBe('45 s');
    expect(formatDuration(59.7)).toBe('1 min');
    expect(formatDuration(432)).toBe('7 min 12 s');
    expect(formatDuration(2580)).toBe('43 min');
    expect(formatDuration(3590)).toBe('1 h');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(86_000)).toBe('23 h 53 min');
    expect(formatDuration(86_390)).toBe('1 day');
    expect(formatDuration(3.2 * 86_400)).toBe('3.2 days');
    expect(formatDuration(2 * 86_400)).toBe('2 days');
  });

  it('writes rates with one decimal, two below 1 % so small rates still differ, and a dash where no one is there to divide by', () => {
    expect(formatRate(42.44)).toBe('42.4%');
    expect(formatRate(100)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(0.996)).toBe('1.0%');
    expect(formatRate(0.344)).toBe('0.34%');
    expect(formatRate(0.034)).toBe('0.03%');
    expect(formatRate(0.001)).toBe('<0.01%');
    expect(formatRate(null)).toBe('—');
  });

  it('finds the step that loses the largest share', () => {
    const steps = [
      { name: 'ad_click', count: 100, conversion_from_previous: null },
      { name: 'page_view', count: 80, conversion_from_previous: 80 },
      { name: 'purchase', count: 8, conversion_from_previous: 10 },
    ];
    expect(biggestDrop(steps)).toEqual({ from: 'page_view', to: 'purchase', lost: 72, lostPercent: 90 });
    expect(biggestDrop([steps[0], { ...steps[1], count: 100, conversion_from_previous: 100 }])).toBeNull();
  });
});

describe('the breakdown', () => {
  const row = (key: string, entered: number, overall: number | null) => ({ key, entered, overall_conversion: overall });

  it('comes most entered first, the best and lowest conversion marked among segments large enough', () => {
    const ranked = rankSegments([row('Email', 30, 9), row('Paid Search', 120, 4), row('Referral', 3, 66.7), row('Paid Social', 80, 2.5), row('(none)', 40, 4)]);
    expect(ranked.map((r) => r.key)).toEqual(['Paid Search', 'Paid Social', '(none)', 'Email', 'Referral']);
    expect(ranked.map((r) => r.tone)).toEqual([null, 'worst', null, 'best', null]);
  });

  it('marks nothing when the segments do not differ or only one is large enough', () => {
    expect(rankSegments([row('a', 50, 5), row('b', 50, 5)]).map((r) => r.tone)).toEqual([null, null]);
    expect(rankSegments([row('a', 50, 5), row('b', 5, 50)]).map((r) => r.tone)).toEqual([null, null]);
  });
});

describe('a refused funnel', () => {
  const message = 'invalid funnel request: steps[1] "purchse" is neither an event type this workspace knows, a lifecycle stage nor session_start; did you mean purchase?';

  it('names the problem of each step, and the rest as a whole', () => {
    const problems = stepProblems(
      [
        { field: 'steps[1]', message: '"purchse" is neither …; did you mean purchase?' },
        { field: 'from', message: '(2026-12-01) is after to (2026-11-01)' },
      ],
      message,
    );
    expect([...problems.steps]).toEqual([[1, '"purchse" is neither …; did you mean purchase?']]);
    expect(problems.other).toEqual(['from (2026-12-01) is after to (2026-11-01)']);
    expect(stepProblems(undefined, message)).toEqual({ steps: new Map(), other: [message] });
  });

  it('offers the names the server suggests', () => {
    expect(suggestions(message)).toEqual(['purchase']);
    expect(suggestions('"pag" …; did you mean page_view, scroll or signup?')).toEqual(['page_view', 'scroll', 'signup']);
    expect(suggestions('"zzz" is neither an event type …')).toEqual([]);
  });
});
