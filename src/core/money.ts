// Exact money: amounts travel as decimal text and are summed by the warehouse
// as fixed-point decimals, so binary floating point never enters a total.

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Canonical decimal text ("012.500" → "12.5", "-0" → "0"); numbers in exponent form are expanded. */
export function canonicalDecimal(text: string): string {
  const m = PLAIN.exec(text.trim());
  if (!m) return expand(Number(text));
  const sign = m[1] === '-' ? '-' : '';
  const int = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return body === '0' ? '0' : sign + body;
}

function expand(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite amount: ${value}`);
  return canonicalDecimal(value.toFixed(12));
}

/** Digits of a currency's minor unit (USD 2, JPY 0, BHD 3), as ISO 4217 and the runtime's Intl data give them. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount rounded to the currency's minor unit, half away from zero: sums the
 * engine returns as binary doubles (33954.78000000002) become 33954.78.
 *
 * @example roundMoney(0.1 + 0.2, 'USD') // → 0.3
 */
export function roundMoney(amount: number, currency: string): number {
  const digits = minorUnitDigits(currency);
  const scaled = Math.abs(amount) * 10 ** digits;
  // The nudge takes 1.005 (stored as 1.00499999…) to the cent it is written as.
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / 10 ** digits;
  return amount < 0 ? -rounded : rounded;
}
