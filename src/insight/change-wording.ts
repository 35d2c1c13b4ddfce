// Sentences for the parts of a change, in a marketer's words: "CPC rose 10 %:
// +2.14 of the +5.00 CPA change", "Search (new): +1.20 of the +5.00 CPA
// change". Pure.

/**
 * A number with its sign, two decimals from 1 up, three significant digits below.
 *
 * @example signed(3.1) // → '+3.10'
 * @example signed(-0.01234) // → '-0.0123'
 */
export function signed(value: number): string {
  return `${value < 0 ? '-' : '+'}${plain(Math.abs(value))}`;
}

/**
 * A number without a sign forced on it.
 *
 * @example plain(4.4) // → '4.40'
 */
export function plain(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1 ? value.toFixed(2) : String(Number(value.toPrecision(3)));
}

/**
 * A relative change, to one decimal at most.
 *
 * @example percent(12.345) // → '12.3 %'
 */
export function percent(value: number): string {
  return `${Math.round(Math.abs(value) * 10) / 10} %`;
}

/**
 * How a part of the formula moved and what it did to the KPI.
 *
 * @example driverSentence('CPC', 1, 1.1, 2.1364, 5, 'CPA') // → 'CPC rose 10 %: +2.14 of the +5.00 CPA change'
 * @example driverSentence('Cost', 0, 50, 50, 50, 'Cost') // → 'Cost went from 0 to 50.00: +50.00 of the +50.00 Cost change'
 */
export function driverSentence(label: string, previous: number | null, current: number | null, contribution: number, change: number, metricLabel: string): string {
  const tail = `${signed(contribution)} of the ${signed(change)} ${metricLabel} change`;
  if (previous === null || current === null) return `${label}: ${tail}`;
  if (previous === current) return `${label} was unchanged: ${tail}`;
  if (previous === 0) return `${label} went from 0 to ${plain(current)}: ${tail}`;
  return `${label} ${current > previous ? 'rose' : 'fell'} ${percent(((current - previous) / previous) * 100)}: ${tail}`;
}

/**
 * A segment's part in the change, with its rate and mix effects when it has them.
 *
 * @example segmentSentence('Search', 'both', 1.2, 5, 'CPA', 1.5, -0.3) // → 'Search: +1.20 of the +5.00 CPA change (rate +1.50, mix -0.3)'
 */
export function segmentSentence(key: string, status: 'new' | 'gone' | 'both', contribution: number, change: number, metricLabel: string, rate?: number, mix?: number): string {
  const tag = status === 'both' ? '' : ` (${status})`;
  const effects = rate === undefined || mix === undefined || status !== 'both' ? '' : ` (rate ${signed(rate)}, mix ${signed(mix)})`;
  return `${key}${tag}: ${signed(contribution)} of the ${signed(change)} ${metricLabel} change${effects}`;
}
