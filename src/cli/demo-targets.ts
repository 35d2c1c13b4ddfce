// The demo's goals and benchmark bands, so the dashboard's goals view and
// tiles have something to show: targets set from the demo's own last 30
// days, as a marketer would set next month's from this month's.
import { addDays } from '../core/time.js';
import { createGoal } from '../goals/goals-service.js';
import { createBenchmark } from '../metrics/benchmarks-service.js';
import { queryMetrics } from '../metrics/query-service.js';
import type { Warehouse, Workspace } from '../warehouse/warehouse.js';

/** Creates a revenue goal and a CPA goal for the 30 days around `end`, and ROAS / CTR benchmark bands. */
export async function createDemoTargets(warehouse: Warehouse, workspace: Workspace, end: string): Promise<void> {
  const last30 = await queryMetrics(warehouse, workspace, { metrics: ['revenue', 'cpa', 'roas', 'ctr'], from: addDays(end, -29), to: end });
  const { revenue, cpa, roas, ctr } = last30.totals;
  const name = workspace.name;
  // The goals run from 20 days ago to 10 days ahead, so they are two-thirds through.
  const period = { from: addDays(end, -19), to: addDays(end, 10) };
  if (revenue) await createGoal(warehouse, name, { name: 'Revenue, 30 days', metric: 'revenue', target: roundTo(revenue * 1.1, 1000), ...period });
  if (cpa) await createGoal(warehouse, name, { name: 'Keep CPA down', metric: 'cpa', target: Math.round(cpa * 0.9 * 100) / 100, ...period });
  if (roas) await createBenchmark(warehouse, name, { metric: 'roas', low: Math.round(roas * 0.7 * 10) / 10, high: Math.round(roas * 1.2 * 10) / 10, label: 'plan' });
  if (ctr) await createBenchmark(warehouse, name, { metric: 'ctr', low: 0.9, high: 2.5, label: 'industry' });
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}
