// The training history as a detector can use it: days before any data was
// loaded left out (with a note), and the periods without a value (a ratio
// with nothing to divide by) filled in on straight lines, or kept apart.

/** One period of a series; null when it has no value. */
export interface SeriesValue {
  /** The day, or the first day of the week or month. */
  date: string;
  value: number | null;
}

/** A history ready to fit: a value in every period. */
export interface PreparedHistory {
  dates: string[];
  /** A value in every period: the empty ones filled in (see prepareHistory). */
  values: number[];
  /** The values there were, without the filled ones. */
  observed: number[];
  /** The periods that had no value. */
  empty: string[];
  notes: string[];
}

/**
 * The history from its first non-zero value on (the 0s or empties before it
 * are periods before any data was loaded), with the periods that have no
 * value filled by straight lines between their neighbours (after the last
 * value: that value). Empty when no period has a non-zero value.
 *
 * @example
 * prepareHistory([{ date: 'd1', value: 0 }, { date: 'd2', value: 4 }, { date: 'd3', value: null }, { date: 'd4', value: 8 }])
 * // → { dates: ['d2', 'd3', 'd4'], values: [4, 6, 8], observed: [4, 8], empty: ['d3'], notes: ['d1 is left out of the training history: …'] }
 */
export function prepareHistory(history: readonly SeriesValue[]): PreparedHistory {
  const start = history.findIndex((p) => p.value !== null && p.value !== 0);
  if (start === -1) return { dates: [], values: [], observed: [], empty: [], notes: [] };
  const kept = history.slice(start);
  const notes: string[] = [];
  if (start > 0) {
    const span = start === 1 ? history[0].date : `${history[0].date} … ${history[start - 1].date}`;
    notes.push(`${span} ${start === 1 ? 'is' : `(${start} periods) are`} left out of the training history: nothing but 0 or no value before ${kept[0].date}, taken as before any data was loaded`);
  }
  return {
    dates: kept.map((p) => p.date),
    values: fillGaps(kept.map((p) => p.value)),
    observed: kept.flatMap((p) => (p.value === null ? [] : [p.value])),
    empty: kept.filter((p) => p.value === null).map((p) => p.date),
    notes,
  };
}

/** Nulls replaced by linear interpolation between the nearest values around them (the first entry is a value). */
function fillGaps(values: readonly (number | null)[]): number[] {
  const filled: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null) {
      filled.push(value);
      continue;
    }
    const previous = filled[i - 1];
    let next = i + 1;
    while (next < values.length && values[next] === null) next++;
    const after = values[next];
    filled.push(after === undefined || after === null ? previous : previous + (after - previous) / (next - i + 1));
  }
  return filled;
}
