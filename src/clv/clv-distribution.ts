// How predicted values spread over a customer base: a histogram on round
// edges up to the 99th percentile (one open bin above it, so a few whales do
// not squeeze everyone else into the first bar) and the usual percentiles.

/** One bar: customers whose value lies in [from, to); `to` null for the open last bin. */
export interface ValueBin {
  from: number;
  to: number | null;
  customers: number;
  /** Their share of the total value, 0 … 1. */
  value_share: number;
}

export interface ValueDistribution {
  bins: ValueBin[];
  p50: number;
  p90: number;
  p99: number;
}

/**
 * The histogram and percentiles of non-negative values (linear interpolation
 * between order statistics, as numpy's default percentile).
 *
 * @example distributeValues([0, 1, 2, 3, 40], 4).bins[0] // → { from: 0, to: 10, customers: 4, value_share: 6 / 46 }
 */
export function distributeValues(values: readonly number[], bars = 10): ValueDistribution {
  if (values.length === 0) return { bins: [], p50: 0, p90: 0, p99: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = percentile(sorted, 0.99);
  const width = niceStep((p99 > 0 ? p99 : sorted.at(-1)!) / bars);
  const closed = width > 0 ? Math.max(1, Math.ceil(p99 / width - 1e-9)) : 0;
  const bins: ValueBin[] = Array.from({ length: closed }, (_, i) => ({ from: i * width, to: (i + 1) * width, customers: 0, value_share: 0 }));
  if (sorted.at(-1)! >= closed * width) bins.push({ from: closed * width, to: null, customers: 0, value_share: 0 });
  const total = sorted.reduce((s, v) => s + v, 0);
  for (const v of sorted) {
    const bin = bins[width > 0 ? Math.min(Math.floor(v / width), bins.length - 1) : 0];
    bin.customers++;
    bin.value_share += total > 0 ? v / total : 0;
  }
  return { bins, p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99 };
}

function percentile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** The smallest of 1, 2, 2.5 or 5 × 10ⁿ at or above `raw` (0 for 0). */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 0;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw * (1 - 1e-12)) return m * power;
  return 10 * power;
}
