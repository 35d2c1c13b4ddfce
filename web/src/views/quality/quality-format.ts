// The data-quality view's words and orderings: a human name for each check
// and what its count counts, severities in order with their labels, the
// summary's counts, the days a finding spans, and the examples as a table
// (columns from their keys, numbers, dates and text told apart). Pure.
import type { QualityReport } from '../../api/client';

export type QualityFinding = QualityReport['findings'][number];
export type QualityCheckId = QualityFinding['check'];
export type Severity = QualityFinding['severity'];
export type CheckStatus = QualityReport['checks'][number];

const MISSING = '—';
const LOCALE = 'en-US';

interface CheckWords {
  /** The check as a short heading. */
  name: string;
  /** What its count counts, singular and plural. */
  unit: [string, string];
  /** What its records are, when they differ from the count. */
  recordUnit: [string, string];
}

export const CHECKS: Record<QualityCheckId, CheckWords> = {
  clicks_over_impressions: { name: 'Clicks over impressions', unit: ['ad row', 'ad rows'], recordUnit: ['record', 'records'] },
  spend_without_impressions: { name: 'Spend without impressions', unit: ['ad row', 'ad rows'], recordUnit: ['record', 'records'] },
  conversions_without_session: { name: 'Conversions without a visit', unit: ['conversion', 'conversions'], recordUnit: ['event', 'events'] },
  unknown_utm_campaigns: { name: 'Unknown UTM campaigns', unit: ['campaign', 'campaigns'], recordUnit: ['event', 'events'] },
  orders_without_fx_rate: { name: 'Orders without an fx rate', unit: ['order', 'orders'], recordUnit: ['record', 'records'] },
  revenue_events_without_fx_rate: { name: 'Revenue events without an fx rate', unit: ['event', 'events'], recordUnit: ['record', 'records'] },
  ad_cost_without_fx_rate: { name: 'Ad cost without an fx rate', unit: ['ad row', 'ad rows'], recordUnit: ['record', 'records'] },
  future_events: { name: 'Events dated in the future', unit: ['event', 'events'], recordUnit: ['record', 'records'] },
  tracking_gaps: { name: 'Tracking gaps', unit: ['day', 'days'], recordUnit: ['day', 'days'] },
  platform_conversions_mismatch: { name: 'Platform vs tracked conversions', unit: ['platform', 'platforms'], recordUnit: ['platform', 'platforms'] },
  duplicates_rejected: { name: 'Duplicates ignored', unit: ['record', 'records'], recordUnit: ['record', 'records'] },
  stale_sources: { name: 'Stale sources', unit: ['source', 'sources'], recordUnit: ['source', 'sources'] },
};

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, { one: string; many: string; badge: string }> = {
  error: { one: 'error', many: 'errors', badge: 'Error' },
  warning: { one: 'warning', many: 'warnings', badge: 'Warning' },
  info: { one: 'note', many: 'notes', badge: 'Note' },
};

/** A check's human name; an id this dashboard does not know yet is shown as it is. */
export function checkName(check: string): string {
  return (CHECKS as Record<string, CheckWords | undefined>)[check]?.name ?? check;
}

/** "1 ad row", "3 campaigns". */
export function plural(count: number, [one, many]: readonly [string, string]): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** Findings errors first, then warnings, then notes; the largest count first within each, else as given. */
export function sortFindings(findings: readonly QualityFinding[]): QualityFinding[] {
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return [...findings].sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count);
}

/** What a finding counts: "2 ad rows", or "3 campaigns · 41 events" when the records differ. */
export function countWords(finding: Pick<QualityFinding, 'check' | 'count' | 'records'>): string {
  const words = (CHECKS as Record<string, CheckWords | undefined>)[finding.check] ?? { unit: ['row', 'rows'] as [string, string], recordUnit: ['record', 'records'] as [string, string] };
  const count = plural(finding.count, words.unit);
  return finding.records === finding.count ? count : `${count} · ${plural(finding.records, words.recordUnit)}`;
}

