// A clock the test moves by hand: timers fire, in time order, only when
// advance() passes their instant, and every promise they start is let run
// before the next one fires. For the alert scheduler.
import type { SchedulerClock } from '../../src/alerts/alert-scheduler.js';

interface Timer {
  at: number;
  seq: number;
  run: () => void;
}

export class FakeClock implements SchedulerClock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, run };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(timer: unknown): void {
    this.timers = this.timers.filter((t) => t !== timer);
  }

  /** Jumps to `time` without firing anything (the machine was off meanwhile). */
  setTime(time: number): void {
    this.time = time;
  }

  /** The instants of the timers set, earliest first. */
  pending(): number[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b);
  }

  /**
   * Moves the clock to `to`, firing each timer due by then at its own
   * instant, and after each waits for `settle()` (the work it started).
   */
  async advanceTo(to: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      const due = this.timers.filter((t) => t.at <= to).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.run();
      await settle();
    }
    this.time = Math.max(this.time, to);
  }
}
