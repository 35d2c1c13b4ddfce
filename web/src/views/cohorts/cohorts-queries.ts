// The cohorts view's choices (kept in the address), its question to the API
// (POST /v1/cohorts) and what the page derives from the answer: the cohort
// and period labels, the colour of a cell, the observed and modelled
// survival of subscribers, and the expected lifetime in words. Pure.
import type { CohortBody, CohortReport } from '../../api/client';
import { addDays, type DateRange } from '../../frame/date-range';
import { sentence } from '../../frame/format';
import type { FilterDimension } from '../../frame/url-state';

export const GRAINS = ['month', 'week'] as const;
export const METRICS = ['retention', 'revenue'] as const;
export const ACTIVITIES = ['purchase', 'subscription'] as const;
export const BREAKDOWNS = ['channel', 'campaign'] as const;
export type Grain = (typeof GRAINS)[number];
export type CohortMetric = (typeof METRICS)[number];
export type Activity = (typeof ACTIVITIES)[number];
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The view's own address parameters (prefixed: other views use `metric`, `by` and `breakdown` for their own choices). */
export const PARAMS = { by: 'cohort_by', metric: 'cohort_metric', activity: 'cohort_activity', breakdown: 'cohort_breakdown', key: 'cohort_key' } as const;

export interface CohortChoices {
  by: Grain;
  metric: CohortMetric;
  activity: Activity;
  breakdown: Breakdown | null;
  /** The breakdown key whose cohorts are opened. */
  key: string | null;
}

export const DEFAULT_CHOICES: CohortChoices = { by: 'month', metric: 'retention', activity: 'purchase', breakdown: null, key: null };

/** A change of choices, with the acquisition range when the change sets one too. */
export type ChoiceChange = (next: Partial<CohortChoices>, range?: DateRange) => void;

/** What each metric is called in titles and on its control. */
export const METRIC_TITLES: Record<CohortMetric, string> = { retention: 'Retention', revenue: 'Revenue per customer' };
/** The breakdown key of customers acquired without a channel or campaign. */
export const NO_KEY = '(none)';

function oneOf<T extends string>(values: readonly T[], text: string | null, name: string, fallback: T, problems: string[]): T {
  if (text === null || text === '') return fallback;
  if ((values as readonly string[]).includes(text)) return text as T;
  problems.push(`Unknown ${name} "${text}" (one of ${values.join(', ')}); showing ${fallback}.`);
  return fallback;
}

/** The choices of an address; a bad value is named in `problems` and the default is used. */
export function parseCohortChoices(params: URLSearchParams): { choices: CohortChoices; problems: string[] } {
  const problems: string[] = [];
  const by = oneOf(GRAINS, params.get(PARAMS.by), 'cohort period', DEFAULT_CHOICES.by, problems);
  const metric = oneOf(METRICS, params.get(PARAMS.metric), 'cohort metric', DEFAULT_CHOICES.metric, problems);
  const activity = oneOf(ACTIVITIES, params.get(PARAMS.activity), 'cohort activity', DEFAULT_CHOICES.activity, problems);
  const breakdownText = params.get(PARAMS.breakdown) || null;
  let breakdown: Breakdown | null = null;
  if (breakdownText && (BREAKDOWNS as readonly string[]).includes(breakdownText)) breakdown = breakdownText as Breakdown;
  else if (breakdownText) problems.push(`Unknown cohort breakdown "${breakdownText}" (one of ${BREAKDOWNS.join(', ')}); showing no breakdown.`);
  const key = breakdown ? params.get(PARAMS.key) || null : null;
  return { choices: { by, metric, activity, breakdown, key }, problems };
}

/** The address parameters of choices: null removes one (defaults are left out, so a plain link stays plain). */
export function choiceParams(choices: CohortChoices): Record<(typeof PARAMS)[keyof typeof PARAMS], string | null> {
  return {
    [PARAMS.by]: choices.by === DEFAULT_CHOICES.by ? null : choices.by,
    [PARAMS.metric]: choices.metric === DEFAULT_CHOICES.metric ? null : choices.metric,
    [PARAMS.activity]: choices.activity === DEFAULT_CHOICES.activity ? null : choices.activity,
    [PARAMS.breakdown]: choices.breakdown,
    [PARAMS.key]: choices.breakdown ? choices.key : null,
  };
}

