// Delivers one webhook: the target checked and pinned, the body signed, then
// POSTed with a time limit per attempt and tried again after network errors,
// time-outs, 429 and 5xx answers, with exponential backoff and jitter (or the
// receiver's Retry-After). Every attempt goes into the delivery log. It never
// throws: a delivery that fails is a result that says why.
import { WebhookTargetError, DEFAULT_TARGET_POLICY, pinnedLookup, resolveWebhookTarget, type ResolveHost, type WebhookTargetPolicy } from './webhook-target.js';
import { backoffDelay, DEFAULT_BACKOFF, outcomeOf, retryAfterMs, type BackoffOptions } from './retry-policy.js';
import { signBody, SIGNATURE_HEADER } from './webhook-signature.js';
import { postWithNodeHttp, type PostWebhook } from './webhook-transport.js';

export interface Webhook {
  readonly url: string;
  /** The JSON body, sent and signed exactly as it is (UTF-8). */
  readonly body: string;
  /** The rule's secret; without one no signature header is sent. */
  readonly secret?: string;
}

/** One attempt in the delivery log: its answer's status, or the error that stopped it. */
export interface DeliveryAttempt {
  readonly attempt: number;
  /** When the attempt started (ISO 8601, UTC). */
  readonly at: string;
  readonly status?: number;
  readonly error?: string;
  readonly duration_ms: number;
}

export interface DeliveryResult {
  readonly delivered: boolean;
  readonly attempts: readonly DeliveryAttempt[];
  /** Why the delivery failed; absent when it was delivered. */
  readonly error?: string;
}

export interface DeliveryOptions {
  /** Which targets are allowed beyond public addresses (default: none). */
  readonly policy?: WebhookTargetPolicy;
  /** Attempts in all, the first included (default 5: waits of about 1, 2, 4 and 8 s between them). */
  readonly maxAttempts?: number;
  /** The limit on each attempt: resolving, connecting, sending and the answer's headers (default 10 s). */
  readonly timeoutMs?: number;
  readonly backoff?: BackoffOptions;
  /** A Retry-After longer than this ends the delivery instead of waiting (default 60 s). */
  readonly maxRetryAfterMs?: number;
  readonly post?: PostWebhook;
  readonly resolveHost?: ResolveHost;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** In [0, 1): spreads the backoff. */
  readonly random?: () => number;
}

const USER_AGENT = 'Beacon-Webhooks/1';

interface AttemptOutcome {
  status?: number;
  error?: string;
  next: 'delivered' | 'retry' | 'give_up';
  retryAfter?: string;
}

/**
 * POSTs the webhook until it is delivered, an answer says trying again is
 * pointless, or the attempts run out.
 *
 * @example
 * const result = await deliverWebhook({ url: 'https://hooks.example/beacon', body, secret });
 * // → { delivered: true, attempts: [{ attempt: 1, at: '2026-12-01T09:00:00.000Z', status: 200, duration_ms: 84 }] }
 */
export async function deliverWebhook(webhook: Webhook, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const attempts: DeliveryAttempt[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      const started = now();
      const outcome = await attemptOnce(webhook, options);
      attempts.push({ attempt, at: new Date(started).toISOString(), ...pick(outcome), duration_ms: Math.max(0, Math.round(now() - started)) });
      if (outcome.next === 'delivered') return { delivered: true, attempts };
      const what = outcome.error ?? `the receiver answered ${outcome.status}`;
      if (outcome.next === 'give_up') return { delivered: false, attempts, error: outcome.error ?? notRetried(outcome.status!) };
      if (attempt >= maxAttempts) return { delivered: false, attempts, error: `gave up after ${attempt} attempts; the last: ${what}` };
      const asked = retryAfterMs(outcome.retryAfter, now());
      if (asked !== undefined && asked > maxRetryAfterMs) {
        return { delivered: false, attempts, error: `${what} with Retry-After ${outcome.retryAfter}, longer than the ${maxRetryAfterMs / 1000} s a delivery waits` };
      }
      await (options.sleep ?? sleep)(asked ?? backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF, options.random ?? Math.random));
    }
  } catch (error) {
    return { delivered: false, attempts, error: `the delivery stopped: ${describeError(error)}` };
  }
}

async function attemptOnce(webhook: Webhook, options: DeliveryOptions): Promise<AttemptOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const target = await untilAborted(resolveWebhookTarget(webhook.url, options.policy ?? DEFAULT_TARGET_POLICY, options.resolveHost), signal);
    const body = Buffer.from(webhook.body, 'utf8');
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
    if (webhook.secret !== undefined) headers[SIGNATURE_HEADER] = signBody(body, webhook.secret);
    const answer = await (options.post ?? postWithNodeHttp)({ url: target.url, headers, body, signal, lookup: pinnedLookup(target) });
    return { status: answer.status, next: outcomeOf(answer.status), retryAfter: answer.retryAfter };
  } catch (error) {
    if (error instanceof WebhookTargetError) return { error: error.message, next: 'give_up' };
    if (signal.aborted) return { error: `no answer within ${timeoutMs} ms`, next: 'retry' };
    return { error: describeError(error), next: 'retry' };
  }
}

function notRetried(status: number): string {
  return status >= 300 && status < 400 ? `the receiver answered ${status}, a redirect, which is not followed` : `the receiver answered ${status}, which is not retried`;
}

function pick(outcome: AttemptOutcome): { status: number } | { error: string } {
  return outcome.status !== undefined ? { status: outcome.status } : { error: outcome.error ?? 'unknown error' };
}

/** The promise, or the signal's reason once it aborts (a host name lookup cannot itself be stopped). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(describeError).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
