// Survey answers that follow orders: NPS a week or two after buying, CSAT
// after delivery, CES right after checkout. Scores lean positive, but a
// refunded or cancelled order is where most detractors come from.

import { DAY_MS, HOUR_MS, isoTimestamp, type DemoPeriod } from './demo-clock.js';
import type { OrderRecord, SurveyRecord } from './demo-records.js';
import { createRandom, deriveSeed, type Random } from './random.js';

interface SurveyKind {
  readonly kind: SurveyRecord['kind'];
  readonly min: number;
  /** Chance an order gets an answer, and the delay window in days. */
  readonly responseRate: number;
  readonly delayDays: readonly [number, number];
  /** Weights of scores min…max for a happy order and for a refunded/cancelled one. */
  readonly happy: readonly number[];
  readonly unhappy: readonly number[];
}

const KINDS: readonly SurveyKind[] = [
  { kind: 'nps', min: 0, responseRate: 0.22, delayDays: [7, 14], happy: [2, 1, 1, 2, 2, 4, 6, 10, 16, 24, 32], unhappy: [10, 6, 8, 8, 8, 10, 12, 12, 10, 8, 8] },
  { kind: 'csat', min: 1, responseRate: 0.15, delayDays: [3, 6], happy: [4, 5, 11, 30, 50], unhappy: [30, 25, 20, 15, 10] },
  { kind: 'ces', min: 1, responseRate: 0.1, delayDays: [0.01, 1], happy: [2, 3, 5, 10, 20, 30, 30], unhappy: [10, 12, 15, 18, 18, 15, 12] },
];

const COMMENTS = {
  good: ['Great quality, fits perfectly.', 'Fast shipping and the jacket kept me dry all weekend.', 'Love the fabric, will order again.', 'Checkout was quick and easy.', 'Boots were comfortable straight out of the box.'],
  neutral: ['Product is fine, delivery took a bit long.', 'Sizing runs a little small.', 'Good, but the colour differs from the photos.'],
  bad: ['Had to return it, the seams came apart.', 'Refund took two weeks.', 'Order was cancelled without explanation.', 'Customer support never replied.'],
} as const;

function commentFor(rng: Random, kind: SurveyKind, score: number): string | undefined {
  if (!rng.chance(0.35)) return undefined;
  const span = kind.happy.length - 1;
  const position = (score - kind.min) / span;
  return rng.pick(position >= 0.75 ? COMMENTS.good : position >= 0.45 ? COMMENTS.neutral : COMMENTS.bad);
}

/** @example generateSurveys(period, orders, 42).filter((s) => s.kind === 'nps') */
export function generateSurveys(period: DemoPeriod, orders: readonly OrderRecord[], seed: number): SurveyRecord[] {
  const rng = createRandom(deriveSeed(seed, 17));
  const rows: Omit<SurveyRecord, 'response_id'>[] = [];
  for (const order of orders) {
    const orderedAt = Date.parse(order.timestamp);
    for (const kind of KINDS) {
      if (!rng.chance(kind.responseRate)) continue;
      const at = orderedAt + Math.round(rng.uniform(kind.delayDays[0], kind.delayDays[1]) * DAY_MS) + rng.int(0, HOUR_MS);
      const weights = order.status === 'completed' ? kind.happy : kind.unhappy;
      const score = kind.min + rng.weightedIndex(weights);
      const comment = commentFor(rng, kind, score);
      if (at >= period.endMs) continue;
      rows.push({ kind: kind.kind, score, timestamp: isoTimestamp(at), customer_id: order.customer_id, ...(comment ? { comment } : {}) });
    }
  }
  rows.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  return rows.map((row, i) => ({ response_id: `rsp_${String(i + 1).padStart(6, '0')}`, ...row }));
}
