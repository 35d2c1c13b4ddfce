// Time arithmetic in ClickHouse SQL that 18.16 understands: instants are Int64
// epoch milliseconds; wall clocks and day numbers are derived from them.

/** Integer division rounding down (intDiv rounds toward zero). */
export function floorDiv(value: string, divisor: number): string {
  return `(intDiv(${value}, ${divisor}) - (modulo(${value}, ${divisor}) < 0))`;
}

/**
 * Epoch milliseconds of the wall clock in `tz` (a quoted zone name) at the
 * instant `ms`: the instant plus the zone's offset then, which 18.16 gives as
 * the difference between the local time printed in the zone and read back as
 * UTC. DateTime holds 1970 … 2106, so outside it the offset at the nearest
 * end applies.
 */
export function localMillis(ms: string, tz: string): string {
  const seconds = `toUInt32(least(greatest(intDiv(${ms}, 1000), 0), 4294967295))`;
  return `(${ms} + 1000 * (toInt64(toUnixTimestamp(toString(toDateTime(${seconds}), ${tz}), 'UTC')) - toInt64(${seconds})))`;
}

/** Day number (days since 1970-01-01) of epoch milliseconds. */
export function dayNumber(ms: string): string {
  return floorDiv(ms, 86_400_000);
}
