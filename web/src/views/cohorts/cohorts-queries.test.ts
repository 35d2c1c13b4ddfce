import { describe, expect, it } from 'vitest';
import {
  choiceParams,
  cohortBody,
  cohortLabel,
  cohortSpan,
  colourDomain,
  contrast,
  DEFAULT_CHOICES,
  heatColour,
  lifetimeSentence,
  modelSurvival,
  observedSurvival,
  parseCohortChoices,
  quickRanges,
  readerNotes,
} from './cohorts-queries';

const noFilters = { channel: [], platform: [], campaign: [] };
const range = { from: '2026-01-01', to: '2026-06-30' };

describe('the choices in the address', () => {
  it('default to monthly purchase retention with no breakdown, and a plain address', () => {
    const { choices, problems } = parseCohortChoices(new URLSearchParams(''));
    expect(choices).toEqual(DEFAULT_CHOICES);
    expect(problems).toEqual([]);
    expect(Object.values(choiceParams(choices)).every((v) => v === null)).toBe(true);
  });

  it('round-trip', () => {
    const choices = { by: 'week', metric: 'revenue', activity: 'subscription', breakdown: 'channel', key: 'Paid Search' } as const;
    const params = new URLSearchParams(Object.entries(choiceParams(choices)).filter((e): e is [string, string] => e[1] !== null));
    expect(parseCohortChoices(params)).toEqual({ choices, problems: [] });
  });

  it('name a bad value and fall back; a key without a breakdown is dropped', () => {
    const { choices, problems } = parseCohortChoices(new URLSearchParams('cohort_by=quarter&cohort_breakdown=ad&cohort_key=x'));
    expect(choices).toEqual(DEFAULT_CHOICES);
    expect(problems).toEqual([
      'Unknown cohort period "quarter" (one of month, week); showing month.',
      'Unknown cohort breakdown "ad" (one of channel, campaign); showing no breakdown.',
    ]);
  });

  it("ignore other views' parameters of the same names", () => {
    expect(parseCohortChoices(new URLSearchParams('metric=roas&by=campaign&breakdown=channel')).choices).toEqual(DEFAULT_CHOICES);
  });
});

describe('the request', () => {
  it('sends the activity only for retention, one channel, and the breakdown', () => {
    expect(cohortBody(DEFAULT_CHOICES, range, noFilters)).toEqual({ body: { by: 'month', metric: 'retention', activity: 'purchase', ...range }, ignored: [] });
    const revenue = cohortBody({ ...DEFAULT_CHOICES, metric: 'revenue', activity: 'subscription', breakdown: 'campaign' }, range, { ...noFilters, channel: ['Email'] });
    expect(revenue.body).toEqual({ by: 'month', metric: 'revenue', ...range, channel: 'Email', dimension: 'campaign' });
  });

  it('names the filters it cannot apply', () => {
    const { body, ignored } = cohortBody(DEFAULT_CHOICES, range, { channel: ['Email', 'Paid Search'], platform: ['meta_ads'], campaign: [] });
    expect(body.channel).toBeUndefined();
    expect(ignored).toHaveLength(2);
    expect(ignored[0]).toContain('one acquisition channel at a time');
    expect(ignored[1]).toContain('platform filter does not narrow cohorts');
  });
});

