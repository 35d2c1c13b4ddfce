// One visitor's whole story over the period, decided in time order: visits
// arrive (first visit, returns, email clicks, repeat purchases, a closed B2B
// deal), each visit may convert, and conversions change what comes next
// (an identity, newsletter sends, repeat visits, CRM stages).

import { DAY_MS, dayIndexOf, HOUR_MS, isoTimestamp, type DemoPeriod } from './demo-clock.js';
import { roundMoney } from './demo-money.js';
import type { LifecycleRecord, OrderRecord } from './demo-records.js';
import { GIFTING_PATH } from './demo-site.js';
import { AUDIENCE, PAID_SOURCES, sourceIndex, SOURCES } from './demo-world.js';
import type { EmailSend } from './email-schedule.js';
import type { AdView, EmailTouch, SessionPlan, VisitorPlan } from './journey-plan.js';
import { planLeadPipeline, planRefundChurn, planSubscription, type LeadSource } from './plan-crm.js';
import { planEmailTouches } from './plan-email.js';
import { planPages } from './plan-pages.js';
import { planBotSessions, planProfile } from './plan-profile.js';
import { createRandom, deriveSeed, type Random } from './random.js';
import { cvrMultiplier, isSourceLive } from './source-calendar.js';
import type { TrafficTables } from './traffic-tables.js';

export interface PlanContext {
  readonly period: DemoPeriod;
  readonly tables: TrafficTables;
  readonly sends: readonly EmailSend[];
  readonly seed: number;
}

/** Visits of one person never come closer than this, so 30-minute sessionizing keeps them apart. */
const MIN_GAP_MS = 3 * HOUR_MS;
/** A visit needs this much room before the period ends. */
const SESSION_ROOM_MS = 2 * HOUR_MS;
const DIRECT = sourceIndex('direct');

type VisitKind = 'first' | 'returning' | 'repeat' | 'email' | 'b2b';
interface Visit {
  time: number;
  readonly kind: VisitKind;
  readonly source?: number;
  readonly touch?: number;
}

/** @example planVisitor(ctx, 41).orders */
export function planVisitor(ctx: PlanContext, index: number): VisitorPlan {
  const rng = createRandom(deriveSeed(ctx.seed, index, 1));
  const profile = planProfile(rng);
  const seed = deriveSeed(ctx.seed, index, 3);
  if (profile.bot) {
    const sessions = planBotSessions(rng, ctx.period, ctx.seed, index);
    return { index, profile, sessions, emails: [], adViews: [], orders: [], lifecycle: [], seed };
  }
  return { index, profile, seed, ...new JourneyPlanner(ctx, index, rng).run() };
}

class JourneyPlanner {
  private readonly queue: Visit[] = [];
  private readonly sessions: SessionPlan[] = [];
  private readonly emails: EmailTouch[] = [];
  private readonly orders: OrderRecord[] = [];
  private readonly lifecycle: LifecycleRecord[] = [];
  private readonly adViews: AdView[] = [];
  private readonly intent: number;
  private readonly engagement: number;
  private readonly variant: 'control' | 'green';
  private readonly secondDevice: boolean;
  private customerId?: string;
  private identifiedAt?: number;
  private subscribed = false;
  private bought = false;
  /** Visited before the period began (so even the first visit inside it is a return). */
  private seenBefore = false;
  private leadSource?: LeadSource;
  private lastStart = -Infinity;

  constructor(
    private readonly ctx: PlanContext,
    private readonly index: number,
    private readonly rng: Random,
  ) {
    this.intent = rng.lognormal(1, AUDIENCE.intentSigma);
    this.engagement = rng.lognormal(1, 0.8);
    this.variant = rng.chance(0.5) ? 'green' : 'control';
    this.secondDevice = rng.chance(AUDIENCE.secondDeviceShare);
  }

