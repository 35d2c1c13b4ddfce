// Anomaly detection on a daily series: detectAnomalies on 90 days of history
// and 30 judged days (a weekly pattern with seeded noise and two spikes),
// beside the floor of one Holt-Winters fit of the same history (fitSmoothing,
// additive season of 7, no trend). The detector fits up to three trends, keeps
// the lowest AICc, refits when it clips outliers of the history, and rolls the
// 30 days forward; its ratio to the floor is about the fits it makes.
import { createSeededRandom } from '../src/attribution/seeded-random.js';
import { detectAnomalies } from '../src/anomalies/detect-anomalies.js';
import { addDays } from '../src/core/time.js';
import { fitSmoothing } from '../src/forecast/fit-smoothing.js';
import type { SmoothingModel } from '../src/forecast/smoothing.js';
import { fmt, median, ms, timedSync } from './bench-support.js';

export interface AnomalyBenchOptions {
  /** Timed runs of each after 3 warm-ups (default 21). */
  runs: number;
}

const HISTORY_DAYS = 90;
const JUDGED_DAYS = 30;
const WEEK = [60, 70, 80, 90, 140, 210, 180];
const FIRST_DAY = '2026-01-05';

function dailySeries(): { date: string; value: number }[] {
  const next = createSeededRandom(11);
  return Array.from({ length: HISTORY_DAYS + JUDGED_DAYS }, (_, i) => {
    const spike = i === HISTORY_DAYS + 9 || i === HISTORY_DAYS + 22 ? 4 : 1;
    return { date: addDays(FIRST_DAY, i), value: (WEEK[i % 7] + (next() - 0.5) * 20) * spike };
  });
}

export function benchAnomalies(options: AnomalyBenchOptions): void {
  const series = dailySeries();
  const history = series.slice(0, HISTORY_DAYS);
  const points = series.slice(HISTORY_DAYS);
  const model: SmoothingModel = { trend: 'none', season: 'additive', period: 7 };
  const detection = detectAnomalies({ history, points, grain: 'day' });
  console.log(`\nAnomalies on a daily series · ${HISTORY_DAYS} days of history + ${JUDGED_DAYS} judged, weekly season · medians of ${options.runs} runs after 3 warm-ups`);
  console.log(`  ${detection.method}, trend ${detection.params.trend ?? '—'}: ${detection.anomalies} anomalies (${detection.points.filter((p) => p.anomaly).map((p) => p.date).join(', ')})`);
  const values = history.map((p) => p.value);
  const floor = timedSync(3, options.runs, () => fitSmoothing(values, model));
  const detect = timedSync(3, options.runs, () => detectAnomalies({ history, points, grain: 'day' }));
  const label = (s: string) => `  ${s.padEnd(58)}`;
  console.log(`${label('fitSmoothing, one Holt-Winters fit (the floor):')}${ms(floor, 2)}`);
  console.log(`${label('detectAnomalies (fits, cleaning, 30 one-step judgements):')}${ms(detect, 2)} · ratio ${fmt(median(detect) / median(floor), 1)}`);
}
