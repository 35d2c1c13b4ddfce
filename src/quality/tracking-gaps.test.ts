import { describe, expect, it } from 'vitest';
import { trackingGaps, type DailyCount } from './tracking-gaps.js';

/** `weeks` weeks from Monday 2026-11-02: weekdays 1,000 events, weekends 200. */
function weeks(count: number): DailyCount[] {
  const out: DailyCount[] = [];
  for (let i = 0; i < count * 7; i++) {
    const day = new Date(Date.UTC(2026, 10, 2) + i * 86_400_000).toISOString().slice(0, 10);
    out.push({ day, events: i % 7 >= 5 ? 200 : 1000 });
  }
  return out;
}

describe('trackingGaps', () => {
  it('finds nothing in a steady weekly pattern, quiet weekends included', () => {
    expect(trackingGaps(weeks(6), '2026-12-13')).toEqual([]);
  });

  it('flags a weekday that fell to 300 against its 1,000, and a day with nothing tracked', () => {
    const counts = weeks(6)
      .map((c) => (c.day === '2026-12-07' ? { ...c, events: 300 } : c))
      .filter((c) => c.day !== '2026-12-09');
    // Monday 7 December: median of four Mondays of 1,000 → 70 % down. Wednesday 9 December: missing → 0, 100 % down.
    expect(trackingGaps(counts, '2026-12-13')).toEqual([
      { day: '2026-12-07', events: 300, expected: 1000, dropPercent: 70 },
      { day: '2026-12-09', events: 0, expected: 1000, dropPercent: 100 },
    ]);
  });

  it('does not judge a Saturday of 150 against weekdays: 25 % below its Saturdays is no gap', () => {
    const counts = weeks(6).map((c) => (c.day === '2026-12-12' ? { ...c, events: 150 } : c));
    expect(trackingGaps(counts, '2026-12-13')).toEqual([]);
  });

  it('waits for three weeks of history before judging a day', () => {
    // Two weeks only, and the third Monday at 0: too little history to call it a gap.
    const counts = weeks(2);
    expect(trackingGaps(counts, '2026-11-16')).toEqual([]);
  });
});
