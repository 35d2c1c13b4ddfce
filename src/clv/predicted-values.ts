// Each customer's predicted value for the metrics layer (predicted_clv,
// predicted_ltv_cac): BG/NBD and Gamma-Gamma fitted on every completed order
// up to yesterday, each customer's residual value over the next 365 days at
// 10 % a year and the workspace's margin — KPIS.md's defaults. A fit is kept
// until the workspace's data, settings or day change.
import { QueryError } from '../core/errors.js';
import { addDays, localDate } from '../core/time.js';
import type { CustomerValues } from '../metrics/customer-values.js';
import type { QueryRunner, Workspace } from '../warehouse/warehouse.js';
import { discountRatePerPeriod, estimateClv } from './clv.js';

const HORIZON_DAYS = 365;
const DISCOUNT_PER_YEAR = 0.1;
const PERIOD_DAYS = 30;

/** Gives a workspace's customer values, fitting again only when what they depend on changed. */
export type PredictedValues = (workspace: Workspace) => Promise<CustomerValues>;

/**
 * A source of predicted customer values over a warehouse, with one fit kept
 * per workspace (keyed by the loaded data's freshness, the margin and
 * currency, and today's date).
 *
 * @example const values = predictedValues(warehouse); (await values(workspace)).values.get('c1') // → 41.7
 */
export function predictedValues(warehouse: Pick<QueryRunner, 'customerRfm' | 'freshness'>, now: () => number = Date.now): PredictedValues {
  const fits = new Map<string, { key: string; values: Promise<CustomerValues> }>();
  return async (workspace) => {
    const { settings } = workspace;
    const today = localDate(now(), settings.timezone);
    const key = JSON.stringify([await warehouse.freshness(workspace.name), settings.gross_margin, settings.currency, today]);
    const kept = fits.get(workspace.name);
    if (kept?.key === key) return kept.values;
    const values = fitValues(warehouse, workspace, addDays(today, -1));
    fits.set(workspace.name, { key, values });
    values.catch(() => fits.delete(workspace.name));
    return values;
  };
}

async function fitValues(warehouse: Pick<QueryRunner, 'customerRfm'>, workspace: Workspace, calibrationEnd: string): Promise<CustomerValues> {
  const customers = await warehouse.customerRfm(workspace.name, { calibrationEnd, timeUnit: 'day' });
  if (customers.length === 0) return { values: new Map(), note: `predicted_clv: no customer has a completed order up to ${calibrationEnd}` };
  try {
    const { clv } = estimateClv(customers, {
      horizon: HORIZON_DAYS,
      periodLength: PERIOD_DAYS,
      discountRate: discountRatePerPeriod(DISCOUNT_PER_YEAR, PERIOD_DAYS, 'day'),
      margin: workspace.settings.gross_margin,
    });
    return { values: new Map(clv.customers.map((c) => [c.id, c.clv])) };
  } catch (error) {
    if (error instanceof QueryError) return { values: new Map(), note: `predicted_clv: the CLV models cannot be fitted on this data (${error.message})` };
    throw error;
  }
}
