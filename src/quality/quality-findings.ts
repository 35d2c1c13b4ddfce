// The data-quality audit's findings from its readings: each check that found
// something, with a severity, what it means in words, how many rows and
// records, the days affected and examples. The engine counted; this judges
// and words. Pure.
import type { FreshnessRow, ImportRecord, QualityCheckCounts, QualityCheckId, QualityReadings } from '../warehouse/warehouse.js';
import { trackingGaps } from './tracking-gaps.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const QUALITY_CHECKS = [
  'clicks_over_impressions',
  'spend_without_impressions',
  'conversions_without_session',
  'unknown_utm_campaigns',
  'orders_without_fx_rate',
  'revenue_events_without_fx_rate',
  'ad_cost_without_fx_rate',
  'future_events',
  'tracking_gaps',
  'platform_conversions_mismatch',
  'duplicates_rejected',
  'stale_sources',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export interface QualityFinding {
  readonly check: QualityCheck;
  readonly severity: Severity;
  readonly title: string;
  /** What it means for the numbers, and what to do. */
  readonly message: string;
  /** Rows, days, platforms or sources at fault. */
  readonly count: number;
  /** The records they stand for, when that differs (events of unknown campaigns…). */
  readonly records: number;
  /** The local days affected (YYYY-MM-DD); null when the finding has no dates. */
  readonly from: string | null;
  readonly to: string | null;
  readonly examples: readonly Record<string, unknown>[];
}

export interface AuditContext {
  /** The workspace's local today (YYYY-MM-DD). */
  readonly today: string;
  /** The first local day of the platform comparison (YYYY-MM-DD). */
  readonly comparisonFrom: string;
  readonly imports: readonly ImportRecord[];
  readonly freshness: readonly FreshnessRow[];
  /** Imports since this instant (ISO 8601) count for duplicates. */
  readonly importsSince: string;
}

/** Reported and tracked conversions of a platform farther apart than this factor are a finding. */
export const PLATFORM_RATIO_LIMIT = 2;
/** …when the larger of the two is at least this many. */
export const PLATFORM_MIN_CONVERSIONS = 20;
/** A source whose latest data is this many days before today is stale; error from STALE_ERROR_DAYS. */
export const STALE_DAYS = 3;
export const STALE_ERROR_DAYS = 8;
/** Non-media costs are often entered once a month, dated on its first day: stale only after a month and a few days. */
const COSTS_STALE_DAYS = 35;

const ENGINE_CHECKS: Record<QualityCheckId, { severity: Severity; title: string; message: string }> = {
  clicks_over_impressions: {
    severity: 'error',
    title: 'Ad rows with more clicks than impressions',
    message: 'CTR above 100 % is impossible: the export mixed up columns or grains. CTR and CPM are wrong on these days; re-export the rows.',
  },
  spend_without_impressions: {
    severity: 'warning',
    title: 'Spend without impressions',
    message: 'Cost with no impressions makes CPM infinite and often means an export that dropped delivery columns. Check the platform export.',
  },
  conversions_without_session: {
    severity: 'warning',
    title: 'Conversions with no visit tracked before them',
    message: 'No page view shares a session with these conversions, so no channel gets credit. Check that the site tag runs on every page and that server-side conversions carry the anonymous id the browser used.',
  },
  unknown_utm_campaigns: {
    severity: 'warning',
    title: 'UTM campaign ids found in no campaign or ad data',
    message: 'Traffic tagged with these campaign ids cannot be joined to spend, so its CPA and ROAS are missing. Fix the tagging or load the campaigns.',
  },
  orders_without_fx_rate: {
    severity: 'error',
    title: 'Orders in a currency with no fx rate',
    message: 'Their revenue is left out of money metrics rather than guessed. Load fx_rates for these currencies on or before the order dates.',
  },
  revenue_events_without_fx_rate: {
    severity: 'error',
    title: 'Revenue events in a currency with no fx rate',
    message: 'Their revenue is left out of revenue, ROAS and AOV. Load fx_rates for these currencies on or before the event dates.',
  },
  ad_cost_without_fx_rate: {
    severity: 'error',
    title: 'Ad cost in a currency with no fx rate',
    message: 'This spend is left out of cost, CPC, CPA and ROAS. Load fx_rates for the ad currency on or before these dates.',
  },
  future_events: {
    severity: 'warning',
    title: 'Events dated in the future',
    message: 'A clock on a device or server is ahead. Future events distort today’s numbers and pacing; check the sender’s clock or time zone.',
  },
};

/**
 * @example
 * auditFindings(readings, { today: '2026-12-07', comparisonFrom: '2026-11-08', imports, freshness, importsSince: '2026-11-07T00:00:00Z' })
 * // → [{ check: 'orders_without_fx_rate', severity: 'error', count: 3, from: '2026-11-02', to: '2026-11-05', examples: [...] }, …]
 */
export function auditFindings(readings: QualityReadings, context: AuditContext): QualityFinding[] {
  const findings = [
    ...readings.checks.filter((c) => c.rows > 0).map(engineFinding),
    ...gapFindings(readings, context.today),
    ...platformFindings(readings, context),
    ...duplicateFindings(context),
    ...staleFindings(context),
  ];
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count || a.check.localeCompare(b.check));
}

