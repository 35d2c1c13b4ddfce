// When a webhook delivery tries again and how long it waits: exponential
// backoff with jitter (so receivers that fail together are not hit again
// together), the receiver's own Retry-After when it gives one, and which
// answers are worth another attempt at all. Pure.

export interface BackoffOptions {
  /** The wait after the first failed attempt; it doubles after each further one. */
  readonly baseDelayMs: number;
  /** No wait is longer than this (before jitter). */
  readonly maxDelayMs: number;
  /** Each wait is spread by ± this fraction: 0.2 turns 2 s into 1.6–2.4 s. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = Object.freeze({ baseDelayMs: 1_000, maxDelayMs: 60_000, jitter: 0.2 });

/**
 * The wait before the next attempt after `failedAttempts` failures:
 * min(max, base · 2^(failedAttempts − 1)) · (1 − jitter + 2 · jitter · random),
 * random in [0, 1).
 *
 * @example
 * backoffDelay(3, DEFAULT_BACKOFF, () => 0.5) // → 4000 (1 s, 2 s, then 4 s)
 */
export function backoffDelay(failedAttempts: number, options: BackoffOptions, random: () => number): number {
  const plain = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(plain * (1 - options.jitter + 2 * options.jitter * random()));
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds (`120`) or
 * an HTTP date (counted from `nowMs`, never below 0); undefined when absent
 * or unreadable.
 *
 * @example
 * retryAfterMs('3', Date.now()) // → 3000
 */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // Every HTTP-date form starts with the day's name; Date.parse alone would take "-5" for a year.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** What a delivery does after an HTTP answer. */
export type AnswerOutcome = 'delivered' | 'retry' | 'give_up';

/**
 * 2xx is delivered; 429 and 5xx may pass and are tried again; any other
 * answer (another 4xx, or a redirect, which is never followed) would only
 * come again.
 */
export function outcomeOf(status: number): AnswerOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 429 || status >= 500) return 'retry';
  return 'give_up';
}
