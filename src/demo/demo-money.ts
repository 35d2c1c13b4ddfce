// Money in demo records is a plain number with two decimals, the way exports
// and CSV files carry it; rounding once here keeps every generator consistent.

/** @example roundMoney(12.3456) // 12.35 */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
