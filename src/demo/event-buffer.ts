// Collects one visitor's events in any order and hands them back in time
// order with their ids and timestamps filled in. It also guards the period: an
// event outside it is a generator bug, not something to clip silently.

import { isoTimestamp, type DemoPeriod } from './demo-clock.js';
import type { DemoEvent } from './demo-records.js';

export class EventBuffer {
  private times: number[] = [];
  private events: DemoEvent[] = [];

  constructor(private readonly period: DemoPeriod) {}

  /** Whether an instant lies inside the generated period. */
  inPeriod(ms: number): boolean {
    return ms >= this.period.startMs && ms < this.period.endMs;
  }

  /**
   * A new event at `ms` with its required fields; the caller adds optional ones
   * (properties last, for readable records). event_id and timestamp are
   * placeholders until drain(), declared first so they head the record.
   */
  add(ms: number, type: string, anonymousId: string): DemoEvent {
    // Plans carry whole milliseconds; a fraction would make the event and its order disagree.
    if (!Number.isInteger(ms)) throw new Error(`demo ${type} event at fractional time ${ms}`);
    if (!this.inPeriod(ms)) throw new Error(`demo ${type} event at ${isoTimestamp(ms)} falls outside the period`);
    const event: DemoEvent = { event_id: '', type, timestamp: '', anonymous_id: anonymousId };
    this.times.push(ms);
    this.events.push(event);
    return event;
  }

  /** Empties the buffer: events ordered by time (ties keep insertion order), ids from `nextId`. */
  drain(nextId: () => string): DemoEvent[] {
    const { times, events } = this;
    const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
    const out = order.map((i) => {
      const event = events[i];
      event.event_id = nextId();
      event.timestamp = isoTimestamp(times[i]);
      return event;
    });
    this.times = [];
    this.events = [];
    return out;
  }
}
