// The segments view's choices (kept in the address: the ratio KPI, the one to
// three dimensions whose segments are judged, the least spend a segment
// needs), and the body of POST /v1/segments/underperforming over the
// toolbar's range and filters. Pure.
import type { CatalogMetric, SegmentsBody } from '../../api/client';
import type { DateRange } from '../../frame/date-range';
import { queryFilters, type FilterDimension } from '../../frame/url-state';

/** The ratio KPIs with a better direction that segments are judged on, in the picker's order. */
export const SEGMENT_METRICS: readonly string[] = ['cpa', 'roas', 'ctr', 'cvr', 'cpc', 'cpm', 'roi', 'aov', 'paid_cac'];
/** The dimensions a segment can be made of, in the picker's order. */
export const SEGMENT_DIMENSIONS = ['campaign', 'channel', 'platform', 'ad_group', 'ad', 'objective', 'device', 'country', 'source', 'medium', 'landing_page'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];
export const MAX_DIMENSIONS = 3;
export const MIN_SPEND_CHOICES: readonly number[] = [0, 50, 100, 500, 1000];

export const PARAMS = { metric: 'metric', by: 'by', minSpend: 'min_spend' } as const;
export const DEFAULT_METRIC = 'ctr';
export const DEFAULT_DIMENSIONS: readonly SegmentDimension[] = ['campaign'];

export interface SegmentsChoices {
  metric: string;
  /** One to three dimensions, in the order chosen. */
  dimensions: SegmentDimension[];
  /** Segments that spent less are left out; 0 judges every one. */
  minSpend: number;
}

/** The choices of an address; a bad value is named in `problems` and its default used. */
export function parseSegmentsChoices(params: URLSearchParams): { choices: SegmentsChoices; problems: string[] } {
  const problems: string[] = [];
  const metric = params.get(PARAMS.metric)?.trim() || DEFAULT_METRIC;
  let dimensions = [...DEFAULT_DIMENSIONS];
  const byText = params.get(PARAMS.by);
  if (byText) {
    const named = [...new Set(byText.split(',').map((d) => d.trim()).filter(Boolean))];
    const unknown = named.filter((d) => !(SEGMENT_DIMENSIONS as readonly string[]).includes(d));
    const known = named.filter((d): d is SegmentDimension => (SEGMENT_DIMENSIONS as readonly string[]).includes(d));
    if (unknown.length > 0) problems.push(`Unknown dimension${unknown.length === 1 ? '' : 's'} ${unknown.map((d) => `"${d}"`).join(', ')} (one of ${SEGMENT_DIMENSIONS.join(', ')}); left out.`);
    if (known.length > MAX_DIMENSIONS) problems.push(`Segments are made of at most ${MAX_DIMENSIONS} dimensions; using ${known.slice(0, MAX_DIMENSIONS).join(', ')}.`);
    if (known.length > 0) dimensions = known.slice(0, MAX_DIMENSIONS);
  }
  let minSpend = 0;
  const spendText = params.get(PARAMS.minSpend);
  if (spendText) {
    const amount = Number(spendText);
    if (Number.isFinite(amount) && amount >= 0) minSpend = amount;
    else problems.push(`The least spend must be an amount of 0 or more (the address says "${spendText}"); judging every segment.`);
  }
  return { choices: { metric, dimensions, minSpend }, problems };
}

/** The address parameters of the choices changed; the defaults are left out. */
export function choiceParams(change: Partial<SegmentsChoices>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (change.metric !== undefined) params[PARAMS.metric] = change.metric;
  if (change.dimensions !== undefined) params[PARAMS.by] = change.dimensions.join(',') === DEFAULT_DIMENSIONS.join(',') ? null : change.dimensions.join(',');
  if (change.minSpend !== undefined) params[PARAMS.minSpend] = change.minSpend === 0 ? null : String(change.minSpend);
  return params;
}

/** The dimensions after a click on one: removed if chosen (never the last), else added at the end while fewer than three. */
export function toggleDimension(chosen: readonly SegmentDimension[], dimension: SegmentDimension): SegmentDimension[] {
  if (chosen.includes(dimension)) return chosen.length > 1 ? chosen.filter((d) => d !== dimension) : [...chosen];
  return chosen.length < MAX_DIMENSIONS ? [...chosen, dimension] : [...chosen];
}

/** The body of POST /v1/segments/underperforming for the choices over the toolbar's range and filters. */
export function segmentsBody(choices: SegmentsChoices, range: DateRange, filters: Record<FilterDimension, string[]>): SegmentsBody {
  const chosen = queryFilters(filters);
  return {
    metric: choices.metric,
    dimensions: [...choices.dimensions],
    from: range.from,
    to: range.to,
    ...(chosen.length > 0 ? { filters: chosen } : {}),
    ...(choices.minSpend > 0 ? { min_spend: choices.minSpend } : {}),
  };
}

/** The picker's metrics: the judged ratios the catalog has, in SEGMENT_METRICS order (all of them by id until it arrives). */
export function segmentMetrics(catalog: readonly CatalogMetric[]): { id: string; label: string }[] {
  if (catalog.length === 0) return SEGMENT_METRICS.map((id) => ({ id, label: id.toUpperCase() }));
  const byId = new Map(catalog.map((m) => [m.id, m]));
  return SEGMENT_METRICS.flatMap((id) => {
    const m = byId.get(id);
    return m ? [{ id, label: m.label }] : [];
  });
}

/** The dimensions the metric can be read by (every one until the catalog says). */
export function dimensionChoices(metric: CatalogMetric | undefined): SegmentDimension[] {
  if (!metric) return [...SEGMENT_DIMENSIONS];
  return SEGMENT_DIMENSIONS.filter((d) => (metric.dimensions as readonly string[]).includes(d));
}
