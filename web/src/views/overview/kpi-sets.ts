// Which KPIs the overview's tiles show: the headline set, a campaign
// objective's set (from the catalog), or a list of metric ids. Pure.
export const HEADLINE_KPIS = ['cost', 'revenue', 'roas', 'cpa', 'conversions', 'ctr'] as const;
export const HEADLINE = 'headline';

export interface KpiChoice {
  metrics: string[];
  problems: string[];
}

/** Resolves the `kpis` parameter against the catalog; unknown ids are named and left out. */
export function chooseKpis(param: string | null, objectives: Record<string, readonly string[]>, known: ReadonlySet<string>): KpiChoice {
  if (!param || param === HEADLINE) return { metrics: [...HEADLINE_KPIS], problems: [] };
  if (objectives[param]) return { metrics: [...objectives[param]], problems: [] };
  const ids = param.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !known.has(id));
  const metrics = ids.filter((id) => known.has(id));
  const problems = unknown.map((id) => `There is no metric "${id}" in the catalog; it is left out.`);
  return metrics.length > 0 ? { metrics, problems } : { metrics: [...HEADLINE_KPIS], problems: [...problems, 'Showing the headline KPIs instead.'] };
}
