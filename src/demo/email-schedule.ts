// The send calendar of every email campaign over the period: weekly
// newsletters on their weekday, sale series as bursts. Each send is one
// message_id that every subscriber on the list at that moment receives.

import { dayStartMs, HOUR_MS, isoDate, weekdayOf, type DemoPeriod } from './demo-clock.js';
import { SOURCES } from './demo-world.js';

export interface EmailSend {
  /** Index of the email campaign in SOURCES. */
  readonly source: number;
  readonly campaignId: string;
  readonly messageId: string;
  readonly time: number;
}

/** Sends in time order. @example planEmailSends(period)[0].messageId // 'msg_email_newsletter_2026-01-01' */
export function planEmailSends(period: DemoPeriod): EmailSend[] {
  const sends: EmailSend[] = [];
  SOURCES.forEach((source, index) => {
    if (source.kind !== 'email') return;
    const days: number[] = [];
    if ('weekly' in source.cadence) {
      for (let day = 0; day < period.days; day++) if (weekdayOf(period, day) === source.cadence.weekly) days.push(day);
    } else {
      for (const f of source.cadence.burst) days.push(Math.round(f * (period.days - 1)));
    }
    for (const day of new Set(days)) {
      const time = dayStartMs(period, day) + source.sendHourUtc * HOUR_MS;
      const messageId = `msg_${source.id.replace(/^cmp_/, '')}_${isoDate(time)}`;
      sends.push({ source: index, campaignId: source.id, messageId, time });
    }
  });
  return sends.sort((a, b) => a.time - b.time);
}
