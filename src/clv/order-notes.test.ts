import { describe, expect, it } from 'vitest';
import type { RfmCounts } from '../warehouse/warehouse.js';
import { orderNotes } from './order-notes.js';

const clean: RfmCounts = { source: 'orders', completed: 90, refunded: 0, cancelled: 0, negative_revenue: 0, without_rate: 0, after_calibration_end: 0, future: 0 };

describe('orderNotes', () => {
  it('says nothing when every order up to the calibration end was a completed purchase', () => {
    expect(orderNotes(clean, '2026-11-30')).toEqual([]);
  });

  it('names each kind of order left out, with its count', () => {
    expect(orderNotes({ ...clean, refunded: 3, cancelled: 1, negative_revenue: 2, without_rate: 1, after_calibration_end: 5, future: 2 }, '2026-11-30')).toEqual([
      '3 refunded orders and 1 cancelled order are not counted as purchases (2 with negative revenue)',
      '1 completed order without an exchange rate for its currency and day is left out (load fx_rates to count them)',
      '5 completed orders after 2026-11-30 are left out of the fit',
      '2 orders are dated in the future (check the time zone of the timestamps)',
    ]);
    expect(orderNotes({ ...clean, refunded: 1 }, '2026-11-30')).toEqual(['1 refunded order is not counted as a purchase']);
  });

  it('says where purchases came from in a workspace without orders', () => {
    expect(orderNotes({ ...clean, source: 'events', completed: 0 }, '2026-11-30')[0]).toMatch(/no orders: purchases are its conversion events/);
  });
});
