// The funnels view's choices and its question to POST /v1/funnels: the
// steps, window, order and breakdown as the address keeps them (a bad value
// is named and the default used), the preset funnels, the step names a
// marketer can pick (DATA.md's event types, the lifecycle stages and the
// start of a visit) with their plain names, and the numbers as the page
// writes them (times in words, rates with one decimal). Pure.
import type { FunnelBody } from '../../api/client';
import type { DateRange } from '../../frame/date-range';

export const FUNNEL_ORDERS = ['ordered', 'strict', 'any'] as const;
export type FunnelOrder = (typeof FUNNEL_ORDERS)[number];
export const FUNNEL_BREAKDOWNS = ['channel', 'campaign'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];

export const MIN_STEPS = 2;
export const MAX_STEPS = 10;
export const MAX_WINDOW_DAYS = 365;
export const DEFAULT_WINDOW_DAYS = 7;

/** The address parameters of the view. */
export const PARAMS = { steps: 'steps', window: 'window', order: 'order', breakdown: 'breakdown' } as const;

export interface FunnelPreset {
  id: string;
  label: string;
  steps: string[];
  /** A window that suits it: days for a purchase, weeks for a sales cycle. */
  windowDays: number;
  /** What the preset follows, for its tooltip. */
  description: string;
}

export const PRESETS: readonly FunnelPreset[] = [
  { id: 'ad', label: 'Ad → purchase', steps: ['ad_click', 'page_view', 'purchase'], windowDays: 7, description: 'people who clicked an ad, then viewed a page and bought' },
  { id: 'impression', label: 'Impression → purchase', steps: ['ad_impression', 'ad_click', 'session_start', 'purchase'], windowDays: 7, description: 'people who saw an ad, clicked it, visited and bought' },
  { id: 'visit', label: 'Visit → purchase', steps: ['session_start', 'purchase'], windowDays: 7, description: 'visitors who bought within the window' },
  { id: 'signup', label: 'Visit → sign-up → purchase', steps: ['session_start', 'signup', 'purchase'], windowDays: 7, description: 'visitors who signed up and then bought' },
  { id: 'email', label: 'Email → purchase', steps: ['email_open', 'email_click', 'purchase'], windowDays: 7, description: 'people who opened an email, clicked a link in it and bought' },
  { id: 'lead', label: 'Lead → customer', steps: ['stage:lead', 'mql', 'sql', 'customer'], windowDays: 60, description: 'CRM leads who became marketing-qualified, sales-qualified, then customers within 60 days' },
];

export const DEFAULT_STEPS: readonly string[] = PRESETS[0].steps;

export interface StepOption {
  value: string;
  /** The plain name the page shows. */
  label: string;
  /** What it means, beside the name in the step list. */
  detail?: string;
}

/** A group of the step list, each step written as [value, plain name, what it means]. */
function group(label: string, steps: readonly (readonly [value: string, name: string, detail?: string])[]): { label: string; options: readonly StepOption[] } {
  return { label, options: steps.map(([value, name, detail]) => (detail ? { value, label: name, detail } : { value, label: name })) };
}

/**
 * The steps a marketer can pick, grouped as they would look for them: every
 * event type of DATA.md, the start of a visit, and the CRM lifecycle stages.
 * `lead` is both an on-site event and a stage, so those two carry a prefix.
 */
export const STEP_GROUPS: readonly { label: string; options: readonly StepOption[] }[] = [
  group('Ads', [['ad_impression', 'Ad impression'], ['ad_click', 'Ad click']]),
  group('On the site', [
    ['session_start', 'Visit', 'start of a session'], ['page_view', 'Page view'], ['scroll', 'Scroll'],
    ['video_start', 'Video started'], ['video_progress', 'Video progress'], ['video_complete', 'Video completed'],
    ['event:lead', 'Lead form sent'], ['signup', 'Sign-up'], ['purchase', 'Purchase'], ['experiment_exposure', 'Experiment exposure'],
  ]),
  group('Email', [
    ['email_sent', 'Email sent'], ['email_delivered', 'Email delivered'], ['email_open', 'Email opened'],
    ['email_click', 'Email link clicked'], ['email_bounce', 'Email bounced'], ['email_unsubscribe', 'Unsubscribed'],
  ]),
  group('Social', [['social_impression', 'Social post seen'], ['social_like', 'Social like'], ['social_share', 'Social share'], ['social_comment', 'Social comment']]),
  group('CRM stages', [
    ['stage:lead', 'Lead'], ['mql', 'MQL', 'marketing-qualified lead'], ['sql', 'SQL', 'sales-qualified lead'],
    ['opportunity', 'Opportunity'], ['customer', 'Customer'], ['churned', 'Churned'], ['reactivated', 'Reactivated'],
  ]),
];

const LABELS = new Map(STEP_GROUPS.flatMap((g) => g.options.map((o) => [o.value, o.label] as const)));
// Names the server reads the same way as a listed one.
LABELS.set('lead', 'Lead');
LABELS.set('stage:lead', 'Lead');