describe('labels', () => {
  it('name cohorts and their dates', () => {
    expect(cohortLabel('2026-03-01', 'month')).toBe('Mar 2026');
    expect(cohortLabel('2026-03-02', 'week')).toBe('Mar 2, 2026');
    expect(cohortSpan('2026-03-02', '2026-03-08')).toBe('Mar 2 – Mar 8, 2026');
    expect(cohortSpan('2025-12-29', '2026-01-04')).toBe('Dec 29, 2025 – Jan 4, 2026');
  });

  it('quick ranges start on whole periods and end today', () => {
    const [weeks, six, twelve] = quickRanges('2026-12-09');
    expect(weeks.range).toEqual({ from: '2026-09-21', to: '2026-12-09' });
    expect(new Date(`${weeks.range.from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(six.range.from).toBe('2026-07-01');
    expect(twelve.range.from).toBe('2026-01-01');
    expect(quickRanges('2026-03-15')[2].range.from).toBe('2025-04-01');
  });

  it('drop the running-period note the table marks itself, name the controls instead of API parameters, and write notes as sentences', () => {
    expect(
      readerNotes([
        "each cohort's last period, the month holding today (2026-12-07), is still running (complete: false)",
        'cohorts end with the current month',
        '3 customers of these cohorts have a lifecycle churn record: activity "subscription" counts customers as active while subscribed',
        'no retention model: it is fitted with activity "subscription"; GET /v1/clv models non-contractual customers',
      ]),
    ).toEqual([
      'Cohorts end with the current month.',
      '3 customers of these cohorts have a lifecycle churn record: “Active means: Subscribed” counts customers as active while subscribed.',
      'No retention model: it is fitted with “Active means: Subscribed”; the predicted CLV of the Customers view models non-contractual customers.',
    ]);
  });
});

describe('colour', () => {
  it('spans retention after acquisition, revenue over every cell', () => {
    const rows = [{ cells: [{ period: 0, value: 100 }, { period: 1, value: 30 }, { period: 2, value: 12 }, null] }];
    expect(colourDomain({ metric: 'retention' }, rows)).toEqual({ min: 0, max: 30 });
    expect(colourDomain({ metric: 'revenue' }, rows)).toEqual({ min: 0, max: 100 });
    expect(colourDomain({ metric: 'retention' }, [{ cells: [{ period: 0, value: 100 }] }])).toEqual({ min: 0, max: 100 });
  });

  it('runs light to dark, with text that reads on every shade (WCAG AA, 4.5:1)', () => {
    const domain = { min: 0, max: 100 };
    expect(heatColour(0, domain).background).toBe('#f7fbff');
    expect(heatColour(100, domain).background).toBe('#08306b');
    expect(heatColour(250, domain).level).toBe(1);
    for (const running of [false, true]) {
      for (let v = 0; v <= 100; v += 2.5) {
        const { background, text } = heatColour(v, domain, running);
        expect(contrast(background, text), `${v}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    // A running period is lighter than a complete one of the same value.
    expect(heatColour(80, domain, true).background).not.toBe(heatColour(80, domain).background);
  });
});

describe('the retention model', () => {
  it("observes the survivors of the cohorts that reached each period over their subscribers at acquisition", () => {
    const cell = (survivors: number) => ({ survivors });
    const matrix = {
      cohorts: [
        { cells: [cell(10), cell(6), cell(4)] },
        { cells: [cell(30), cell(15), null] },
        { cells: [cell(0), cell(0), null] },
      ],
    } as unknown as Parameters<typeof observedSurvival>[0];
    expect(observedSurvival(matrix, 4)).toEqual([100, (21 / 40) * 100, 40, null]);
  });

  it('draws S(t) = S(t−1)(β+t−1)/(α+β+t−1)', () => {
    const curve = modelSurvival({ alpha: 1, beta: 1 }, 3);
    expect(curve.map((v) => Number(v.toFixed(6)))).toEqual([100, 50, Number((100 / 3).toFixed(6)), 25]);
  });

  it('says the lifetime in words', () => {
    expect(lifetimeSentence({ expected_lifetime: 7.44, median_lifetime: 5 }, 'month')).toBe(
      "A subscriber stays 7.4 months on average; half of a cohort's subscribers have left after 5 months.",
    );
    expect(lifetimeSentence({ expected_lifetime: null, median_lifetime: 1 }, 'week')).toBe(
      "Some subscribers almost never leave, so the average lifetime has no limit; half of a cohort's subscribers have left after 1 week.",
    );
  });
});