/**
 * The request for the choices, the toolbar's range (the acquisition dates)
 * and its filters: one channel narrows the cohorts to the customers acquired
 * through it. Cohorts follow one channel and no platform or campaign; those
 * filters are named in `ignored`.
 */
export function cohortBody(choices: CohortChoices, range: DateRange, filters: Record<FilterDimension, string[]>): { body: CohortBody; ignored: string[] } {
  const ignored: string[] = [];
  const channels = filters.channel;
  if (channels.length > 1) ignored.push(`Cohorts follow one acquisition channel at a time: the ${channels.length} channels chosen are not applied, all customers are shown.`);
  for (const d of ['platform', 'campaign'] as const) {
    if (filters[d].length > 0) ignored.push(`The ${d} filter does not narrow cohorts: they follow the channel customers were acquired through${d === 'campaign' ? '; split the cohorts by campaign below instead' : ''}.`);
  }
  const body: CohortBody = {
    by: choices.by,
    metric: choices.metric,
    from: range.from,
    to: range.to,
    // Revenue is completed orders whatever the activity; the activity only counts who is active.
    ...(choices.metric === 'retention' ? { activity: choices.activity } : {}),
    ...(channels.length === 1 ? { channel: channels[0] } : {}),
    ...(choices.breakdown ? { dimension: choices.breakdown } : {}),
  };
  return { body, ignored };
}

/** Acquisition ranges a cohort table reads well over, aligned on whole periods and ending today. */
export interface QuickRange {
  id: string;
  label: string;
  by: Grain;
  range: DateRange;
}

export function quickRanges(today: string): QuickRange[] {
  const monthsBack = (n: number) => {
    const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  };
  return [
    { id: 'weeks_12', label: 'Last 12 weeks', by: 'week', range: { from: addDays(mondayOf(today), -11 * 7), to: today } },
    { id: 'months_6', label: 'Last 6 months', by: 'month', range: { from: monthsBack(5), to: today } },
    { id: 'months_12', label: 'Last 12 months', by: 'month', range: { from: monthsBack(11), to: today } },
  ];
}

export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;

/** A cohort's row label: "Mar 2026", or the week's Monday "Mar 2, 2026". */
export function cohortLabel(cohort: string, by: Grain): string {
  return by === 'month' ? `${MONTHS[Number(cohort.slice(5, 7)) - 1]} ${cohort.slice(0, 4)}` : `${shortDate(cohort)}, ${cohort.slice(0, 4)}`;
}

/** A cohort's dates in full: "customers acquired Mar 2 – Mar 8, 2026". */
export function cohortSpan(cohort: string, end: string): string {
  return cohort.slice(0, 4) === end.slice(0, 4) ? `${shortDate(cohort)} – ${shortDate(end)}, ${end.slice(0, 4)}` : `${shortDate(cohort)}, ${cohort.slice(0, 4)} – ${shortDate(end)}, ${end.slice(0, 4)}`;
}

/** "month" / "months" */
export function unitName(by: Grain, count = 1): string {
  return count === 1 ? by : `${by}s`;
}

/** A column's heading: "Month 0", "Week 12". */
export function periodHeading(period: number, by: Grain): string {
  return `${by === 'month' ? 'Month' : 'Week'} ${period}`;
}

// ——— Colour ———

/** A sequential blue scale, light to dark (ColorBrewer Blues). */
const RAMP = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

export interface Domain {
  min: number;
  max: number;
}

/**
 * The range the colours span: retention from 0 to the highest value after the
 * acquisition period (period 0 is everyone's first purchase, near 100 %, and
 * would wash out the rest; it is drawn at the darkest); revenue per customer
 * from 0 to the highest cumulative value.
 */
export function colourDomain(report: Pick<CohortReport, 'metric'>, rows: readonly { cells: readonly ({ period: number; value: number | null } | null)[] }[]): Domain {
  const values = rows.flatMap((r) => r.cells.filter((c): c is { period: number; value: number } => c !== null && c.value !== null));
  const later = values.filter((c) => c.period > 0).map((c) => c.value);
  const pool = report.metric === 'retention' && later.length > 0 ? later : values.map((c) => c.value);
  return { min: 0, max: Math.max(0, ...pool) };
}

