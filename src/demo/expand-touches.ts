// Off-site events around a visitor's sessions: the ad impression and click
// before a paid visit, the social post seen before an organic social visit,
// the whole email trail of a subscriber, and ads or posts seen without a visit.

import { DAY_MS, HOUR_MS, type DemoPeriod } from './demo-clock.js';
import { SOCIAL_POSTS } from './demo-site.js';
import { SOURCES, type PaidSource } from './demo-world.js';
import type { EmailSend } from './email-schedule.js';
import type { EventBuffer } from './event-buffer.js';
import type { Landing } from './expand-session.js';
import type { SessionPlan, VisitorPlan } from './journey-plan.js';
import { createRandom, deriveSeed, type Random } from './random.js';

function userIdAt(plan: VisitorPlan, ms: number): string | undefined {
  return plan.identifiedAt !== undefined && ms >= plan.identifiedAt ? plan.customerId : undefined;
}

function addAdEvent(out: EventBuffer, plan: VisitorPlan, device: 0 | 1, type: string, ms: number, campaign: PaidSource, ad: number, utmSource: string): void {
  const spec = campaign.ads[ad];
  const event = out.add(ms, type, plan.profile.anonymousIds[device]);
  const userId = userIdAt(plan, ms);
  if (userId) event.user_id = userId;
  event.campaign_id = campaign.id;
  event.ad_group_id = spec.groupId;
  event.ad_id = spec.id;
  event.utm_source = utmSource;
  event.utm_medium = campaign.utmMedium;
  event.utm_campaign = campaign.id;
  event.utm_content = spec.id;
  event.properties = { platform: campaign.platform };
}

/** Touches that lead into one session. */
export function expandSessionTouches(out: EventBuffer, plan: VisitorPlan, session: SessionPlan, landing: Landing): void {
  const source = SOURCES[session.source];
  const rng = createRandom(deriveSeed(session.seed, 1));
  if (source.kind === 'paid') {
    const utmSource = landing.utmSource ?? source.utmSources[0];
    if (session.impressionAt !== undefined) addAdEvent(out, plan, session.device, 'ad_impression', session.impressionAt, source, session.ad, utmSource);
    const clickAt = session.start - rng.int(1000, 4000);
    if (out.inPeriod(clickAt)) addAdEvent(out, plan, session.device, 'ad_click', clickAt, source, session.ad, utmSource);
  } else if (source.kind === 'organic' && source.referrerSet === 'social') {
    const seenAt = session.start - Math.round(rng.exponential(2 * HOUR_MS)) - 30_000;
    if (!out.inPeriod(seenAt)) return;
    const post = rng.pick(SOCIAL_POSTS);
    addSocialEvent(out, plan, 'social_impression', seenAt, post);
    if (rng.chance(0.2)) addSocialEvent(out, plan, 'social_like', seenAt + rng.int(2000, 20_000), post);
  }
}

function addSocialEvent(out: EventBuffer, plan: VisitorPlan, type: string, ms: number, post: (typeof SOCIAL_POSTS)[number]): void {
  const event = out.add(ms, type, plan.profile.anonymousIds[0]);
  const userId = userIdAt(plan, ms);
  if (userId) event.user_id = userId;
  event.properties = { post_id: post.id, network: post.network };
}

/** Every send a subscriber received and what they did with it. */
export function expandEmailTrail(out: EventBuffer, plan: VisitorPlan, sends: readonly EmailSend[]): void {
  const rng = createRandom(deriveSeed(plan.seed, 2));
  for (const touch of plan.emails) {
    const send = sends[touch.send];
    const add = (ms: number, type: string): void => {
      const event = out.add(ms, type, plan.profile.anonymousIds[0]);
      if (plan.customerId) event.user_id = plan.customerId;
      event.campaign_id = send.campaignId;
      event.properties = { message_id: send.messageId };
    };
    // The ESP sends in batches over the first minute; delivery follows in seconds.
    const sentAt = send.time + rng.int(0, 50_000);
    add(sentAt, 'email_sent');
    add(sentAt + rng.int(1000, 8000), touch.bounced ? 'email_bounce' : 'email_delivered');
    if (touch.openAt !== undefined) add(touch.openAt, 'email_open');
    if (touch.openAt !== undefined && rng.chance(0.25)) {
      const reopen = touch.openAt + Math.round(rng.exponential(20 * HOUR_MS));
      if (reopen < send.time + 7 * DAY_MS && out.inPeriod(reopen)) add(reopen, 'email_open');
    }
    if (touch.clickAt !== undefined) add(touch.clickAt, 'email_click');
    if (touch.unsubscribeAt !== undefined) add(touch.unsubscribeAt, 'email_unsubscribe');
  }
}

/** Ads seen without a click, and organic posts a follower saw or reacted to. */
export function expandBackgroundTouches(out: EventBuffer, plan: VisitorPlan, period: DemoPeriod): void {
  for (const view of plan.adViews) {
    const campaign = SOURCES[view.source] as PaidSource;
    addAdEvent(out, plan, 0, 'ad_impression', view.at, campaign, view.ad, campaign.utmSources[0]);
  }
  const rng = createRandom(deriveSeed(plan.seed, 3));
  if (plan.profile.bot || !rng.chance(0.1)) return;
  for (let n = rng.int(1, 4); n > 0; n--) {
    const at = period.startMs + Math.floor(rng.next() * (period.endMs - period.startMs - HOUR_MS));
    const post = rng.pick(SOCIAL_POSTS);
    addSocialEvent(out, plan, 'social_impression', at, post);
    const reaction = reactionOf(rng);
    if (reaction) addSocialEvent(out, plan, reaction, at + rng.int(3000, 60_000), post);
  }
}

function reactionOf(rng: Random): string | undefined {
  const r = rng.next();
  return r < 0.15 ? 'social_like' : r < 0.19 ? 'social_share' : r < 0.23 ? 'social_comment' : undefined;
}
