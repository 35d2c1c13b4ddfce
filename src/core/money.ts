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
