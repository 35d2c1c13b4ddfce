// Benchmark bands: body validation and positions/verdicts, worked by hand.
import { describe, expect, it } from 'vitest';
import { validationError } from '../../test/support/validation-error.js';
import { benchmarkPosition, benchmarkVerdict, parseBenchmarkInput } from './benchmarks.js';

describe('parseBenchmarkInput', () => {
  it('accepts a band, including a single-point band', () => {
    const band = { metric: 'ctr', low: 0.01, high: 0.03, label: 'Search industry', filters: [] };
    expect(parseBenchmarkInput(band)).toEqual(band);
    expect(parseBenchmarkInput({ metric: 'cpa', low: 20, high: 20 })).toEqual({ metric: 'cpa', low: 20, high: 20 });
  });

  it('rejects low above high, naming both', () => {
    const error = validationError(() => parseBenchmarkInput({ metric: 'ctr', low: 0.05, high: 0.03 }));
    expect(error.message).toContain('low must not be above high');
    expect(error.details).toEqual([{ field: 'low', message: 'must not be above high (low 0.05 > high 0.03)' }]);
  });

  it('names missing and invalid fields', () => {
    expect(validationError(() => parseBenchmarkInput({ metric: 'ctr', low: 1 })).message).toContain('high');
    expect(validationError(() => parseBenchmarkInput({ metric: 'ctr', low: 1, high: 2, label: 'x'.repeat(121) })).message).toContain(
      'label',
    );
    expect(
      validationError(() => parseBenchmarkInput({ metric: 'ctr', low: 1, high: 2, filters: [{ dimension: 'device', op: 'eq' }] }))
        .message,
    ).toContain('filters[0].values');
  });
});

describe('benchmarks', () => {
  const band = { low: 10, high: 20 };

  it('positions a value against a band with inclusive bounds', () => {
    expect(benchmarkPosition(5, band, 'up')).toBe('below');
    expect(benchmarkPosition(10, band, 'up')).toBe('within');
    expect(benchmarkPosition(20, band, 'down')).toBe('within');
    expect(benchmarkPosition(20.01, band, 'neutral')).toBe('above');
    expect(benchmarkPosition(null, band, 'up')).toBeNull();
  });

  it('judges above as better for up metrics and below as better for down metrics', () => {
    expect(benchmarkVerdict(25, band, 'up')).toBe('better');
    expect(benchmarkVerdict(5, band, 'up')).toBe('worse');
    expect(benchmarkVerdict(5, band, 'down')).toBe('better'); // e.g. a CPA under the band
    expect(benchmarkVerdict(25, band, 'down')).toBe('worse');
    expect(benchmarkVerdict(15, band, 'down')).toBe('within');
    expect(benchmarkVerdict(null, band, 'down')).toBeNull();
  });

  it('only says within or outside for neutral metrics', () => {
    expect(benchmarkVerdict(15, band, 'neutral')).toBe('within');
    expect(benchmarkVerdict(5, band, 'neutral')).toBe('outside');
    expect(benchmarkVerdict(25, band, 'neutral')).toBe('outside');
  });

  it('rejects an inverted band', () => {
    expect(validationError(() => benchmarkPosition(1, { low: 2, high: 1 }, 'up')).message).toContain('low 2 is above high 1');
  });
});