  run(): Omit<VisitorPlan, 'index' | 'profile' | 'seed'> {
    const { period } = this.ctx;
    this.planBaseVisits();
    if (this.rng.chance(AUDIENCE.subscriberShare)) {
      this.identify(period.startMs);
      this.subscribe(period.startMs);
    }
    this.planAdViews();
    for (let visit = this.popVisit(); visit; visit = this.popVisit()) this.handle(visit);
    const { sessions, emails, adViews, orders, lifecycle, customerId, identifiedAt } = this;
    return { sessions, emails, adViews, orders, lifecycle, customerId, identifiedAt };
  }

  private planBaseVisits(): void {
    const { rng, ctx } = this;
    const { startMs, days } = ctx.period;
    // Some people first came before the period: their visits that fall inside it are
    // all returns. Without them traffic would start cold and climb for weeks.
    if (rng.chance(AUDIENCE.priorVisitorDays / (AUDIENCE.priorVisitorDays + days))) {
      const times = this.visitChain(startMs - Math.round(rng.uniform(0, AUDIENCE.priorVisitorDays) * DAY_MS)).filter((t) => t >= startMs);
      if (times.length > 0) {
        this.seenBefore = true;
        for (const time of times) this.queue.push({ time, kind: 'returning' });
        return;
      }
    }
    const first = ctx.tables.pickFirstArrival(rng);
    this.queue.push({ time: first.time, kind: 'first', source: first.source });
    for (const time of this.visitChain(first.time).slice(1)) this.queue.push({ time, kind: 'returning' });
  }

  /** Visit times starting at `first`: a visit count, then exponential gaps. */
  private visitChain(first: number): number[] {
    const { rng, ctx } = this;
    const times = [first];
    const count = 1 + rng.weightedIndex(AUDIENCE.sessionCountWeights);
    for (let time = first, k = 1; k < count; k++) {
      time += Math.max(MIN_GAP_MS, Math.round(rng.exponential(AUDIENCE.meanDaysBetweenSessions * DAY_MS)));
      if (time >= ctx.period.endMs) break;
      times.push(time);
    }
    return times;
  }

  /** Awareness and prospecting ads are seen by many who never click. */
  private planAdViews(): void {
    const { rng, ctx } = this;
    for (const campaign of PAID_SOURCES) {
      if (!rng.chance(campaign.viewOnlyShare)) continue;
      const source = SOURCES.indexOf(campaign);
      for (let n = rng.int(1, 3); n > 0; n--) {
        const day = rng.int(0, ctx.period.days - 1);
        if (!isSourceLive(campaign, ctx.period, day)) continue;
        const ad = rng.weightedIndex(campaign.ads.map((a) => a.weight));
        this.adViews.push({ source, ad, at: ctx.tables.timeOnDay(rng, day) });
      }
    }
  }

  private popVisit(): Visit | undefined {
    if (this.queue.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) if (this.queue[i].time < this.queue[best].time) best = i;
    return this.queue.splice(best, 1)[0];
  }

  private handle(visit: Visit): void {
    const { rng, ctx } = this;
    if (visit.time < this.lastStart + MIN_GAP_MS) {
      visit.time = this.lastStart + MIN_GAP_MS + Math.round(rng.uniform(0, 2 * HOUR_MS));
      this.queue.push(visit);
      return;
    }
    if (visit.time > ctx.period.endMs - SESSION_ROOM_MS) {
      // Everyone counted as a visitor gets at least one visit: pull a too-late first one back.
      if (this.sessions.length > 0 || visit.kind === 'email' || visit.kind === 'b2b' || visit.kind === 'repeat') return;
      visit.time = ctx.period.endMs - SESSION_ROOM_MS - Math.round(rng.uniform(0, 4 * HOUR_MS));
    }
    this.lastStart = visit.time;
    const day = dayIndexOf(ctx.period, visit.time);
    const source = this.resolveSource(visit, day);
    if (visit.touch !== undefined) this.emails[visit.touch].clickAt = visit.time - rng.int(2000, 8000);
    this.planSession(visit, source, day);
  }