/** The summary's counts, most severe first: "1 error", "0 warnings", "2 notes". */
export function summaryCounts(summary: QualityReport['summary']): { severity: Severity; count: number; words: string }[] {
  return SEVERITY_ORDER.map((severity) => {
    const count = summary[severity];
    const label = SEVERITY_LABELS[severity];
    return { severity, count, words: `${formatNumber(count)} ${count === 1 ? label.one : label.many}` };
  });
}

/** The checks that found nothing, in the audit's order. */
export function passedChecks(checks: readonly CheckStatus[]): QualityCheckId[] {
  return checks.filter((c) => c.status === 'ok').map((c) => c.check);
}

/** "10 of 12 checks passed". */
export function passedWords(checks: readonly CheckStatus[]): string {
  return `${passedChecks(checks).length} of ${checks.length} check${checks.length === 1 ? '' : 's'} passed`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local day (YYYY-MM-DD) as "Dec 6, 2026"; anything else as it is. */
export function formatDay(day: string): string {
  if (!DAY.test(day)) return day;
  const at = new Date(`${day}T00:00:00Z`);
  if (!Number.isFinite(at.getTime())) return day;
  return at.toLocaleDateString(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** The days a finding spans: one day, "from – to", or null when it has no dates. */
export function dayRange(from: string | null, to: string | null): string | null {
  if (from === null && to === null) return null;
  if (from === null || to === null || from === to) return formatDay((from ?? to)!);
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** When the audit ran, in the viewer's time zone (or the one given): "Dec 7, 2026, 18:30:05 UTC". */
export function auditTime(iso: string, timeZone?: string): string {
  const at = new Date(iso);
  if (!Number.isFinite(at.getTime())) return iso;
  return at.toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'long', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
}

/** Numbers grouped, at most two decimals: 1,234.5. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }).format(value) : MISSING;
}

export type ColumnKind = 'number' | 'date' | 'text';

export interface ExampleColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

const LABEL_WORDS: Record<string, string> = { percent: '%', id: 'ID', utm: 'UTM', fx: 'FX' };

/** A key as a column heading: "campaign_id" → "Campaign ID", "drop_percent" → "Drop %". */
export function columnLabel(key: string): string {
  const words = key.split('_').filter(Boolean).map((w) => LABEL_WORDS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const missing = (value: unknown) => value === null || value === undefined || value === '';

/** Numbers when every value given is a number, dates when every one is a day, else text. */
function kindOf(values: readonly unknown[]): ColumnKind {
  const present = values.filter((v) => !missing(v));
  if (present.length === 0) return 'text';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'string' && DAY.test(v))) return 'date';
  return 'text';
}

/**
 * The table of a finding's examples: one column per key in the order the
 * keys first appear (rows may leave some out), except a column that repeats
 * an earlier one in every row (an ad row's date beside its day).
 *
 * @example exampleColumns([{ day: '2026-12-06', date: '2026-12-06', ad_id: 'a1', clicks: 55 }])
 * // [{ key: 'day', label: 'Day', kind: 'date' }, { key: 'ad_id', label: 'Ad ID', kind: 'text' }, { key: 'clicks', label: 'Clicks', kind: 'number' }]
 */
export function exampleColumns(examples: readonly Record<string, unknown>[]): ExampleColumn[] {
  const keys: string[] = [];
  for (const row of examples) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  const kept = keys.filter((key, i) => !keys.slice(0, i).some((earlier) => examples.every((row) => !missing(row[key]) && row[key] === row[earlier])));
  return kept.map((key) => ({ key, label: columnLabel(key), kind: kindOf(examples.map((row) => row[key])) }));
}

/** One cell of an example: numbers grouped, days as dates, nothing as a dash. */
export function formatCell(value: unknown, kind: ColumnKind): string {
  if (missing(value)) return MISSING;
  if (typeof value === 'number') return formatNumber(value);
  if (kind === 'date' && typeof value === 'string') return formatDay(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
