// Names other tools give Beacon's fields, for the suggestions of a header
// that does not match its source. Data, kept small: a name is listed only
// where the field is what it usually means.

/** Stands for the field that dates a source's records (`timestamp` of orders, `date` of costs…). */
export const DATE_FIELD = '(date field)';
/** Stands for the one field that keys a source's records (`order_id` of orders, `event_id` of events…). */
export const ID_FIELD = '(id field)';

/** Field → column names (normalised: lower case, words joined by `_`) that usually mean it. */
export const COLUMN_SYNONYMS: readonly { readonly field: string; readonly columns: readonly string[] }[] = [
  { field: ID_FIELD, columns: ['id'] },
  { field: DATE_FIELD, columns: ['date', 'day', 'time', 'datetime', 'timestamp', 'ordered_at', 'created_at', 'occurred_at', 'event_time'] },
  { field: 'revenue', columns: ['amount', 'order_total', 'total', 'value', 'sales'] },
  { field: 'cost', columns: ['spend', 'spent', 'amount_spent'] },
  { field: 'amount', columns: ['cost', 'spend', 'total'] },
  { field: 'customer_id', columns: ['email', 'customer', 'customer_email', 'user_id'] },
  { field: 'user_id', columns: ['email', 'customer_id'] },
  { field: 'anonymous_id', columns: ['visitor_id', 'client_id', 'cookie_id', 'device_id'] },
  { field: 'order_id', columns: ['order_number', 'transaction_id'] },
  { field: 'type', columns: ['event', 'event_type', 'event_name'] },
  { field: 'impressions', columns: ['impr', 'views'] },
];

/**
 * A column name as the synonyms list it: `Order Total` → `order_total`.
 * @example normalizeColumnName(' Ordered At ') // 'ordered_at'
 */
export function normalizeColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * The fields a column name usually means, in the order of the list
 * (DATE_FIELD and ID_FIELD standing for the source's date and key fields).
 * @example synonymFields('Amount') // ['revenue']
 */
export function synonymFields(name: string): string[] {
  const key = normalizeColumnName(name);
  return COLUMN_SYNONYMS.filter((entry) => entry.columns.includes(key)).map((entry) => entry.field);
}
