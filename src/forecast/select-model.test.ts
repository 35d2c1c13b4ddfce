import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../core/errors.js';
import { fitSmoothing } from './fit-smoothing.js';
import { candidateModels, selectModel, unsuitability } from './select-model.js';
import { modelName } from './smoothing.js';

const AIR = readFileSync(new URL('../../../shared/datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

/** A seasonal series with trend, crossing zero (so multiplicative seasonality cannot apply). */
const CROSSING = Array.from({ length: 48 }, (_, t) => -20 + 0.8 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.cos(7 * t));

describe('candidateModels', () => {
  it('lists the seven models for auto, simplest first', () => {
    expect(candidateModels('auto', undefined, 12).map(modelName)).toEqual([
      'simple',
      'holt',
      'holt-damped',
      'additive',
      'additive-damped',
      'multiplicative',
      'multiplicative-damped',
    ]);
    expect(candidateModels('auto', true, 12).map(modelName)).toEqual(['simple', 'holt-damped', 'additive-damped', 'multiplicative-damped']);
    expect(candidateModels('additive', undefined, 7)).toEqual([{ trend: 'additive', season: 'additive', period: 7 }]);
    expect(candidateModels('holt', true, 12)).toEqual([{ trend: 'damped', season: 'none', period: 1 }]);
  });
});

describe('unsuitability', () => {
  it('asks for two full seasons of data for a seasonal model', () => {
    const problem = unsuitability({ trend: 'additive', season: 'additive', period: 12 }, AIR.slice(0, 23));
    expect(problem).toBeInstanceOf(QueryError);
    expect(problem?.details).toEqual({ field: 'series' });
    expect(problem?.message).toMatch(/two full seasons: 24 values/);
    expect(unsuitability({ trend: 'additive', season: 'additive', period: 12 }, AIR.slice(0, 24))).toBeUndefined();
  });

  it('asks for values > 0 under multiplicative seasonality, naming the first offender', () => {
    const problem = unsuitability({ trend: 'additive', season: 'multiplicative', period: 12 }, CROSSING);
    expect(problem?.details).toEqual({ field: 'series', index: 0 });
    const withZero = AIR.map((y, i) => (i === 30 ? 0 : y));
    expect(unsuitability({ trend: 'additive', season: 'multiplicative', period: 12 }, withZero)?.details).toEqual({ field: 'series', index: 30 });
  });

  it('asks for a season of at least 2 and for k + 2 values', () => {
    expect(unsuitability({ trend: 'additive', season: 'additive', period: 1 }, AIR)?.details).toEqual({ field: 'season' });
    expect(unsuitability({ trend: 'none', season: 'none', period: 1 }, [1, 2, 3, 4])?.message).toMatch(/at least 5 values/);
    // m = 7, damped: k = 4 + 2 + 6 + 1 = 13, so two weeks (14 values) are one short.
    expect(unsuitability({ trend: 'damped', season: 'additive', period: 7 }, AIR.slice(0, 14))?.message).toMatch(/at least 15 values/);
  });
});

describe('selectModel', () => {
  it('keeps, under auto, the candidate with the lowest AICc (each fitted on its own)', () => {
    const chosen = selectModel(AIR, 'auto', undefined, 12);
    const aiccs = candidateModels('auto', undefined, 12).map((model) => fitSmoothing(AIR, model).aicc);
    expect(chosen.aicc).toBe(Math.min(...aiccs));
    expect(chosen.model.season).toBe('multiplicative');
  });

  it('skips multiplicative seasonality for data that is not positive, and seasons it has not seen twice', () => {
    expect(selectModel(CROSSING, 'auto', undefined, 12).model.season).not.toBe('multiplicative');
    expect(selectModel(AIR.slice(0, 20), 'auto', undefined, 12).model.season).toBe('none');
  });

  it('throws the named model’s problem instead of falling back', () => {
    expect(() => selectModel(CROSSING, 'multiplicative', undefined, 12)).toThrow(QueryError);
    expect(() => selectModel(AIR.slice(0, 20), 'additive', undefined, 12)).toThrow(/two full seasons/);
    expect(() => selectModel([1, 2, 3], 'auto', undefined, 12)).toThrow(/at least 5 values/);
  });
});
