// The experiments view's choices and its question to POST
// /v1/experiments/analyze: the experiment, metric, control, test window,
// CUPED and sequential testing as the address keeps them (a bad value is
// named and the default used), the metrics an experiment can be read on with
// their plain names and units, and the body of the request. Pure.
import type { ExperimentRequest } from '../../api/client';
import type { DateRange } from '../../frame/date-range';

/** The address parameters of the view (prefixed: the address carries them to the other views). */
export const PARAMS = { experiment: 'experiment', metric: 'exp_metric', control: 'exp_control', window: 'exp_window', cuped: 'exp_cuped', sequential: 'exp_sequential' } as const;

export const DEFAULT_METRIC = 'visitor_cvr';

/** How a metric's value reads: a share of people (%), money per person, or a count per person. */
export type MetricUnit = 'rate' | 'money' | 'count';

export interface ExperimentMetricOption {
  id: string;
  /** The plain name, as the select and the table head show it. */
  label: string;
  unit: MetricUnit;
}

/** The catalog metrics a readout compares per exposed person. */
export const CATALOG_METRICS: readonly ExperimentMetricOption[] = [
  { id: 'visitor_cvr', label: 'Conversion rate', unit: 'rate' },
  { id: 'revenue', label: 'Revenue per person', unit: 'money' },
  { id: 'conversions', label: 'Conversions per person', unit: 'count' },
  { id: 'pageviews', label: 'Page views per person', unit: 'count' },
];

/** Event types offered beside the workspace's conversion types, with what doing them means. */
const EVENT_LABELS: Record<string, string> = { purchase: 'Purchased', signup: 'Signed up', lead: 'Sent a lead form' };

/**
 * Event types a readout can compare as "did the person do it after exposure"
 * (a rate): the workspace's conversion types and DATA.md's sign-up, purchase
 * and lead, each once.
 *
 * @example eventMetrics(['purchase', 'demo_booked']) // [Purchased, Did demo_booked, Signed up, Sent a lead form]
 */
export function eventMetrics(conversionTypes: readonly string[]): ExperimentMetricOption[] {
  const types = [...new Set([...conversionTypes, 'purchase', 'signup', 'lead'])].filter((t) => t !== 'experiment_exposure');
  return types.map((id) => ({ id, label: EVENT_LABELS[id] ?? `Did ${id}`, unit: 'rate' }));
}

/** A metric as the page names and formats it; any name outside the catalog is an event type (a rate). */
export function metricOption(id: string): ExperimentMetricOption {
  return CATALOG_METRICS.find((m) => m.id === id) ?? { id, label: EVENT_LABELS[id] ?? `Did ${id}`, unit: 'rate' };
}

export type TestWindow = 'whole' | 'range';

export interface ExperimentChoices {
  /** Null: the most recently exposed experiment. */
  experiment: string | null;
  metric: string;
  /** Null: the API's choice (a variant named control, else the first by name). */
  control: string | null;
  /** The whole test (every exposure, outcomes up to now) or the toolbar's dates. */
  window: TestWindow;
  cuped: boolean;
  sequential: boolean;
}

const ON_OFF = ['on', 'off'] as const;

/** The view's choices in the address; a bad value is named in `problems` and its default used. */
export function parseExperimentChoices(params: URLSearchParams): { choices: ExperimentChoices; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const window = text(PARAMS.window);
  if (window !== null && window !== 'whole' && window !== 'range') problems.push(`Unknown test window "${window}" (whole or range); showing the whole test.`);
  const flag = (name: string, what: string, fallback: boolean) => {
    const value = text(name);
    if (value === null) return fallback;
    if ((ON_OFF as readonly string[]).includes(value)) return value === 'on';
    problems.push(`${what} must be on or off (the address says "${value}"); showing it ${fallback ? 'on' : 'off'}.`);
    return fallback;
  };
  return {
    choices: {
      experiment: text(PARAMS.experiment),
      metric: text(PARAMS.metric) ?? DEFAULT_METRIC,
      control: text(PARAMS.control),
      window: window === 'range' ? 'range' : 'whole',
      cuped: flag(PARAMS.cuped, 'CUPED', true),
      sequential: flag(PARAMS.sequential, 'Sequential testing', false),
    },
    problems,
  };
}

/** The address parameters of a choice: defaults are left out, so the default readout has a short address. */
export function choiceParams(choices: Partial<ExperimentChoices>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('experiment' in choices) out[PARAMS.experiment] = choices.experiment ?? null;
  if ('metric' in choices) out[PARAMS.metric] = choices.metric === DEFAULT_METRIC ? null : (choices.metric ?? null);
  if ('control' in choices) out[PARAMS.control] = choices.control ?? null;
  if ('window' in choices) out[PARAMS.window] = choices.window === 'range' ? 'range' : null;
  if ('cuped' in choices) out[PARAMS.cuped] = choices.cuped === false ? 'off' : null;
  if ('sequential' in choices) out[PARAMS.sequential] = choices.sequential ? 'on' : null;
  return out;
}

/**
 * The body of POST /v1/experiments/analyze: the whole test sends no dates
 * (the API reads from the first exposure to now), the toolbar's window its
 * from and to; options are sent only where they differ from the API's
 * defaults.
 *
 * @example analyzeBody({ experiment: 'x', metric: 'revenue', control: null, window: 'whole', cuped: false, sequential: false }, 'x', range)
 * // { experiment: 'x', metric: 'revenue', cuped: false }
 */
export function analyzeBody(choices: ExperimentChoices, experiment: string, range: DateRange): ExperimentRequest {
  return {
    experiment,
    metric: choices.metric,
    ...(choices.window === 'range' ? { from: range.from, to: range.to } : {}),
    ...(choices.control ? { control: choices.control } : {}),
    ...(choices.cuped ? {} : { cuped: false }),
    ...(choices.sequential ? { sequential: true } : {}),
  };
}
