// What one subscriber does with every email sent after they joined the list:
// delivered or bounced, opened, clicked, unsubscribed. A click becomes a
// session in the visitor's plan; a bounce or an unsubscribe ends the sends.

import { HOUR_MS, MINUTE_MS } from './demo-clock.js';
import { SOURCES } from './demo-world.js';
import type { EmailSend } from './email-schedule.js';
import type { EmailTouch } from './journey-plan.js';
import type { Random } from './random.js';

const HARD_BOUNCE = 0.012;
const UNSUBSCRIBE = 0.004;
/** Sessions need room before the period ends; later clicks are kept as clicks only. */
const SESSION_ROOM_MS = 2 * HOUR_MS;

/**
 * @param engagement the subscriber's appetite for email (mean 1)
 * @example planEmailTouches(rng, sends, signupAt, period.endMs, 1.3)
 */
export function planEmailTouches(
  rng: Random,
  sends: readonly EmailSend[],
  subscribedAt: number,
  endMs: number,
  engagement: number,
): EmailTouch[] {
  const touches: EmailTouch[] = [];
  for (let i = 0; i < sends.length; i++) {
    const send = sends[i];
    if (send.time <= subscribedAt) continue;
    if (rng.chance(HARD_BOUNCE)) {
      touches.push({ send: i, bounced: true });
      break;
    }
    const source = SOURCES[send.source];
    if (source.kind !== 'email') throw new Error(`send ${send.messageId} is not from an email campaign`);
    const openAt = rng.chance(Math.min(0.95, source.openRate * engagement))
      ? send.time + Math.round(Math.min(rng.exponential(5 * HOUR_MS), 72 * HOUR_MS)) + 60_000
      : undefined;
    const clicked = openAt !== undefined && rng.chance(Math.min(0.6, source.clickRate * Math.sqrt(engagement)));
    const clickAt = clicked ? openAt + Math.round(rng.uniform(10_000, 4 * MINUTE_MS)) : undefined;
    const unsubscribeAt = rng.chance(UNSUBSCRIBE) ? (openAt ?? send.time + HOUR_MS) + 30_000 : undefined;
    touches.push({
      send: i,
      bounced: false,
      openAt: openAt !== undefined && openAt < endMs ? openAt : undefined,
      clickAt: clickAt !== undefined && clickAt < endMs - SESSION_ROOM_MS ? clickAt : undefined,
      unsubscribeAt: unsubscribeAt !== undefined && unsubscribeAt < endMs ? unsubscribeAt : undefined,
    });
    if (unsubscribeAt !== undefined) break;
  }
  return touches;
}
