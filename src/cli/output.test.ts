import { describe, expect, it } from 'vitest';
import { formatSummary } from './output.js';

describe('formatSummary', () => {
  it('prints the counts, each error where it is (the header error on its own) and the warnings as notes', () => {
    const text = formatSummary({
      accepted: 1,
      updated: 0,
      duplicates: 2,
      rejected: 1,
      errors: [
        { index: 0, line: 1, field: '(header)', message: 'the header has no column for revenue (required by orders)' },
        { index: 3, line: 5, field: 'timestamp', message: 'is required' },
        { index: 3, field: 'revenue', message: 'must be a number, got "x"' },
      ],
      warnings: [{ line: 1, field: 'note', message: 'is not a field of orders; the column is ignored' }],
    });
    expect(text.split('\n')).toEqual([
      'accepted 1 · updated 0 · duplicates 2 · rejected 1',
      'first 3 errors (1 rejected record):',
      '  line 1: the header has no column for revenue (required by orders)',
      '  line 5: timestamp is required',
      '  record 3: revenue must be a number, got "x"',
      'note: line 1: note is not a field of orders; the column is ignored',
    ]);
  });
});
