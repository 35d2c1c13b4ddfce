// Richer factorisations of catalog KPIs into drivers a marketer steers: CPA
// is CPC ÷ CVR, CPC is CPM ÷ CTR, ROAS is AOV × conversions ÷ cost. Each
// factor is a formula over measures and `combine` rebuilds the KPI from the
// factors, equal to the catalog formula wherever both have a value. Pure data.
import type { Unit } from '../metrics/types.js';

export interface FactorDefinition {
  readonly id: string;
  /** The name a marketer knows the factor by. */
  readonly label: string;
  /** The factor as a formula over measures. */
  readonly compute: string;
  readonly unit: Unit;
}

export interface Factorisation {
  readonly factors: readonly FactorDefinition[];
  /** The KPI as a formula over the factor ids. */
  readonly combine: string;
}

const CPC: FactorDefinition = { id: 'cpc', label: 'CPC', compute: 'cost / clicks', unit: 'money' };
const CVR: FactorDefinition = { id: 'cvr', label: 'CVR', compute: 'conversions / clicks * 100', unit: 'percent' };
const CPM: FactorDefinition = { id: 'cpm', label: 'CPM', compute: 'cost / impressions * 1000', unit: 'money' };
const CTR: FactorDefinition = { id: 'ctr', label: 'CTR', compute: 'clicks / impressions * 100', unit: 'percent' };
const AOV: FactorDefinition = { id: 'aov', label: 'AOV', compute: 'revenue / conversions', unit: 'money' };
const CONVERSIONS: FactorDefinition = { id: 'conversions', label: 'Conversions', compute: 'conversions', unit: 'count' };
const COST: FactorDefinition = { id: 'cost', label: 'Cost', compute: 'cost', unit: 'money' };

/** Catalog metric id → its factorisation. */
export const KNOWN_FACTORISATIONS: ReadonlyMap<string, Factorisation> = new Map([
  // cost / conversions = (cost / clicks) / (conversions / clicks)
  ['cpa', { factors: [CPC, CVR], combine: 'cpc / cvr * 100' }],
  // cost / clicks = (cost / impressions) / (clicks / impressions)
  ['cpc', { factors: [CPM, CTR], combine: 'cpm / ctr / 10' }],
  // revenue / cost = (revenue / conversions) × conversions / cost
  ['roas', { factors: [AOV, CONVERSIONS, COST], combine: 'aov * conversions / cost' }],
  // (revenue − cost) / cost × 100 = (ROAS − 1) × 100
  ['roi', { factors: [AOV, CONVERSIONS, COST], combine: '(aov * conversions / cost - 1) * 100' }],
]);
