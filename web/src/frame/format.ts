// Numbers as a marketer reads them: money in the workspace currency, % with
// two decimals, ratios like ROAS as 3.2×, counts grouped; and the API's
// messages as sentences. Pure.
export type DisplayUnit = 'count' | 'money' | 'percent' | 'ratio' | 'seconds' | 'months' | 'score';
export type Tone = 'good' | 'bad' | 'neutral';

const LOCALE = 'en-US';
const MISSING = '—';

export function formatValue(value: number | null | undefined, unit: DisplayUnit, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'money':
      return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2, minimumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2 }).format(value);
    case 'percent':
      return `${value.toFixed(2)}%`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'seconds':
      return formatDuration(value);
    case 'months':
      return `${value.toFixed(1)} mo`;
    case 'score':
      return value.toFixed(1);
    case 'count':
      return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
  }
}

/** Axis labels: short forms (12.3k, $4.5k). */
export function formatAxis(value: number, unit: DisplayUnit, currency = 'USD'): string {
  const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
  if (unit === 'money') return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  if (unit === 'percent') return `${compact.format(value)}%`;
  if (unit === 'ratio') return `${compact.format(value)}×`;
  return compact.format(value);
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

/** "+12.4%" / "−3.0%"; the API gives the change in % already. */
export function formatChange(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return MISSING;
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${Math.abs(percent).toFixed(1)}%`;
}

/** Whether a change is good news: a rise is good for "up" metrics, a fall for "down" ones (a falling CPA). */
export function changeTone(percent: number | null | undefined, direction: 'up' | 'down' | 'neutral'): Tone {
  if (percent === null || percent === undefined || !Number.isFinite(percent) || percent === 0 || direction === 'neutral') return 'neutral';
  return (percent > 0) === (direction === 'up') ? 'good' : 'bad';
}

/** The API's message as a sentence: capitalised, with a full stop. */
export function sentence(message: string): string {
  const text = message.trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
