import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePathFile } from './path-file.js';

describe('parsePathFile on hand-written files', () => {
  it('reads a header and paths, splitting touches on " > "', () => {
    const text = ['path;total_conversions;total_conversion_value;total_null', 'Search > Email > Direct;3;120.5;10', 'Social;0;0;4', ''].join('\n');
    expect(parsePathFile(text)).toEqual({
      paths: [
        { touches: ['Search', 'Email', 'Direct'], conversions: 3, revenue: 120.5, nulls: 10 },
        { touches: ['Social'], conversions: 0, revenue: 0, nulls: 4 },
      ],
      errors: [],
      accepted: 2,
      rejected: 0,
    });
  });

  it('tolerates a BOM, \\r\\n, blank lines, spaces around fields and touches, and no header', () => {
    const text = '\uFEFF  Search>Email ; 2 ; 10.25 ; 1 \r\n\r\n\tDisplay  >  Search;1;5;0\r\n';
    const parsed = parsePathFile(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.paths).toEqual([
      { touches: ['Search', 'Email'], conversions: 2, revenue: 10.25, nulls: 1 },
      { touches: ['Display', 'Search'], conversions: 1, revenue: 5, nulls: 0 },
    ]);
  });

  it('adds repeated paths together, also when they were spaced differently', () => {
    const text = 'a > b;1;10;2\nb > a;1;1;1\na>b;2;5.5;3\n';
    // a > b: 1 + 2 conversions, 10 + 5.5 value, 2 + 3 nulls; b > a stays apart (order matters).
    expect(parsePathFile(text).paths).toEqual([
      { touches: ['a', 'b'], conversions: 3, revenue: 15.5, nulls: 5 },
      { touches: ['b', 'a'], conversions: 1, revenue: 1, nulls: 1 },
    ]);
    expect(parsePathFile(text).accepted).toBe(3);
  });

  it('reports each malformed line by its number and reason, and reads the rest', () => {
    const lines = [
      'path;total_conversions;total_conversion_value;total_null', // 1 header
      'Search;1;10;0', // 2 fine
      'Search;1;10', // 3 three fields
      'Email;one;10;0', // 4 not a number
      'Email;-1;10;0', // 5 negative
      ';2;10;0', // 6 empty path with conversions
      'Email;1.5;10;0', // 7 fractional journeys
      'Email > > Search;1;1;1', // 8 empty touch
      'Email;0;9.5;3', // 9 value without a conversion
      'Email;1;10,5;0', // 10 decimal comma
      'Email;1;;0', // 11 empty number
      'Display;2;4;1', // 12 fine
    ];
    const parsed = parsePathFile(lines.join('\r\n'));
    expect(parsed.paths).toEqual([
      { touches: ['Search'], conversions: 1, revenue: 10, nulls: 0 },
      { touches: ['Display'], conversions: 2, revenue: 4, nulls: 1 },
    ]);
    expect(parsed.accepted).toBe(2);
    expect(parsed.rejected).toBe(9);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const reason = (line: number) => parsed.errors.find((e) => e.line === line)!.message;
    expect(reason(3)).toMatch(/expected 4 fields.*found 3/);
    expect(reason(4)).toMatch(/total_conversions "one" is not a number/);
    expect(reason(5)).toMatch(/total_conversions is negative/);
    expect(reason(6)).toMatch(/path is empty/);
    expect(reason(7)).toMatch(/whole number/);
    expect(reason(8)).toMatch(/empty touch/);
    expect(reason(9)).toMatch(/total_conversions is 0/);
    expect(reason(10)).toMatch(/total_conversion_value "10,5" is not a number/);
    expect(reason(11)).toMatch(/total_conversion_value is empty/);
  });

  it('names every problem of a line at once', () => {
    const parsed = parsePathFile('Search;x;-2;y');
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].message).toMatch(/total_conversions.*;.*total_conversion_value.*;.*total_null/);
  });

  it('lists at most 100 errors but counts them all', () => {
    // 150 bad lines among 50 good ones: every 4th line (lines 4, 8, …) is good, the others bad.
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) lines.push(i % 4 === 3 ? `k${i};1;1;1` : `k${i};bad;1;1`);
    const parsed = parsePathFile(lines.join('\n'));
    expect(parsed.rejected).toBe(150);
    expect(parsed.accepted).toBe(50);
    expect(parsed.errors).toHaveLength(100);
    // The 100th bad line is line index 132 (indices skip every 4th): 1-based line 133.
    expect(parsed.errors[99].line).toBe(133);
  });

  it('treats only the first line as a possible header', () => {
    const parsed = parsePathFile('Search;1;1;0\npath;total_conversions;total_conversion_value;total_null\n');
    expect(parsed.rejected).toBe(1);
    expect(parsed.errors[0].line).toBe(2);
  });
});

describe('parsePathFile on ChannelAttribution_Data.csv', () => {
  const file = new URL('../../../shared/datasets/ChannelAttribution_Data.csv', import.meta.url);
  const text = readFileSync(file, 'utf8');

  /** A second, naive reader: split on "\n", ";" and " > ", no checks. */
  function readNaively(content: string) {
    const rows = content
      .split('\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.split(';'));
    const byPath = new Map<string, [number, number, number]>();
    for (const [path, conversions, value, nulls] of rows) {
      const sums = byPath.get(path) ?? [0, 0, 0];
      byPath.set(path, [sums[0] + Number(conversions), sums[1] + Number(value), sums[2] + Number(nulls)]);
    }
    const channels = new Set(rows.flatMap(([path]) => path.split(' > ')));
    return { rows, byPath, channels };
  }

  it('reads its 10,000 lines over 12 channels without an error', () => {
    const naive = readNaively(text);
    expect(naive.rows).toHaveLength(10_000); // the data set's documented size
    const parsed = parsePathFile(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rejected).toBe(0);
    expect(parsed.accepted).toBe(10_000);
    const channels = new Set(parsed.paths.flatMap((p) => p.touches));
    expect(channels.size).toBe(12);
    expect([...channels].sort()).toEqual([...naive.channels].sort());
  });

  it('merges repeated lines into the naive reader’s distinct paths with the same totals', () => {
    const naive = readNaively(text);
    const parsed = parsePathFile(text);
    expect(parsed.paths).toHaveLength(naive.byPath.size);
    let conversions = 0;
    let revenue = 0;
    let nulls = 0;
    for (const path of parsed.paths) {
      const expected = naive.byPath.get(path.touches.join(' > '));
      expect(expected, path.touches.join(' > ')).toBeDefined();
      expect(path.conversions).toBe(expected![0]);
      expect(path.revenue).toBeCloseTo(expected![1], 9);
      expect(path.nulls).toBe(expected![2]);
      conversions += path.conversions;
      revenue += path.revenue;
      nulls += path.nulls;
    }
    const naiveTotals = naive.rows.reduce((t, r) => [t[0] + Number(r[1]), t[1] + Number(r[2]), t[2] + Number(r[3])], [0, 0, 0]);
    expect(conversions).toBe(naiveTotals[0]);
    expect(revenue).toBeCloseTo(naiveTotals[1], 6);
    expect(nulls).toBe(naiveTotals[2]);
  });
});
