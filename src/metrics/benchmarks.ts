// Benchmark bands (POST /v1/benchmarks): the body users send and where a
// value sits against a band, judged by the metric's direction. Pure logic.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { checkBody, FilterSchema, throwIfAny } from './body-checks.js';
import type { Direction } from './types.js';

export const BenchmarkInputSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 64, description: 'metric id' }),
    low: Type.Number({ minimum: -1e15, maximum: 1e15 }),
    high: Type.Number({ minimum: -1e15, maximum: 1e15, description: 'must be >= low' }),
    label: Type.Optional(Type.String({ maxLength: 120 })),
    filters: Type.Optional(Type.Array(FilterSchema)),
  },
  { additionalProperties: false },
);

export type BenchmarkInput = Static<typeof BenchmarkInputSchema>;

const checkBenchmark = TypeCompiler.Compile(BenchmarkInputSchema);

/** Validates a benchmark band body (low <= high). Throws ValidationError naming every bad field. */
export function parseBenchmarkInput(body: unknown): BenchmarkInput {
  const band = checkBody('benchmark', checkBenchmark, body);
  if (band.low > band.high) {
    throwIfAny('benchmark', [{ field: 'low', message: `must not be above high (low ${band.low} > high ${band.high})` }]);
  }
  return band;
}

export type BenchmarkPosition = 'below' | 'within' | 'above';
export type BenchmarkVerdict = 'better' | 'within' | 'worse' | 'outside';

export interface BenchmarkBand {
  low: number;
  high: number;
}

/**
 * Where a value sits against a band; both bounds are inside the band. Null for
 * a null (or non-finite) value. The position does not depend on the direction;
 * the parameter is accepted so both benchmark functions take the same arguments.
 */
export function benchmarkPosition(
  value: number | null,
  band: BenchmarkBand,
  _direction?: Direction,
): BenchmarkPosition | null {
  if (band.low > band.high) throw new ValidationError(`benchmark low ${band.low} is above high ${band.high}`);
  if (value === null || !Number.isFinite(value)) return null;
  if (value < band.low) return 'below';
  if (value > band.high) return 'above';
  return 'within';
}

/**
 * Judges a value against a band: for 'up' metrics above the band is better,
 * for 'down' metrics below it is. 'neutral' metrics have no better side, so
 * the verdict is only 'within' or 'outside'. Null for a null value.
 */
export function benchmarkVerdict(value: number | null, band: BenchmarkBand, direction: Direction): BenchmarkVerdict | null {
  const position = benchmarkPosition(value, band);
  if (position === null) return null;
  if (position === 'within') return 'within';
  if (direction === 'neutral') return 'outside';
  const better = direction === 'up' ? 'above' : 'below';
  return position === better ? 'better' : 'worse';
}
