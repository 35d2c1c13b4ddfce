// Collects one visitor's events in any order and hands them back in time
// order. It also guards the period: an event outside it is a generator bug,
// not something to clip silently.

import { isoTimestamp, type DemoPeriod } from './demo-clock.js';
import type { DemoEvent } from './demo-records.js';

/** An event before its id is assigned (ids follow the final order). */
export type PendingEvent = Omit<DemoEvent, 'event_id' | 'timestamp'>;

export class EventBuffer {
  private times: number[] = [];
  private events: PendingEvent[] = [];

  constructor(private readonly period: DemoPeriod) {}

  /** Whether an instant lies inside the generated period. */
  inPeriod(ms: number): boolean {
    return ms >= this.period.startMs && ms < this.period.endMs;
  }

  push(ms: number, event: PendingEvent): void {
    if (!this.inPeriod(ms)) {
      throw new Error(`demo ${event.type} event at ${isoTimestamp(ms)} falls outside the period`);
    }
    this.times.push(Math.round(ms));
    this.events.push(event);
  }

  /** Empties the buffer; events come back ordered by time (ties keep insertion order). */
  drain(): { ms: number; event: PendingEvent }[] {
    const order = this.times.map((_, i) => i).sort((a, b) => this.times[a] - this.times[b] || a - b);
    const out = order.map((i) => ({ ms: this.times[i], event: this.events[i] }));
    this.times = [];
    this.events = [];
    return out;
  }
}