  private resolveSource(visit: Visit, day: number): number {
    const { rng, ctx } = this;
    switch (visit.kind) {
      case 'first':
        return visit.source ?? DIRECT;
      case 'returning':
      case 'repeat': {
        const picked = ctx.tables.pickSource(rng, visit.kind, day);
        return picked < 0 ? DIRECT : picked;
      }
      case 'email':
        return ctx.sends[this.emails[visit.touch ?? -1].send].source;
      case 'b2b':
        return DIRECT;
    }
  }

  private planSession(visit: Visit, sourceIdx: number, day: number): void {
    const { rng, ctx } = this;
    const source = SOURCES[sourceIdx];
    const forced = visit.kind === 'repeat' || visit.kind === 'b2b';
    let p = source.cvr * cvrMultiplier(source, ctx.period, day) * this.intent;
    if (this.seenBefore || this.sessions.length > 0) p *= AUDIENCE.returningCvrBoost;
    if (this.bought) p *= 0.5;
    const completion = AUDIENCE.checkoutCompletion * (this.variant === 'green' ? AUDIENCE.greenLift : 1);
    const checkout = forced || rng.chance(Math.min(0.95, p / AUDIENCE.checkoutCompletion));
    const purchase = forced || (checkout && rng.chance(completion));
    const lead = !this.leadSource && !forced && rng.chance(source.leadRate);
    const signup = !this.customerId && !purchase && rng.chance(AUDIENCE.signupRate);
    const landing = visit.kind === 'b2b' || lead ? GIFTING_PATH : rng.pick(source.landingPaths);
    const pages = planPages(rng, { landing, start: visit.time, channel: source.channel, checkout, purchase, lead, signup });

    const knownUserId = this.customerId;
    const device: 0 | 1 = knownUserId && this.secondDevice && this.sessions.length > 0 && visit.kind !== 'email' && rng.chance(0.4) ? 1 : 0;
    const learnt = [pages.signupAt, pages.leadAt, pages.purchaseAt].filter((t): t is number => t !== undefined);
    const identified = !knownUserId && learnt.length > 0 ? { userId: this.identify(Math.min(...learnt)), at: Math.min(...learnt) } : undefined;
    const ad = source.kind === 'paid' ? rng.weightedIndex(source.ads.map((a) => a.weight)) : -1;
    const impressionAt = source.kind === 'paid' && rng.chance(source.impressionShare)
      ? visit.time - Math.round(Math.min(rng.exponential(18 * HOUR_MS), 6 * DAY_MS)) - 60_000
      : undefined;
    const k = this.sessions.length + 1;
    const session: SessionPlan = {
      start: visit.time, source: sourceIdx, ad, device, knownUserId, identified, pages: pages.pages,
      checkout: pages.checkoutAt !== undefined ? { at: pages.checkoutAt, variant: this.variant } : undefined,
      purchase: pages.purchaseAt !== undefined ? this.recordPurchase(pages.purchaseAt, sourceIdx, visit.kind === 'b2b') : undefined,
      signupAt: pages.signupAt, leadAt: pages.leadAt,
      impressionAt: impressionAt !== undefined && impressionAt >= ctx.period.startMs ? impressionAt : undefined,
      emailTouch: visit.touch,
      sessionId: rng.chance(AUDIENCE.explicitSessionIdShare) ? `sess_${this.index + 1}_${k}` : undefined,
      seed: deriveSeed(ctx.seed, this.index, 2, k),
    };
    this.sessions.push(session);
    if (pages.leadAt !== undefined) this.startPipeline(pages.leadAt, sourceIdx);
    if (pages.signupAt !== undefined && !this.subscribed) this.subscribe(pages.signupAt);
  }

  private identify(at: number): string {
    if (!this.customerId) {
      this.customerId = `cus_${String(this.index + 1).padStart(5, '0')}`;
      this.identifiedAt = at;
    }
    return this.customerId;
  }

