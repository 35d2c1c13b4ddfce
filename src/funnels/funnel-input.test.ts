// The funnel body checked: defaults, and one 400 naming every bad field.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { checkFunnelBody, parseFunnelRequest } from './funnel-input.js';
import { baseVocabulary } from './funnel-steps.js';

const vocabulary = baseVocabulary(['purchase']);
const BODY = { steps: ['ad_click', 'signup', 'purchase'], window_days: 7, from: '2026-02-01', to: '2026-02-28' };

/** The problems a body gets, as { field: message }. */
function problems(body: unknown): Record<string, string> {
  try {
    parseFunnelRequest(checkFunnelBody(body), vocabulary);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return Object.fromEntries(((err as ValidationError).details as { field: string; message: string }[]).map((p) => [p.field, p.message]));
  }
  throw new Error('no problem found');
}

describe('parseFunnelRequest', () => {
  it('fills in the order (ordered) and no breakdown; the window in ms', () => {
    const request = parseFunnelRequest(checkFunnelBody(BODY), vocabulary);
    expect(request).toMatchObject({ order: 'ordered', by: null, windowDays: 7, windowMs: 7 * 86_400_000, from: '2026-02-01', to: '2026-02-28' });
    expect(request.steps.map((s) => s.match)).toEqual([{ kind: 'event', type: 'ad_click' }, { kind: 'event', type: 'signup' }, { kind: 'event', type: 'purchase' }]);
  });

  it('takes a fraction of a day as the window', () => {
    expect(parseFunnelRequest(checkFunnelBody({ ...BODY, window_days: 0.5, order: 'any', by: 'campaign' }), vocabulary)).toMatchObject({ windowMs: 43_200_000, order: 'any', by: 'campaign' });
  });

  it.each([
    [{ steps: ['ad_click'] }, 'steps'],
    [{ steps: Array(11).fill('page_view') }, 'steps'],
    [{ steps: ['ad_click', ''] }, 'steps[1]'],
    [{ window_days: 0 }, 'window_days'],
    [{ window_days: -3 }, 'window_days'],
    [{ window_days: 366 }, 'window_days'],
    [{ window_days: '7' }, 'window_days'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: 'tomorrow' }, 'to'],
    [{ order: 'loose' }, 'order'],
    [{ by: 'ad' }, 'by'],
    [{ extra: 1 }, 'extra'],
  ])('refuses %o, naming the field', (change, field) => {
    expect(Object.keys(problems({ ...BODY, ...change }))).toContain(field);
  });

  it('refuses from after to, an unknown step (with the names near it) and repeated steps with order any, all at once', () => {
    expect(problems({ ...BODY, from: '2026-03-01', steps: ['ad_click', 'signpu'] })).toEqual({
      'steps[1]': '"signpu" is neither an event type this workspace knows, a lifecycle stage nor session_start; did you mean signup?',
      from: '(2026-03-01) is after to (2026-02-28)',
    });
    expect(problems({ ...BODY, order: 'any', steps: ['page_view', 'event:page_view'] })).toEqual({ steps: 'repeat event:page_view: with order any every step must differ' });
  });

  it('says plainly what is wrong with the step count and the window', () => {
    expect(problems({ ...BODY, steps: ['ad_click'] })).toEqual({ steps: 'must name 2 to 10 steps (got 1)' });
    expect(problems({ ...BODY, window_days: 0 })).toEqual({ window_days: 'must be above 0 and at most 365 days (got 0)' });
    expect(problems({ ...BODY, window_days: 3650, steps: Array(12).fill('page_view') })).toEqual({
      steps: 'must name 2 to 10 steps (got 12)',
      window_days: 'must be above 0 and at most 365 days (got 3650)',
    });
    expect(problems({ steps: BODY.steps, from: BODY.from, to: BODY.to })).toEqual({ window_days: 'must be a number of days above 0 (at most 365)' });
  });

  it('lets an ordered funnel repeat a step', () => {
    expect(parseFunnelRequest(checkFunnelBody({ ...BODY, steps: ['page_view', 'page_view'] }), vocabulary).steps).toHaveLength(2);
  });
});
