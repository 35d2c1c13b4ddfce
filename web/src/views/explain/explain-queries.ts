// The explain view's choices (kept in the address: the metric, the dimension
// to split by, the period compared with), the body of POST /v1/explain over
// the toolbar's range and filters, and the metric picker's order: the ratio
// KPIs a marketer asks "why" about first, then the rest of the catalog. Pure.
import type { CatalogMetric, ExplainBody } from '../../api/client';
import type { DateRange } from '../../frame/date-range';
import { queryFilters, type FilterDimension } from '../../frame/url-state';

export const COMPARES = ['previous_period', 'previous_year'] as const;
export type Compare = (typeof COMPARES)[number];
export const COMPARE_LABELS: Record<Compare, string> = { previous_period: 'Previous period', previous_year: 'Previous year' };

/** The dimensions a change can be split by, in the order the picker lists them. */
export const BREAKDOWNS = ['channel', 'campaign', 'platform', 'ad_group', 'ad', 'objective', 'source', 'medium', 'landing_page', 'device', 'country', 'conversion_type'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The ratio KPIs listed first, in this order. */
export const KEY_RATIOS: readonly string[] = ['cpa', 'roas', 'ctr', 'cvr', 'cpc', 'cpm', 'roi', 'aov', 'paid_cac'];

export const PARAMS = { metric: 'metric', by: 'by', compare: 'compare' } as const;
export const DEFAULT_METRIC = 'cpa';

export interface ExplainChoices {
  metric: string;
  /** The dimension to split the change across; null for none. */
  by: Breakdown | null;
  compare: Compare;
}

/** The choices of an address; a bad value is named in `problems` and its default used. */
export function parseExplainChoices(params: URLSearchParams): { choices: ExplainChoices; problems: string[] } {
  const problems: string[] = [];
  const metric = params.get(PARAMS.metric)?.trim() || DEFAULT_METRIC;
  let by: Breakdown | null = null;
  const byText = params.get(PARAMS.by);
  if (byText) {
    if ((BREAKDOWNS as readonly string[]).includes(byText)) by = byText as Breakdown;
    else problems.push(`Unknown dimension "${byText}" to split by (one of ${BREAKDOWNS.join(', ')}); not splitting.`);
  }
  let compare: Compare = 'previous_period';
  const compareText = params.get(PARAMS.compare);
  if (compareText) {
    if ((COMPARES as readonly string[]).includes(compareText)) compare = compareText as Compare;
    else problems.push(`Unknown comparison "${compareText}" (previous_period or previous_year); comparing with the previous period.`);
  }
  return { choices: { metric, by, compare }, problems };
}

/** The address parameters of the choices changed; the defaults are left out. */
export function choiceParams(change: Partial<ExplainChoices>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (change.metric !== undefined) params[PARAMS.metric] = change.metric;
  if (change.by !== undefined) params[PARAMS.by] = change.by;
  if (change.compare !== undefined) params[PARAMS.compare] = change.compare === 'previous_period' ? null : change.compare;
  return params;
}

/** The body of POST /v1/explain: the toolbar's range is the period explained. */
export function explainBody(choices: ExplainChoices, range: DateRange, filters: Record<FilterDimension, string[]>): ExplainBody {
  const chosen = queryFilters(filters);
  return {
    metric: choices.metric,
    from: range.from,
    to: range.to,
    compare: choices.compare,
    ...(choices.by ? { by: choices.by } : {}),
    ...(chosen.length > 0 ? { filters: chosen } : {}),
  };
}

export interface MetricGroup {
  label: string;
  metrics: CatalogMetric[];
}

/** The picker's groups: the key ratios the catalog has (in KEY_RATIOS order), then every other metric by its group. */
export function metricGroups(catalog: readonly CatalogMetric[]): MetricGroup[] {
  const byId = new Map(catalog.map((m) => [m.id, m]));
  const ratios = KEY_RATIOS.map((id) => byId.get(id)).filter((m): m is CatalogMetric => m !== undefined);
  const groups: MetricGroup[] = ratios.length > 0 ? [{ label: 'Key ratios', metrics: ratios }] : [];
  const rest = new Map<string, CatalogMetric[]>();
  for (const m of catalog) {
    if (KEY_RATIOS.includes(m.id)) continue;
    const label = m.group.replace(/_/g, ' ');
    rest.set(label, [...(rest.get(label) ?? []), m]);
  }
  for (const [label, metrics] of rest) groups.push({ label, metrics });
  return groups;
}

/** The dimensions the metric can be split by (every one until the catalog says). */
export function breakdownChoices(metric: CatalogMetric | undefined): Breakdown[] {
  if (!metric) return [...BREAKDOWNS];
  return BREAKDOWNS.filter((d) => (metric.dimensions as readonly string[]).includes(d));
}

/** A dimension as the page names it: "ad group", "landing page". */
export function dimensionLabel(dimension: string): string {
  return dimension.replace(/_/g, ' ');
}
