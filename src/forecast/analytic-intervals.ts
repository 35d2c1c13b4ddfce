// Prediction intervals of the linear (additive) smoothing models from their
// exact forecast variance: with one-step errors N(0, σ²), the h-step error has
// variance σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²) (Hyndman et al. 2008, ch. 6; FPP 3rd ed. Table 8.8
// gives the same sums in closed form for ETS(A,N,N) … ETS(A,Ad,A)); and the
// exact variance of a total of consecutive forecasts, whose errors are correlated.
import { normalQuantile } from '../experiments/normal-distribution.js';
import type { SmoothingModel, SmoothingParams } from './smoothing.js';

/** A prediction interval around one point forecast. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * cⱼ = α + αβ·φⱼ + γ·[j mod m = 0], how much a one-step error moves the
 * forecast j steps later (φⱼ = φ + … + φʲ, or j undamped; the β term only
 * with trend, the γ term only with additive seasonality). αβ is the
 * error-correction slope gain of the component-form β.
 *
 * @example errorWeight({ trend: 'additive', season: 'none', period: 1 }, { alpha: 0.5, beta: 0.2, gamma: null, phi: null }, 3) // → 0.5 + 0.1·3 = 0.8
 */
export function errorWeight(model: SmoothingModel, params: SmoothingParams, j: number): number {
  let c = params.alpha;
  if (model.trend !== 'none') {
    const phi = model.trend === 'damped' ? (params.phi as number) : 1;
    let phiSum = 0;
    let phiPower = 1;
    for (let i = 1; i <= j; i++) {
      phiPower *= phi;
      phiSum += phiPower;
    }
    c += params.alpha * (params.beta as number) * phiSum;
  }
  if (model.season === 'additive' && j % model.period === 0) c += params.gamma as number;
  return c;
}

/**
 * The h-step forecast variances, h = 1…horizon: σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²).
 * Only for models without multiplicative seasonality.
 *
 * @example forecastVariances(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, 4, 3) // → [4, 5, 6]
 */
export function forecastVariances(model: SmoothingModel, params: SmoothingParams, sigma2: number, horizon: number): number[] {
  if (model.season === 'multiplicative') throw new Error('multiplicative seasonality has no closed-form forecast variance: simulate it');
  const variances: number[] = [];
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) sum += errorWeight(model, params, h - 1) ** 2;
    variances.push(sigma2 * sum);
  }
  return variances;
}

/**
 * Intervals ŷₕ ± z·σₕ with z the normal quantile of (1 + level)/2.
 *
 * @example analyticIntervals(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, 4, [10], 0.95) // → [{ lower: 6.08, upper: 13.92 }]
 */
export function analyticIntervals(model: SmoothingModel, params: SmoothingParams, sigma2: number, points: readonly number[], level: number): Interval[] {
  const z = normalQuantile((1 + level) / 2);
  return forecastVariances(model, params, sigma2, points.length).map((variance, i) => {
    const half = z * Math.sqrt(variance);
    return { lower: points[i] - half, upper: points[i] + half };
  });
}

/**
 * The variance of the error of a total of forecasts, ŷ_first + … + ŷ_last
 * (1 ≤ first ≤ last, horizons counted from the last observation). The h-step
 * error is εₕ + Σⱼ₌₁ʰ⁻¹ cⱼ·εₕ₋ⱼ, so the forecasts share their errors and the
 * total's error is Σₖ₌₁ˡᵃˢᵗ wₖ·εₖ with wₖ = Σₕ₌ₘₐₓ₍ₖ,first₎ˡᵃˢᵗ ψₕ₋ₖ (ψ₀ = 1,
 * ψⱼ = cⱼ): its variance σ²·Σ wₖ². That is more than the sum of the
 * variances, and its square root less than the sum of the interval half-widths.
 * Only for models without multiplicative seasonality.
 *
 * @example totalForecastVariance(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, 4, 1, 3)
 * // → 4 · (2² + 1.5² + 1²) = 29: the total is 2ε₁ + 1.5ε₂ + ε₃
 */
export function totalForecastVariance(model: SmoothingModel, params: SmoothingParams, sigma2: number, first: number, last: number): number {
  if (model.season === 'multiplicative') throw new Error('multiplicative seasonality has no closed-form forecast variance: simulate it');
  if (!(Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last >= first)) throw new Error(`a total runs over horizons 1 ≤ first ≤ last, got ${first}…${last}`);
  // cumulative[j] = ψ₀ + … + ψⱼ, so that wₖ = cumulative[last − k] − cumulative[first − k − 1].
  const cumulative: number[] = [1];
  for (let j = 1; j < last; j++) cumulative.push(cumulative[j - 1] + errorWeight(model, params, j));
  let sum = 0;
  for (let k = 1; k <= last; k++) {
    const below = first - k - 1;
    const w = cumulative[last - k] - (below >= 0 ? cumulative[below] : 0);
    sum += w * w;
  }
  return sigma2 * sum;
}