  private subscribe(at: number): void {
    const { rng, ctx } = this;
    this.subscribed = true;
    for (const touch of planEmailTouches(rng, ctx.sends, at, ctx.period.endMs, this.engagement)) {
      this.emails.push(touch);
      if (touch.clickAt !== undefined) this.queue.push({ time: touch.clickAt + rng.int(2000, 8000), kind: 'email', touch: this.emails.length - 1 });
    }
  }

  private startPipeline(leadAt: number, sourceIdx: number): void {
    const source = SOURCES[sourceIdx];
    this.leadSource = { campaignId: source.kind === 'organic' ? undefined : source.id, channel: source.channel };
    const pipeline = planLeadPipeline(this.rng, this.identify(leadAt), leadAt, this.leadSource, this.ctx.period.endMs);
    this.lifecycle.push(...pipeline.rows);
    if (pipeline.closeAt !== undefined) this.queue.push({ time: pipeline.closeAt, kind: 'b2b' });
  }

  private recordPurchase(at: number, sourceIdx: number, b2b: boolean): NonNullable<SessionPlan['purchase']> {
    const { rng } = this;
    const customerId = this.identify(at);
    const orderId = `ord_${String(this.index + 1).padStart(5, '0')}_${this.orders.length + 1}`;
    const revenue = roundMoney(b2b ? rng.lognormal(2100, 0.35) : Math.max(12, rng.lognormal(SOURCES[sourceIdx].aov, 0.45)));
    const r = rng.next();
    const status = r < 0.04 ? 'refunded' : r < 0.06 ? 'cancelled' : 'completed';
    const margin = Math.round((b2b ? rng.uniform(0.34, 0.44) : rng.uniform(0.42, 0.6)) * 1000) / 1000;
    this.orders.push({ order_id: orderId, customer_id: customerId, timestamp: isoTimestamp(at), revenue, currency: 'USD', gross_margin: margin, status });
    if (!this.bought) this.becomeCustomer(at, sourceIdx, b2b, status === 'refunded');
    this.bought = true;
    return { orderId, revenue, at };
  }

  private becomeCustomer(at: number, sourceIdx: number, b2b: boolean, refunded: boolean): void {
    const { rng, ctx } = this;
    const customerId = this.identify(at);
    const origin = SOURCES[this.sessions[0]?.source ?? sourceIdx];
    const tag: LeadSource = b2b && this.leadSource
      ? this.leadSource
      : { campaignId: origin.kind === 'organic' ? undefined : origin.id, channel: origin.channel };
    const row: LifecycleRecord = { customer_id: customerId, stage: 'customer', timestamp: isoTimestamp(at), ...(tag.campaignId ? { campaign_id: tag.campaignId } : {}), channel: tag.channel };
    if (!b2b && rng.chance(AUDIENCE.subscriptionShare)) {
      const subscription = planSubscription(rng, customerId, at, ctx.period.endMs);
      this.lifecycle.push({ ...row, mrr: subscription.mrr }, ...subscription.rows);
    } else {
      this.lifecycle.push(row, ...(refunded ? planRefundChurn(rng, customerId, at, ctx.period.endMs) : []));
    }
    if (b2b) return;
    // Repeat buying as BG/NBD pictures it: a personal Poisson rate drawn from a Gamma.
    const rate = rng.gamma(AUDIENCE.repeatRate.shape, AUDIENCE.repeatRate.scale);
    const remainingDays = (ctx.period.endMs - at) / DAY_MS;
    const repeats = Math.min(4, rng.poisson((rate * remainingDays) / 30));
    for (let i = 0; i < repeats && remainingDays > 3; i++) {
      this.queue.push({ time: at + Math.round(rng.uniform(2, remainingDays) * DAY_MS), kind: 'repeat' });
    }
    if (!this.subscribed && rng.chance(AUDIENCE.buyerOptIn)) this.subscribe(at);
  }
}
