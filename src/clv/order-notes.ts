// What became of a workspace's orders in the RFM summaries, in words beside a
// CLV answer: which orders the models did not learn from, and why (DATA.md:
// refunded and cancelled orders are not purchases; money without an fx rate
// is left out, never guessed).
import type { RfmCounts } from '../warehouse/warehouse.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Notes on the orders behind a CLV fit; none when every order up to the
 * calibration end was a completed purchase.
 *
 * @example orderNotes({ source: 'orders', completed: 90, refunded: 3, cancelled: 0, negative_revenue: 1, without_rate: 0, after_calibration_end: 5, future: 0 }, '2026-11-30')
 * // → ['3 refunded orders are not counted as purchases (1 with negative revenue)', '5 completed orders after 2026-11-30 are left out of the fit']
 */
export function orderNotes(counts: RfmCounts, calibrationEnd: string): string[] {
  if (counts.source === 'events') return ['this workspace has no orders: purchases are its conversion events with revenue, one per order_id'];
  const notes: string[] = [];
  const left: string[] = [];
  if (counts.refunded > 0) left.push(plural(counts.refunded, 'refunded order'));
  if (counts.cancelled > 0) left.push(plural(counts.cancelled, 'cancelled order'));
  if (left.length > 0) {
    const negative = counts.negative_revenue > 0 ? ` (${plural(counts.negative_revenue, 'with negative revenue', 'with negative revenue')})` : '';
    const verb = counts.refunded + counts.cancelled === 1 ? 'is not counted as a purchase' : 'are not counted as purchases';
    notes.push(`${left.join(' and ')} ${verb}${negative}`);
  }
  if (counts.without_rate > 0) notes.push(`${plural(counts.without_rate, 'completed order')} without an exchange rate for its currency and day ${counts.without_rate === 1 ? 'is' : 'are'} left out (load fx_rates to count them)`);
  if (counts.after_calibration_end > 0) notes.push(`${plural(counts.after_calibration_end, 'completed order')} after ${calibrationEnd} ${counts.after_calibration_end === 1 ? 'is' : 'are'} left out of the fit`);
  if (counts.future > 0) notes.push(`${plural(counts.future, 'order')} ${counts.future === 1 ? 'is' : 'are'} dated in the future (check the time zone of the timestamps)`);
  return notes;
}
