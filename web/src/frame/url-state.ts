// What a view shows, kept in the address's query string so a view can be
// shared and reloaded: the date range, the filters, and each view's own
// choices. Parsing never throws: a bad value is named in `problems` and the
// default is used instead. Pure.
import { isDate, presetRange, RANGE_PRESETS, type DateRange, type RangePreset } from './date-range';

export const FILTER_DIMENSIONS = ['channel', 'platform', 'campaign'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export const GRAINS = ['day', 'week', 'month'] as const;
export type ChartGrain = (typeof GRAINS)[number];

export interface ViewState {
  preset: RangePreset;
  range: DateRange;
  filters: Record<FilterDimension, string[]>;
  /** The view's own parameters (kpis, metric, grain, sort, …), as given. */
  params: URLSearchParams;
}

export interface ParsedState {
  state: ViewState;
  problems: string[];
}

const DEFAULT_PRESET = 'last_30' satisfies RangePreset;
const SHARED = new Set(['range', 'from', 'to', ...FILTER_DIMENSIONS]);

export function parseViewState(search: string, today: string): ParsedState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let preset = (params.get('range') ?? (params.has('from') || params.has('to') ? 'custom' : DEFAULT_PRESET)) as RangePreset;
  if (!RANGE_PRESETS.some((p) => p.id === preset)) {
    problems.push(`Unknown date range "${params.get('range')}"; showing the last 30 days.`);
    preset = DEFAULT_PRESET;
  }
  let range = preset === 'custom' ? customRange(params, problems) : presetRange(preset, today);
  if (!range) {
    preset = DEFAULT_PRESET;
    range = presetRange(DEFAULT_PRESET, today);
  }
  const filters = Object.fromEntries(
    FILTER_DIMENSIONS.map((d) => [d, (params.get(d) ?? '').split(',').map((v) => v.trim()).filter(Boolean)]),
  ) as Record<FilterDimension, string[]>;
  const own = new URLSearchParams([...params].filter(([name]) => !SHARED.has(name)));
  return { state: { preset, range, filters, params: own }, problems };
}

function customRange(params: URLSearchParams, problems: string[]): DateRange | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isDate(value)) {
      problems.push(`"${value}" is not a date (${name} must be YYYY-MM-DD); showing the last 30 days.`);
      return null;
    }
  }
  if (from > to) {
    problems.push(`The range starts (${from}) after it ends (${to}); showing the last 30 days.`);
    return null;
  }
  return { from, to };
}

/** The query string of a state (shared part first, then the view's own parameters). */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.preset === 'custom') {
    params.set('from', state.range.from);
    params.set('to', state.range.to);
  } else if (state.preset !== DEFAULT_PRESET) {
    params.set('range', state.preset);
  }
  for (const d of FILTER_DIMENSIONS) if (state.filters[d].length > 0) params.set(d, state.filters[d].join(','));
  for (const [name, value] of state.params) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A view's parameters with `values` written in: a string sets its parameter, null removes it. */
export function withParams(params: URLSearchParams, values: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(values)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** The API's filters for a state. */
export function queryFilters(filters: Record<FilterDimension, string[]>): { dimension: FilterDimension; op: 'in'; values: string[] }[] {
  return FILTER_DIMENSIONS.filter((d) => filters[d].length > 0).map((d) => ({ dimension: d, op: 'in' as const, values: filters[d] }));
}
