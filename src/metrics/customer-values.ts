// Measures valued per customer (facts.ts CustomerValueMeasure): the engine
// lists the customers of each bucket and dimension combination, and their
// values — from a model fitted outside the metrics layer, e.g. predicted CLV —
// are summed here into the same shape the engine's aggregates have.
import type { FactResults } from './assemble.js';
import { FACTS, type Fact } from './facts.js';
import { BUCKET, CUSTOMER, type FactQueries } from './planner.js';
import type { Dimension } from './types.js';

/** Each customer's value from a fitted model, or why there is none. */
export interface CustomerValues {
  values: ReadonlyMap<string, number>;
  /** Said beside the answer, e.g. why the model could not be fitted. */
  note?: string;
}

/** Gives the customer values of a workspace; injected by whoever composes the services (the metrics layer fits no model). */
export type CustomerValuer = () => Promise<CustomerValues>;

/**
 * The plan's customer-valued measures per bucket and dimension combination,
 * and in total (each customer counted once), from the engine's customer list.
 * Customers without a value count in neither the sum nor the count.
 *
 * @example sumCustomerValues(plan, ['channel'], [{ channel: 'Email', customer: 'c1' }], new Map([['c1', 120]]))
 * // → { plan: …, rows: [{ channel: 'Email', predicted_clv_sum: 120, predicted_customers: 1 }], totals: { predicted_clv_sum: 120, predicted_customers: 1 }, … }
 */
export function sumCustomerValues(
  plan: FactQueries,
  dimensions: readonly Dimension[],
  customers: readonly Record<string, unknown>[],
  values: ReadonlyMap<string, number>,
): FactResults {
  const measures = plan.customerValueMeasures;
  const kinds = measures.map((m) => [m, (FACTS[plan.fact] as Fact).measures[m].customerValue] as const);
  const add = (into: Record<string, unknown>, value: number) => {
    for (const [m, kind] of kinds) into[m] = (into[m] as number) + (kind === 'sum' ? value : 1);
  };
  const zero = () => Object.fromEntries(measures.map((m) => [m, 0]));
  const cells = new Map<string, Record<string, unknown>>();
  const totals: Record<string, unknown> = zero();
  const counted = new Set<string>();
  for (const row of customers) {
    const id = String(row[CUSTOMER]);
    const value = values.get(id);
    if (value === undefined) continue;
    const keys: Record<string, unknown> = BUCKET in row ? { [BUCKET]: row[BUCKET] } : {};
    for (const d of dimensions) keys[d] = row[d];
    const key = JSON.stringify(Object.values(keys));
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { ...keys, ...zero() }));
    add(cell, value);
    if (!counted.has(id)) {
      counted.add(id);
      add(totals, value);
    }
  }
  return {
    plan: { fact: plan.fact, flowMeasures: measures, balanceMeasures: [], customerValueMeasures: [] },
    rows: [...cells.values()],
    totals,
    openingRows: [],
    openingTotals: {},
  };
}