/**
 * A cell's background and the text colour that reads on it; a period still
 * running is drawn lighter (its value is not final).
 */
export function heatColour(value: number, domain: Domain, running = false): { background: string; text: string; level: number } {
  const span = domain.max - domain.min;
  const level = span > 0 ? Math.min(1, Math.max(0, (value - domain.min) / span)) : 0;
  const position = level * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(position));
  const shade = mix(RAMP[i], RAMP[i + 1], position - i);
  const background = running ? mix(shade, WHITE, RUNNING_LIGHTER) : shade;
  // Whichever of white and black reads better: on every shade of the ramp one of them has a contrast of at least 4.5:1.
  return { background, text: contrast(background, WHITE) >= contrast(background, BLACK) ? WHITE : BLACK, level };
}

const WHITE = '#ffffff';
const BLACK = '#000000';
/** How much of the way to white a running period's colour is drawn. */
const RUNNING_LIGHTER = 0.5;

/** The ramp's stops, for the legend. */
export const COLOUR_RAMP: readonly string[] = RAMP;

function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  return `#${[0, 1, 2]
    .map((k) => Math.round(channel(a, k) + (channel(b, k) - channel(a, k)) * t).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((k) => {
    const c = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

// ——— The retention model ———

type Matrix = CohortReport['matrix'];
export type RetentionModel = NonNullable<Matrix['model']>;

/**
 * The share of subscribers still subscribed after each period, as observed:
 * per period since acquisition, the survivors of the cohorts that reached it
 * over those cohorts' subscribers at acquisition (the counts the model is
 * fitted on); null where no cohort with subscribers has reached it.
 */
export function observedSurvival(matrix: Pick<Matrix, 'cohorts'>, periods: number): (number | null)[] {
  return Array.from({ length: periods }, (_, k) => {
    let survivors = 0;
    let subscribers = 0;
    for (const row of matrix.cohorts) {
      const first = row.cells[0]?.survivors ?? 0;
      const cell = row.cells[k];
      if (first > 0 && cell) {
        survivors += cell.survivors ?? 0;
        subscribers += first;
      }
    }
    return subscribers > 0 ? (survivors / subscribers) * 100 : null;
  });
}

/** The model's share of a cohort's subscribers remaining after 0 … `last` periods, in %: S(t) = S(t−1) (β+t−1)/(α+β+t−1). */
export function modelSurvival(model: Pick<RetentionModel, 'alpha' | 'beta'>, last: number): number[] {
  const curve = [100];
  for (let t = 1; t <= last; t++) curve.push((curve[t - 1] * (model.beta + t - 1)) / (model.alpha + model.beta + t - 1));
  return curve;
}

/** The expected lifetime in words. */
export function lifetimeSentence(model: Pick<RetentionModel, 'expected_lifetime' | 'median_lifetime'>, by: Grain): string {
  const median =
    model.median_lifetime === null
      ? 'more than half of them are expected never to leave'
      : `half of a cohort's subscribers have left after ${model.median_lifetime} ${unitName(by, model.median_lifetime)}`;
  if (model.expected_lifetime === null) return `Some subscribers almost never leave, so the average lifetime has no limit; ${median}.`;
  return `A subscriber stays ${model.expected_lifetime.toFixed(1)} ${unitName(by, 2)} on average; ${median}.`;
}

/** The API's names in its notes, and what this page calls them. */
const PAGE_WORDS: [RegExp, string][] = [
  [/activity "subscription"/g, '“Active means: Subscribed”'],
  [/activity "purchase"/g, '“Active means: Bought”'],
  [/GET \/v1\/clv/g, 'the predicted CLV of the Customers view'],
];

/**
 * The report's notes as the page words them: the running period is marked in
 * the table itself, so its note is left out; the API's parameters become the
 * controls that set them.
 */
export function readerNotes(notes: readonly string[]): string[] {
  return notes.filter((n) => !/is still running \(complete: false\)/.test(n)).map((n) => sentence(PAGE_WORDS.reduce((text, [api, page]) => text.replace(api, page), n)));
}