/** Whether the name is one of the listed steps (a custom event type is not). */
export function isListedStep(name: string): boolean {
  return STEP_GROUPS.some((g) => g.options.some((o) => o.value === name));
}

const DETAILS = new Map(STEP_GROUPS.flatMap((g) => g.options.filter((o) => o.detail).map((o) => [o.value, o.detail as string] as const)));

/** What a listed step means, where its name alone may not say it (MQL, a visit); undefined otherwise. */
export function stepDetail(name: string): string | undefined {
  return DETAILS.get(name);
}

/** A step as the page names it: its plain name, or the event type as written. */
export function stepLabel(name: string): string {
  return LABELS.get(name) ?? name;
}

export interface FunnelChoices {
  steps: string[];
  windowDays: number;
  order: FunnelOrder;
  breakdown: FunnelBreakdown | null;
}

/** The view's choices in the address; a bad value is named in `problems` and its default used. */
export function parseFunnelChoices(params: URLSearchParams): { choices: FunnelChoices; problems: string[] } {
  const problems: string[] = [];
  let steps = splitSteps(params.get(PARAMS.steps));
  if (params.has(PARAMS.steps) && steps.length < MIN_STEPS) {
    problems.push(`A funnel needs at least ${MIN_STEPS} steps (the address names ${steps.length}); showing the ${PRESETS[0].label} funnel.`);
  }
  if (steps.length > MAX_STEPS) {
    problems.push(`A funnel has at most ${MAX_STEPS} steps; showing the first ${MAX_STEPS} of the ${steps.length} in the address.`);
    steps = steps.slice(0, MAX_STEPS);
  }
  if (steps.length < MIN_STEPS) steps = [...DEFAULT_STEPS];

  let windowDays = DEFAULT_WINDOW_DAYS;
  const windowText = params.get(PARAMS.window);
  if (windowText !== null) {
    const value = Number(windowText);
    if (windowText.trim() !== '' && Number.isFinite(value) && value > 0 && value <= MAX_WINDOW_DAYS) windowDays = value;
    else problems.push(`The window must be a number of days above 0 and at most ${MAX_WINDOW_DAYS} (the address says "${windowText}"); showing ${DEFAULT_WINDOW_DAYS} days.`);
  }

  let order: FunnelOrder = 'ordered';
  const orderText = params.get(PARAMS.order);
  if (orderText !== null) {
    if ((FUNNEL_ORDERS as readonly string[]).includes(orderText)) order = orderText as FunnelOrder;
    else problems.push(`Unknown step order "${orderText}" (ordered, strict or any); showing the steps in order.`);
  }

  let breakdown: FunnelBreakdown | null = null;
  const breakdownText = params.get(PARAMS.breakdown);
  if (breakdownText !== null) {
    if ((FUNNEL_BREAKDOWNS as readonly string[]).includes(breakdownText)) breakdown = breakdownText as FunnelBreakdown;
    else problems.push(`Unknown breakdown "${breakdownText}" (channel or campaign); showing no breakdown.`);
  }
  return { choices: { steps, windowDays, order, breakdown }, problems };
}