function engineFinding(counts: QualityCheckCounts): QualityFinding {
  const { severity, title, message } = ENGINE_CHECKS[counts.check];
  return { check: counts.check, severity, title, message, count: counts.rows, records: counts.records, from: counts.firstDay, to: counts.lastDay, examples: counts.examples };
}

function gapFindings(readings: QualityReadings, today: string): QualityFinding[] {
  const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
  const gaps = trackingGaps(readings.dailyEvents, yesterday);
  if (gaps.length === 0) return [];
  const worst = Math.max(...gaps.map((g) => g.dropPercent));
  return [{
    check: 'tracking_gaps',
    severity: worst >= 80 ? 'error' : 'warning',
    title: 'Days where tracking fell sharply',
    message: `Tracked events fell at least 50 % below the same weekday of the four weeks before (worst: ${worst} % down). A broken tag or a failed sender loses sessions and conversions; metrics on these days are too low.`,
    count: gaps.length,
    records: gaps.length,
    from: gaps[0].day,
    to: gaps[gaps.length - 1].day,
    examples: [...gaps].sort((a, b) => b.dropPercent - a.dropPercent || a.day.localeCompare(b.day)).slice(0, 5).map((g) => ({ day: g.day, events: g.events, expected: g.expected, drop_percent: g.dropPercent })),
  }];
}

function platformFindings(readings: QualityReadings, context: AuditContext): QualityFinding[] {
  const apart = readings.platformConversions.filter((p) => {
    const high = Math.max(p.platformReported, p.tracked);
    const low = Math.min(p.platformReported, p.tracked);
    return high >= PLATFORM_MIN_CONVERSIONS && high > low * PLATFORM_RATIO_LIMIT;
  });
  if (apart.length === 0) return [];
  return [{
    check: 'platform_conversions_mismatch',
    severity: 'warning',
    title: 'Platform-reported conversions far from tracked conversions',
    message: `Over ${context.comparisonFrom}…${previousDay(context.today)}, these platforms reported more than twice (or less than half) the conversions Beacon credited to their campaigns. Platforms count view-throughs and their own attribution windows; a large gap can also mean missing UTM tags or a conversion tag firing twice.`,
    count: apart.length,
    records: apart.length,
    from: context.comparisonFrom,
    to: previousDay(context.today),
    examples: apart.map((p) => ({ platform: p.platform, platform_reported: p.platformReported, tracked: round2(p.tracked), ratio: p.tracked > 0 ? round2(p.platformReported / p.tracked) : null })),
  }];
}

function duplicateFindings(context: AuditContext): QualityFinding[] {
  const recent = context.imports.filter((i) => i.startedAt >= context.importsSince && i.duplicates > 0);
  if (recent.length === 0) return [];
  const bySource = new Map<string, { duplicates: number; received: number }>();
  for (const i of recent) {
    const entry = bySource.get(i.source) ?? { duplicates: 0, received: 0 };
    entry.duplicates += i.duplicates;
    entry.received += i.accepted + i.updated + i.duplicates + i.rejected;
    bySource.set(i.source, entry);
  }
  const total = recent.reduce((n, i) => n + i.duplicates, 0);
  const days = recent.map((i) => i.startedAt.slice(0, 10)).sort();
  return [{
    check: 'duplicates_rejected',
    severity: 'info',
    title: 'Duplicate records received and ignored',
    message: 'These records had been stored already (same event_id or key) and were not counted twice. Many duplicates usually mean a sender retrying whole batches or an export loaded twice.',
    count: total,
    records: total,
    from: days[0],
    to: days[days.length - 1],
    examples: [...bySource].map(([source, e]) => ({ source, duplicates: e.duplicates, received: e.received })),
  }];
}

function staleFindings(context: AuditContext): QualityFinding[] {
  const today = Date.parse(context.today);
  const stale = context.freshness
    .filter((r) => r.rows > 0 && r.latest_date !== null && r.source !== 'campaigns' && r.source !== 'fx_rates')
    .map((r) => ({ ...r, days: Math.round((today - Date.parse(r.latest_date!)) / 86_400_000) }))
    .filter((r) => r.days >= (r.source === 'costs' ? COSTS_STALE_DAYS : STALE_DAYS))
    .sort((a, b) => b.days - a.days);
  if (stale.length === 0) return [];
  return [{
    check: 'stale_sources',
    severity: stale[0].days >= STALE_ERROR_DAYS ? 'error' : 'warning',
    title: 'Sources that stopped arriving',
    message: `No new data for ${STALE_DAYS} days or more: recent metrics that read these sources are too low. Check the export or connection that loads them.`,
    count: stale.length,
    records: stale.length,
    from: stale.map((r) => r.latest_date!).sort()[0],
    to: context.today,
    examples: stale.slice(0, 5).map((r) => ({ source: r.source, ...(r.platform ? { platform: r.platform } : {}), latest_date: r.latest_date, days_old: r.days })),
  }];
}

const previousDay = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
const round2 = (n: number) => Math.round(n * 100) / 100;
