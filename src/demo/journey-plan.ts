// The intermediate, event-free description of one visitor: when each session
// happens, how it arrived, which pages it saw and what it converted. Orders,
// lifecycle and ad statistics are read from plans; events are expanded from
// them visitor by visitor, so the two can never disagree.

import type { LifecycleRecord, OrderRecord } from './demo-records.js';
import type { Device } from './demo-site.js';

export interface PageVisit {
  readonly path: string;
  /** Epoch ms of the page view. */
  readonly at: number;
  /** Seconds-to-minutes on the page before the next view (or leaving). */
  readonly dwell: number;
}

export interface SessionPlan {
  readonly start: number;
  /** Index into SOURCES. */
  readonly source: number;
  /** Index into the paid source's ads, -1 otherwise. */
  readonly ad: number;
  /** 0 = the visitor's main device, 1 = a second device of an identified customer. */
  readonly device: 0 | 1;
  /** Customer id known when the session starts. */
  readonly knownUserId?: string;
  /** Customer id learnt during the session (signup, lead or purchase) and the instant it is learnt. */
  readonly identified?: { readonly userId: string; readonly at: number };
  readonly pages: readonly PageVisit[];
  readonly checkout?: { readonly at: number; readonly variant: 'control' | 'green' };
  readonly purchase?: { readonly orderId: string; readonly revenue: number; readonly at: number };
  readonly signupAt?: number;
  readonly leadAt?: number;
  /** First-party ad_impression before the click, for paid sessions. */
  readonly impressionAt?: number;
  /** Index into the visitor's email touches when the session came from an email click. */
  readonly emailTouch?: number;
  readonly sessionId?: string;
  /** Seed of the session's own stream for event details (scroll depth, videos, click ids). */
  readonly seed: number;
}

export interface EmailTouch {
  /** Index into the period's email sends. */
  readonly send: number;
  readonly bounced: boolean;
  readonly openAt?: number;
  clickAt?: number;
  readonly unsubscribeAt?: number;
}

/** An impression of a paid ad that was not clicked (view-through material). */
export interface AdView {
  readonly source: number;
  readonly ad: number;
  readonly at: number;
}

export interface VisitorProfile {
  readonly anonymousIds: readonly [string, string];
  readonly devices: readonly [Device, Device];
  readonly userAgents: readonly [string, string];
  readonly country: string;
  readonly bot: boolean;
}

export interface VisitorPlan {
  readonly index: number;
  readonly profile: VisitorProfile;
  readonly sessions: SessionPlan[];
  readonly emails: EmailTouch[];
  readonly adViews: AdView[];
  readonly orders: OrderRecord[];
  readonly lifecycle: LifecycleRecord[];
  /** Customer id of an identified visitor (email subscriber, lead or buyer) and since when it is known. */
  readonly customerId?: string;
  readonly identifiedAt?: number;
  /** Seed of the visitor's event-detail stream (follower social activity). */
  readonly seed: number;
}
