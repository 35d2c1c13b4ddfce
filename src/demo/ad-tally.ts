// What the ad platforms saw of the first-party journeys, per campaign, ad and
// day: the clicks that landed as sessions, and the purchases each platform
// claims under its own click and view windows. Several platforms claim the same
// purchase, which is why platform numbers run above first-party ones.

import { DAY_MS, dayIndexOf, type DemoPeriod } from './demo-clock.js';
import { SOURCES } from './demo-world.js';
import type { VisitorPlan } from './journey-plan.js';

export interface AdDayTally {
  sessions: number;
  claimedConversions: number;
  claimedValue: number;
}

export class AdTally {
  private readonly cells = new Map<string, AdDayTally>();

  /** The tally of one ad on one day (zeros when nothing happened). */
  get(source: number, ad: number, day: number): AdDayTally {
    return this.cells.get(`${source}:${ad}:${day}`) ?? { sessions: 0, claimedConversions: 0, claimedValue: 0 };
  }

  private cell(source: number, ad: number, day: number): AdDayTally {
    const key = `${source}:${ad}:${day}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { sessions: 0, claimedConversions: 0, claimedValue: 0 }));
    return cell;
  }

  /** Adds a visitor's paid landings and the platform claims on their purchases. */
  add(plan: VisitorPlan, period: DemoPeriod): void {
    const touches: { source: number; ad: number; at: number; click: boolean }[] = [];
    for (const s of plan.sessions) {
      if (s.ad < 0) continue;
      this.cell(s.source, s.ad, dayIndexOf(period, s.start)).sessions++;
      touches.push({ source: s.source, ad: s.ad, at: s.start, click: true });
      if (s.impressionAt !== undefined) touches.push({ source: s.source, ad: s.ad, at: s.impressionAt, click: false });
    }
    for (const v of plan.adViews) touches.push({ ...v, click: false });
    if (touches.length === 0) return;
    for (const s of plan.sessions) {
      if (s.purchase) this.claim(touches, s.purchase.at, s.purchase.revenue, period);
    }
  }

  private claim(touches: readonly { source: number; ad: number; at: number; click: boolean }[], at: number, revenue: number, period: DemoPeriod): void {
    // Each platform credits its latest qualifying touch (clicks beat views).
    const credited = new Map<number, { ad: number; at: number; click: boolean }>();
    for (const t of touches) {
      const source = SOURCES[t.source];
      if (source.kind !== 'paid' || t.at > at) continue;
      const windowDays = t.click ? source.claim.clickDays : source.claim.viewDays;
      if (at - t.at > windowDays * DAY_MS) continue;
      const best = credited.get(t.source);
      if (!best || (t.click && !best.click) || (t.click === best.click && t.at > best.at)) credited.set(t.source, t);
    }
    const day = dayIndexOf(period, at);
    for (const [source, t] of credited) {
      const cell = this.cell(source, t.ad, day);
      cell.claimedConversions++;
      cell.claimedValue += revenue;
    }
  }
}
