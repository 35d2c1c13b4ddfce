// The unit every attribution model works on: a distinct path of touches
// (channels, or campaigns, ad groups or ads) with how many journeys took it,
// how many of them converted, with what revenue. The warehouse aggregates
// journeys to these before they reach TypeScript; a path file holds them too.

/** A distinct path: its touches in order (first to last) and what the journeys along it did. */
export interface AggregatedPath {
  /** Keys of the touches, first to last; empty for conversions with no touch at all. */
  touches: string[];
  /**
   * Days from each touch to the conversion (same length as touches), for
   * time_decay; absent where unknown (path files), when time_decay cannot run.
   */
  daysBefore?: number[];
  /** Journeys along the path that converted. */
  conversions: number;
  /** Their revenue. */
  revenue: number;
  /** Journeys along the path that did not convert. */
  nulls: number;
}

/** What one key (a channel, campaign, …) is credited with. */
export interface Credit {
  conversions: number;
  revenue: number;
}

/** Credit per key; the sums over keys equal the paths' conversions and revenue. */
export type Credits = Map<string, Credit>;

/** Adds credit to a key. */
export function addCredit(credits: Credits, key: string, conversions: number, revenue: number): void {
  const found = credits.get(key);
  if (found) {
    found.conversions += conversions;
    found.revenue += revenue;
  } else {
    credits.set(key, { conversions, revenue });
  }
}
