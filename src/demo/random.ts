// Seeded pseudo-random numbers for the demo generator. Every draw goes through
// one of these streams so that a seed reproduces the whole data set; nothing in
// src/demo may call Math.random().

/** A deterministic stream of random draws (mulberry32 underneath). */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Gaussian draw (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Lognormal draw whose arithmetic mean is `mean`; sigma is the log-scale spread. */
  lognormal(mean: number, sigma: number): number;
  /** Exponential draw with the given mean. */
  exponential(mean: number): number;
  /** Poisson count with mean lambda. */
  poisson(lambda: number): number;
  /** Gamma draw (Marsaglia–Tsang) with shape k and scale theta (mean k·theta). */
  gamma(shape: number, scale: number): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number;
  /** Element drawn with probability proportional to its weight. */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /** Lower-case hex string of the given length (ids, click ids). */
  hex(length: number): string;
}

/**
 * Mixes a seed with further integers into a new 32-bit seed, so independent
 * sub-streams (per visitor, per source family) never overlap or shift each
 * other when one of them draws more numbers.
 * @example createRandom(deriveSeed(seed, visitorIndex, 1))
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  // The seed is scrambled before any part joins, so (seed, part) pairs cannot
  // cancel out (a plain seed ^ part would make seed 2 / visitor 1 equal seed 3 / visitor 0).
  let h = fmix32((seed ^ 0x9e3779b9) >>> 0);
  for (const part of parts) h = fmix32((Math.imul(h, 31) ^ fmix32((part + 0x632be5ab) >>> 0)) >>> 0);
  return h;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** @example const rng = createRandom(42); rng.poisson(3) */
export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}

const HEX = '0123456789abcdef';

class Mulberry32 implements Random {
  private state: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  lognormal(mean: number, sigma: number): number {
    return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k)
      return this.gamma(shape + 1, scale) * Math.pow(1 - this.next(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
    }
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    return items[this.weightedIndex(weights)];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += HEX[Math.floor(this.next() * 16)];
    return out;
  }
}
