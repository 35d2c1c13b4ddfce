// Geometric adstock: the carry-over of advertising from one day to the next,
// aₜ = xₜ + θ·aₜ₋₁, and its steady state x / (1 − θ) — the adstock that a
// constant daily spend x settles at. Fitting starts the recursion at the
// steady state of the first day, and the optimiser converts a period's daily
// spend with the same steady state, so both read a curve the same way.
import { ValidationError } from '../core/errors.js';

/** The largest decay a curve may have: beyond it, one day's spend echoes for months. */
export const MAX_ADSTOCK_DECAY = 0.9;

/**
 * aₜ = xₜ + θ·aₜ₋₁ over daily spend, starting from a₋₁ = x₀ / (1 − θ)
 * (so a₀ = x₀ / (1 − θ) too): the history is taken to have run at its first
 * day's spend before it starts, so its first days are not read as
 * under-advertised.
 *
 * @example
 * geometricAdstock([100, 0, 50], 0.5) // → [200, 100, 100]
 */
export function geometricAdstock(spend: readonly number[], theta: number): number[] {
  checkDecay(theta);
  const out = new Array<number>(spend.length);
  let carry = spend.length > 0 ? spend[0] / (1 - theta) : 0;
  for (let t = 0; t < spend.length; t++) {
    carry = spend[t] + theta * carry;
    out[t] = carry;
  }
  return out;
}

/**
 * The adstock a constant daily spend settles at: x / (1 − θ).
 *
 * @example
 * steadyStateAdstock(100, 0.5) // → 200
 */
export function steadyStateAdstock(dailySpend: number, theta: number): number {
  checkDecay(theta);
  return dailySpend / (1 - theta);
}

/**
 * Throws a ValidationError unless 0 ≤ θ ≤ MAX_ADSTOCK_DECAY.
 *
 * @example
 * checkDecay(0.95) // throws: the adstock decay θ must lie in [0, 0.9], got 0.95
 */
export function checkDecay(theta: number): void {
  if (!(theta >= 0 && theta <= MAX_ADSTOCK_DECAY)) {
    throw new ValidationError(`the adstock decay θ must lie in [0, ${MAX_ADSTOCK_DECAY}], got ${theta}`, { field: 'theta' });
  }
}
