// Counts shaped into a report: rates worked out by hand, null (never NaN)
// where there is no one to divide by, and the notes beside them.
import { describe, expect, it } from 'vitest';
import { checkFunnelBody, parseFunnelRequest } from './funnel-input.js';
import { funnelNotes, groupReport } from './funnel-report.js';
import { baseVocabulary } from './funnel-steps.js';

const request = (body: Record<string, unknown> = {}) =>
  parseFunnelRequest(checkFunnelBody({ steps: ['ad_click', 'page_view', 'signup', 'purchase'], window_days: 7, from: '2026-02-01', to: '2026-02-28', ...body }), baseVocabulary(['purchase']));
const { steps } = request();

describe('groupReport', () => {
  it('gives each step its people, conversion from the step before and from the first, and the median seconds', () => {
    const report = groupReport(steps, { key: null, entered: 8, reached: [8, 8, 5, 3], medianMs: [null, 60_000, 540_000, 86_400_000] });
    expect(report.entered).toBe(8);
    expect(report.overall_conversion).toBe(37.5);
    expect(report.steps.map((s) => [s.step, s.name, s.kind, s.count, s.conversion_from_previous, s.conversion_from_first, s.median_seconds_from_previous])).toEqual([
      [1, 'ad_click', 'event', 8, null, 100, null],
      [2, 'page_view', 'event', 8, 100, 100, 60],
      [3, 'signup', 'event', 5, 62.5, 62.5, 540],
      [4, 'purchase', 'event', 3, 60, 37.5, 86_400],
    ]);
  });

  it('divides the overall conversion by everyone who entered (with order any, more than the first step’s people)', () => {
    const report = groupReport(steps, { key: null, entered: 10, reached: [8, 8, 5, 3], medianMs: [null, 60_000, 540_000, 86_400_000] });
    expect(report.overall_conversion).toBe(30);
    expect(report.steps[3].conversion_from_first).toBe(37.5);
  });

  it('answers null, never NaN, where no one reached the step divided by', () => {
    const nobody = groupReport(steps, { key: null, entered: 0, reached: [0, 0, 0, 0], medianMs: [null, null, null, null] });
    expect(nobody.overall_conversion).toBeNull();
    expect(nobody.steps.map((s) => [s.conversion_from_previous, s.conversion_from_first, s.median_seconds_from_previous])).toEqual(Array(4).fill([null, null, null]));
    // Entered by a later step (order any), but no one did the first: rates after it have nothing to divide by.
    const noFirst = groupReport(steps, { key: null, entered: 2, reached: [0, 0, 0, 0], medianMs: [null, null, null, null] });
    expect(noFirst.overall_conversion).toBe(0);
    expect(noFirst.steps[1].conversion_from_previous).toBeNull();
    expect(JSON.stringify([nobody, noFirst])).not.toContain('NaN');
  });
});

describe('funnelNotes', () => {
  const everyone = { key: null, entered: 8, reached: [8, 8, 5, 3], medianMs: [null, 1, 1, 1] };
  const zone = 'America/New_York';

  it('says when no one entered, and by what they would have', () => {
    const none = { ...everyone, entered: 0, reached: [0, 0, 0, 0] };
    const at = Date.UTC(2026, 5, 1);
    expect(funnelNotes({ request: request(), timeZone: zone, everyone: none, now: at, more: [] })).toEqual([
      'no one entered the funnel: no one had its first step (ad_click) in 2026-02-01 … 2026-02-28 (America/New_York)',
    ]);
    expect(funnelNotes({ request: request({ order: 'any' }), timeZone: zone, everyone: none, now: at, more: ['x'] })).toEqual([
      'x',
      'no one entered the funnel: no one had an event of any of its steps in 2026-02-01 … 2026-02-28 (America/New_York)',
    ]);
  });

  it('says from which day of entry the window has not ended yet', () => {
    // 7 days before 2026-03-03 12:00 UTC is 02-24 07:00 in New York: people who entered that day or later may still convert.
    expect(funnelNotes({ request: request(), timeZone: zone, everyone, now: Date.UTC(2026, 2, 3, 12), more: [] })).toEqual([
      'people who entered on or after 2026-02-24 have had less than the 7-day window so far: their later steps may still come',
    ]);
    // Less than 7 days into the period: every entrant's window is open.
    expect(funnelNotes({ request: request(), timeZone: zone, everyone, now: Date.UTC(2026, 1, 5), more: [] })[0]).toContain('on or after 2026-02-01 ');
    // 7 days after 02-28 24:00 in New York (03-08 05:00 UTC): every window has ended.
    expect(funnelNotes({ request: request(), timeZone: zone, everyone, now: Date.UTC(2026, 2, 8, 5), more: [] })).toEqual([]);
  });
});
