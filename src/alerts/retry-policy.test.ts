import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, outcomeOf, retryAfterMs } from './retry-policy.js';

describe('backoffDelay', () => {
  it('doubles from 1 s with the jitter at its middle', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, DEFAULT_BACKOFF, middle))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('spreads each wait by ±20 %', () => {
    // 2 s × 0.8 = 1.6 s at random 0; 2 s × (0.8 + 0.4 × 0.999) = 2.3992 s just below 1.
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(1_600);
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.999)).toBe(2_399);
  });

  it('stops growing at the maximum', () => {
    // 1 s · 2^9 = 512 s, capped at 60 s.
    expect(backoffDelay(10, DEFAULT_BACKOFF, () => 0.5)).toBe(60_000);
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 250, jitter: 0 }, () => 0.9)).toBe(250);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterMs('3', 0)).toBe(3_000);
    expect(retryAfterMs(' 0 ', 0)).toBe(0);
  });

  it('reads an HTTP date from now, never below zero', () => {
    const now = Date.UTC(2026, 11, 1, 9, 0, 0);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 08:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs('-5', 0)).toBeUndefined();
  });
});

describe('outcomeOf', () => {
  it('delivers on 2xx, tries again on 429 and 5xx, gives up on the rest', () => {
    expect([200, 202, 204, 299].map(outcomeOf)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect([429, 500, 502, 503, 504].map(outcomeOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([301, 302, 307, 400, 401, 403, 404, 408, 410, 413, 422].map(outcomeOf)).toEqual(Array(11).fill('give_up'));
  });
});