function splitSteps(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The address parameters of a choice: defaults are left out, so a default funnel has a short address. */
export function choiceParams(choices: FunnelChoices): Record<(typeof PARAMS)[keyof typeof PARAMS], string | null> {
  const defaultSteps = choices.steps.join(',') === DEFAULT_STEPS.join(',');
  return {
    [PARAMS.steps]: defaultSteps ? null : choices.steps.join(','),
    [PARAMS.window]: choices.windowDays === DEFAULT_WINDOW_DAYS ? null : String(choices.windowDays),
    [PARAMS.order]: choices.order === 'ordered' ? null : choices.order,
    [PARAMS.breakdown]: choices.breakdown,
  };
}

/** The body of POST /v1/funnels for the choices over the toolbar's range. */
export function funnelBody(choices: FunnelChoices, range: DateRange): FunnelBody {
  return {
    steps: [...choices.steps],
    window_days: choices.windowDays,
    from: range.from,
    to: range.to,
    ...(choices.order === 'ordered' ? {} : { order: choices.order }),
    ...(choices.breakdown ? { by: choices.breakdown } : {}),
  };
}

/** A typed step name, checked before it is sent: no commas (the address separates steps with them), not blank. */
export function customStepProblem(text: string): string | null {
  const name = text.trim();
  if (name === '') return 'Type an event type, e.g. add_to_cart.';
  if (name.includes(',')) return 'A step is one event type; add another step for the next one.';
  if (name.length > 200) return 'An event type has at most 200 characters.';
  return null;
}

export const ORDER_CHOICES: readonly { value: FunnelOrder; label: string; explanation: string; short: string }[] = [
  { value: 'ordered', label: 'In order', short: 'each step after the one before', explanation: 'Each step counts when it comes after the one before; other events may happen in between.' },
  {
    value: 'strict',
    label: 'Strictly in order',
    short: 'each step the very next one',
    explanation: 'Each step must be the very next funnel step: repeating a step or jumping ahead ends the person’s progress there.',
  },
  {
    value: 'any',
    label: 'Any order',
    short: 'the steps in any order',
    explanation: 'The steps may happen in any order within the window; people enter with whichever step they do first.',
  },
];

/** "7 days", "1 day", "0.5 days". */
export function windowLabel(days: number): string {
  return days === 1 ? '1 day' : `${formatNumber(days)} days`;
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
}

/**
 * A median time in words, as precise as it is worth: "2.5 s", "45 s",
 * "7 min 12 s", "43 min", "2 h 5 min", "3.2 days"; "—" for none.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 9.95) return `${trimZero(seconds.toFixed(1))} s`;
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  if (seconds < 599.5) {
    const whole = Math.round(seconds);
    const rest = whole % 60;
    return rest === 0 ? `${whole / 60} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  if (seconds < 3570) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_370) {
    const minutes = Math.round(seconds / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  const days = trimZero((seconds / 86_400).toFixed(1));
  return days === '1' ? '1 day' : `${days} days`;
}

const trimZero = (text: string) => text.replace(/\.0$/, '');

/**
 * A rate as the funnel shows it: one decimal ("42.4%"), two below 1 % so
 * small rates still differ ("0.34%"), "<0.01%" below that; "—" where there
 * is no one to divide by.
 */
export function formatRate(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  if (percent === 0 || percent >= 0.995) return `${percent.toFixed(1)}%`;
  if (percent < 0.005) return '<0.01%';
  return `${percent.toFixed(2)}%`;
}

interface StepCounts {
  name: string;
  count: number;
  conversion_from_previous: number | null;
}

/** The step that loses the largest share of the people of the step before; null when no step loses anyone. */
export function biggestDrop(steps: readonly StepCounts[]): { from: string; to: string; lost: number; lostPercent: number } | null {
  let best: { from: string; to: string; lost: number; lostPercent: number } | null = null;
  for (let i = 1; i < steps.length; i++) {
    const rate = steps[i].conversion_from_previous;
    if (rate === null) continue;
    const lostPercent = 100 - rate;
    const lost = steps[i - 1].count - steps[i].count;
    if (lost > 0 && (best === null || lostPercent > best.lostPercent)) best = { from: steps[i - 1].name, to: steps[i].name, lost, lostPercent };
  }
  return best;
}

/** Segments with fewer people than this are too small to call best or worst. */
export const MIN_SEGMENT_SIZE = 20;

export type SegmentTone = 'best' | 'worst' | null;

/**
 * Breakdown rows most entered first (the answer's order, made sure of), each
 * with its tone: the highest overall conversion "best", the lowest "worst",
 * among the segments of at least `minSize` people, when they differ.
 */
export function rankSegments<T extends { key: string; entered: number; overall_conversion: number | null }>(rows: readonly T[], minSize = MIN_SEGMENT_SIZE): (T & { tone: SegmentTone })[] {
  const sorted = [...rows].sort((a, b) => b.entered - a.entered || a.key.localeCompare(b.key));
  const rates = sorted.filter((r) => r.entered >= minSize && r.overall_conversion !== null).map((r) => r.overall_conversion as number);
  const high = rates.length >= 2 ? Math.max(...rates) : null;
  const low = rates.length >= 2 ? Math.min(...rates) : null;
  return sorted.map((r) => {
    const eligible = r.entered >= minSize && r.overall_conversion !== null && high !== null && low !== null && high > low;
    const tone: SegmentTone = eligible ? (r.overall_conversion === high ? 'best' : r.overall_conversion === low ? 'worst' : null) : null;
    return { ...r, tone };
  });
}

export interface StepProblems {
  /** Step index → the server's message about it. */
  steps: Map<number, string>;
  /** Problems with other fields (the window, the dates), as the server words them. */
  other: string[];
}

/** The problems of a 400 answer, per step where the server names one (`steps[1]`), else as a whole. */
export function stepProblems(details: unknown, message: string): StepProblems {
  const steps = new Map<number, string>();
  const other: string[] = [];
  const list = Array.isArray(details) ? details : [];
  for (const item of list) {
    const { field, message: text } = (item ?? {}) as { field?: unknown; message?: unknown };
    if (typeof field !== 'string' || typeof text !== 'string') continue;
    const step = /^steps\[(\d+)\]$/.exec(field);
    if (step) steps.set(Number(step[1]), text);
    else other.push(`${field} ${text}`);
  }
  if (steps.size === 0 && other.length === 0) other.push(message);
  return { steps, other };
}

/** The names a "did you mean a, b or c?" at the end of a message suggests. */
export function suggestions(message: string): string[] {
  const match = /did you mean (.+)\?\s*$/.exec(message);
  if (!match) return [];
  return match[1]
    .split(/, | or /)
    .map((s) => s.trim())
    .filter(Boolean);
}
