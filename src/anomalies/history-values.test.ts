// The training history made fit to use, by hand: zeros and empties before the
// first value left out; periods without a value filled on straight lines.
import { describe, expect, it } from 'vitest';
import { prepareHistory } from './history-values.js';

const dated = (values: (number | null)[]) => values.map((value, i) => ({ date: `d${i + 1}`, value }));

describe('prepareHistory', () => {
  it('starts at the first non-zero value', () => {
    expect(prepareHistory(dated([0, null, 0, 3, 0, 4]))).toEqual({
      dates: ['d4', 'd5', 'd6'],
      values: [3, 0, 4],
      observed: [3, 0, 4],
      empty: [],
      notes: ['d1 … d3 (3 periods) are left out of the training history: nothing but 0 or no value before d4, taken as before any data was loaded'],
    });
    expect(prepareHistory(dated([0, 2])).notes).toEqual(['d1 is left out of the training history: nothing but 0 or no value before d2, taken as before any data was loaded']);
  });

  it('fills a run of empties on the line between its neighbours, and empties at the end with the last value', () => {
    // 2 … 8 over three steps: 4, 6; then 8 carried.
    expect(prepareHistory(dated([2, null, null, 8, null]))).toEqual({ dates: ['d1', 'd2', 'd3', 'd4', 'd5'], values: [2, 4, 6, 8, 8], observed: [2, 8], empty: ['d2', 'd3', 'd5'], notes: [] });
  });

  it('is empty when nothing but zeros and empties came', () => {
    expect(prepareHistory(dated([0, null, 0]))).toEqual({ dates: [], values: [], observed: [], empty: [], notes: [] });
  });
});
