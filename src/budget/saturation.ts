// The two saturating shapes a channel's daily outcome may take as a function
// of its daily adstock a: Hill, β·a^α / (a^α + γ^α), and exponential
// saturation, β·(1 − e^(−a/γ)); their slopes, the slope's inverse on its
// falling branch (what the optimiser solves for), and their gradients with
// respect to the log-parameters (what the fit and its intervals use).

/** A Hill curve: β the ceiling, γ the adstock at half the ceiling, α the shape (S-shaped above 1). */
export interface HillSaturation {
  family: 'hill';
  beta: number;
  alpha: number;
  gamma: number;
}

/** An exponential saturation curve: β the ceiling, γ the adstock at 1 − 1/e of it; slope β/γ at zero. */
export interface ExponentialSaturation {
  family: 'exponential';
  beta: number;
  gamma: number;
}

export type Saturation = HillSaturation | ExponentialSaturation;
export type SaturationFamily = Saturation['family'];

/**
 * The daily outcome at adstock a ≥ 0.
 *
 * @example
 * saturate({ family: 'hill', beta: 3000, alpha: 2, gamma: 500 }, 500) // → 1500
 * saturate({ family: 'exponential', beta: 100, gamma: 10 }, 10) // → 100·(1 − 1/e) ≈ 63.21
 */
export function saturate(curve: Saturation, a: number): number {
  if (!(a > 0)) return 0;
  if (curve.family === 'exponential') return -curve.beta * Math.expm1(-a / curve.gamma);
  return curve.beta / (1 + hillRatio(curve, a));
}

/**
 * d outcome / d adstock at a ≥ 0 (the limit from above at 0: β/γ for the
 * exponential and for Hill with α = 1, 0 for α > 1, +∞ for α < 1).
 *
 * @example
 * saturationSlope({ family: 'exponential', beta: 100, gamma: 10 }, 0) // → 10
 * saturationSlope({ family: 'hill', beta: 3000, alpha: 2, gamma: 500 }, 500) // → 3000·2/(4·500) = 3
 */
export function saturationSlope(curve: Saturation, a: number): number {
  if (curve.beta === 0) return 0;
  if (curve.family === 'exponential') return (curve.beta / curve.gamma) * Math.exp(-Math.max(a, 0) / curve.gamma);
  const { beta, alpha, gamma } = curve;
  if (!(a > 0)) return alpha === 1 ? beta / gamma : alpha > 1 ? 0 : Infinity;
  const r = hillRatio(curve, a);
  if (!Number.isFinite(r)) return alpha > 1 ? 0 : alpha === 1 ? beta / gamma : Infinity;
  return (beta * alpha * r) / (a * (1 + r) * (1 + r));
}

/**
 * Where the slope peaks: 0 for the exponential and for Hill with α ≤ 1,
 * γ·((α − 1)/(α + 1))^(1/α) for Hill with α > 1. The curve is concave from
 * there on, so the slope falls and can be inverted.
 *
 * @example
 * slopePeak({ family: 'hill', beta: 1, alpha: 3, gamma: 100 }) // → 100·(1/2)^(1/3) ≈ 79.37
 */
export function slopePeak(curve: Saturation): number {
  if (curve.family === 'exponential' || curve.alpha <= 1) return 0;
  return curve.gamma * ((curve.alpha - 1) / (curve.alpha + 1)) ** (1 / curve.alpha);
}

/**
 * The adstock on the slope's falling branch (at or above slopePeak) where the
 * slope equals m > 0; slopePeak when m is at or above the steepest slope.
 * Closed form for the exponential, a bisection on log a for Hill.
 *
 * @example
 * inverseSlope({ family: 'exponential', beta: 100, gamma: 10 }, 10 / Math.E) // → 10
 */
export function inverseSlope(curve: Saturation, m: number): number {
  const peak = slopePeak(curve);
  if (curve.beta <= 0 || !(m > 0)) return m > 0 ? peak : Infinity;
  if (curve.family === 'exponential') {
    const top = curve.beta / curve.gamma;
    return m >= top ? 0 : curve.gamma * Math.log(top / m);
  }
  if (m >= saturationSlope(curve, peak)) return peak;
  let low = peak > 0 ? peak : curve.gamma * 1e-12;
  let high = Math.max(curve.gamma, low * 2);
  while (saturationSlope(curve, high) > m && high < 1e300) {
    low = high;
    high *= 16;
  }
  // The slope at low is above m (or low is the peak, where it is highest); at high it is at or below m.
  for (let i = 0; i < 200 && high - low > 1e-14 * high; i++) {
    const mid = Math.sqrt(low * high);
    if (saturationSlope(curve, mid) > m) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * The log-parameters a fit searches: [ln β, ln α, ln γ] for Hill, [ln β, ln γ] for the exponential.
 *
 * @example
 * logParameters({ family: 'exponential', beta: 1, gamma: Math.E }) // → [0, 1]
 */
export function logParameters(curve: Saturation): number[] {
  return curve.family === 'hill' ? [Math.log(curve.beta), Math.log(curve.alpha), Math.log(curve.gamma)] : [Math.log(curve.beta), Math.log(curve.gamma)];
}

/**
 * The curve at log-parameters (the inverse of logParameters).
 *
 * @example
 * fromLogParameters('exponential', [0, 1]) // → { family: 'exponential', beta: 1, gamma: e }
 */
export function fromLogParameters(family: SaturationFamily, point: readonly number[]): Saturation {
  return family === 'hill'
    ? { family, beta: Math.exp(point[0]), alpha: Math.exp(point[1]), gamma: Math.exp(point[2]) }
    : { family, beta: Math.exp(point[0]), gamma: Math.exp(point[1]) };
}

/**
 * ∂ outcome / ∂ log-parameters at adstock a, in the order of logParameters.
 * With r = (γ/a)^α and s = 1/(1 + r): Hill gives [β·s, −β·s²·r·α·ln(γ/a), −β·s²·r·α];
 * the exponential, with e = e^(−a/γ), gives [β·(1 − e), −β·e·a/γ].
 *
 * @example
 * saturationGradient({ family: 'exponential', beta: 2, gamma: 1 }, 1) // → [2·(1 − 1/e), −2/e]
 */
export function saturationGradient(curve: Saturation, a: number): number[] {
  if (!(a > 0)) return curve.family === 'hill' ? [0, 0, 0] : [0, 0];
  if (curve.family === 'exponential') {
    const e = Math.exp(-a / curve.gamma);
    return [-curve.beta * Math.expm1(-a / curve.gamma), (-curve.beta * e * a) / curve.gamma];
  }
  const { beta, alpha, gamma } = curve;
  const r = hillRatio(curve, a);
  if (!Number.isFinite(r) || r === 0) return [r === 0 ? beta : 0, 0, 0];
  const s = 1 / (1 + r);
  const common = -beta * s * s * r * alpha;
  return [beta * s, common * Math.log(gamma / a), common];
}

/** (γ/a)^α, computed in logarithms so that extreme ratios saturate to 0 or ∞ rather than to NaN. */
function hillRatio(curve: HillSaturation, a: number): number {
  return Math.exp(curve.alpha * (Math.log(curve.gamma) - Math.log(a)));
}
