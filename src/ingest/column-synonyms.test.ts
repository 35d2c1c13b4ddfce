import { describe, expect, it } from 'vitest';
import { DATE_FIELD, ID_FIELD, normalizeColumnName, synonymFields } from './column-synonyms.js';

describe('column synonyms', () => {
  it('normalises a column name to lower-case words joined by _', () => {
    expect(normalizeColumnName(' Ordered At ')).toBe('ordered_at');
    expect(normalizeColumnName('Order-Total (USD)')).toBe('order_total_usd');
  });

  it('lists the fields a name usually means, the date field as a stand-in', () => {
    expect(synonymFields('Amount')).toEqual(['revenue']);
    expect(synonymFields('created_at')).toEqual([DATE_FIELD]);
    expect(synonymFields('ID')).toEqual([ID_FIELD]);
    // "total" is revenue of an order and the amount of a cost: the source decides which exists.
    expect(synonymFields('Total')).toEqual(['revenue', 'amount']);
    expect(synonymFields('colour')).toEqual([]);
  });
});
