import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { parseAttributionRequest } from './attribution-input.js';

const settings = { lookback_days: 30 };
const NOV = { from: '2026-11-01', to: '2026-11-30' };
const failure = (body: unknown): ValidationError => {
  try {
    parseAttributionRequest(body, settings);
  } catch (err) {
    return err as ValidationError;
  }
  throw new Error('no error');
};

describe('attribution requests', () => {
  it('fill in the defaults: channel, the workspace lookback, half-life 7, order 1, 40/20/40', () => {
    expect(parseAttributionRequest({ model: 'markov', ...NOV }, settings)).toEqual({
      model: 'markov',
      source: { kind: 'warehouse', dimension: 'channel', ...NOV },
      params: {
        lookback_days: 30,
        half_life_days: 7,
        order: 1,
        position_weights: { first: 0.4, middle: 0.2, last: 0.4 },
        view_through: false,
        intervals: false,
        resamples: 200,
        seed: 1,
        sampling: false,
      },
    });
  });

  it('take a path file instead of a period', () => {
    expect(parseAttributionRequest({ model: 'compare', paths: 'a > b;1;10;0' }, settings).source).toEqual({ kind: 'paths', text: 'a > b;1;10;0' });
  });

  it('name each bad field: unknown model or dimension, order < 1, half-life ≤ 0, weights not summing to 1, from after to', () => {
    expect(failure({ model: 'magic', ...NOV }).message).toContain('model must be one of first_touch');
    expect(failure({ model: 'linear', dimension: 'country', ...NOV }).message).toContain('dimension must be one of channel, campaign, ad_group, ad');
    expect(failure({ model: 'markov', order: 0, ...NOV }).status).toBe(400);
    expect(failure({ model: 'time_decay', half_life_days: 0, ...NOV }).message).toContain('half_life_days');
    expect(failure({ model: 'position_based', position_weights: { first: 0.5, middle: 0.2, last: 0.4 }, ...NOV }).message).toContain('position_weights must sum to 1 (they sum to 1.1');
    expect(failure({ model: 'linear', from: '2026-12-01', to: '2026-11-01' }).message).toContain('from (2026-12-01) is after to (2026-11-01)');
    expect(failure({ model: 'linear' }).message).toContain('from is required (or send paths)');
    expect(failure({ model: 'linear', paths: 'a;1;1;0', from: '2026-11-01' }).message).toContain('from is not used with paths');
  });
});
