// What the ad platforms saw of the first-party journeys, per campaign, ad and
// day: the clicks that landed as sessions, and the purchases first-party data
// credits to the campaign by its default rule (last non-direct session within
// 30 days, after the previous purchase). Platforms report an inflated multiple.

import { DAY_MS, dayIndexOf, type DemoPeriod } from './demo-clock.js';
import { sourceIndex } from './demo-world.js';
import type { VisitorPlan } from './journey-plan.js';

const LOOKBACK_MS = 30 * DAY_MS;
const DIRECT = sourceIndex('direct');

export interface AdDayTally {
  sessions: number;
  creditedConversions: number;
  creditedValue: number;
}

export class AdTally {
  private readonly cells = new Map<string, AdDayTally>();

  /** The tally of one ad on one day (zeros when nothing happened). */
  get(source: number, ad: number, day: number): AdDayTally {
    return this.cells.get(`${source}:${ad}:${day}`) ?? { sessions: 0, creditedConversions: 0, creditedValue: 0 };
  }

  private cell(source: number, ad: number, day: number): AdDayTally {
    const key = `${source}:${ad}:${day}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { sessions: 0, creditedConversions: 0, creditedValue: 0 }));
    return cell;
  }

  /** Adds a visitor's paid landings and the purchases credited to paid sessions. */
  add(plan: VisitorPlan, period: DemoPeriod): void {
    let previousPurchase = -Infinity;
    plan.sessions.forEach((session, i) => {
      if (session.ad >= 0) this.cell(session.source, session.ad, dayIndexOf(period, session.start)).sessions++;
      if (!session.purchase) return;
      const { at, revenue } = session.purchase;
      // Sessions are in time order: walk back to the last non-direct one in the window.
      for (let j = i; j >= 0; j--) {
        const touch = plan.sessions[j];
        if (touch.start <= previousPurchase || at - touch.start > LOOKBACK_MS) break;
        if (touch.source === DIRECT) continue;
        if (touch.ad >= 0) {
          const cell = this.cell(touch.source, touch.ad, dayIndexOf(period, at));
          cell.creditedConversions++;
          cell.creditedValue += revenue;
        }
        break;
      }
      previousPurchase = at;
    });
  }
}
