// The data-quality audit of a workspace (GET /v1/quality, beacon audit): the
// derived view brought up to date, the engine's readings over the last twelve
// weeks (four for the platform comparison and duplicates), the imports and
// the freshness of each source, judged into findings.
import { localDate } from '../core/time.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { auditFindings, QUALITY_CHECKS, SEVERITIES, type QualityCheck, type QualityFinding, type Severity } from './quality-findings.js';

/** Days of daily event counts the tracking-gap check reads (12 weeks: 4 of history for each of 8 judged). */
export const GAP_HISTORY_DAYS = 84;
/** Days the platform comparison and the duplicate count cover, up to yesterday. */
export const RECENT_DAYS = 28;

export interface QualityReport {
  /** When the audit ran (ISO 8601, UTC), and the workspace's local today then. */
  readonly generated_at: string;
  readonly today: string;
  /** Findings, errors first, then warnings, then notes; largest first within each. */
  readonly findings: readonly QualityFinding[];
  /** Every check the audit ran, found something or not. */
  readonly checks: readonly { check: QualityCheck; status: 'ok' | Severity }[];
  readonly summary: Readonly<Record<Severity, number>>;
  readonly notes: readonly string[];
}

/**
 * @example
 * await qualityReport(services, workspace, Date.now())
 * // → { findings: [{ check: 'tracking_gaps', severity: 'error', count: 1, from: '2026-11-30', … }], summary: { error: 1, warning: 0, info: 0 }, … }
 */
export async function qualityReport(services: QueryServices, workspace: Workspace, now = Date.now()): Promise<QualityReport> {
  const freshness = await freshView(services, workspace.name);
  const today = localDate(now, workspace.settings.timezone);
  const todayNumber = Math.round(Date.parse(today) / 86_400_000);
  const readings = await services.warehouse.qualityReadings(workspace.name, {
    currency: workspace.settings.currency,
    timeZone: workspace.settings.timezone,
    attributionModel: workspace.settings.attribution_model,
    nowMs: now,
    sinceDay: todayNumber - GAP_HISTORY_DAYS,
    untilDay: todayNumber - 1,
  });
  const comparisonFrom = new Date((todayNumber - RECENT_DAYS) * 86_400_000).toISOString().slice(0, 10);
  const findings = auditFindings(readings, {
    today,
    comparisonFrom,
    imports: await services.warehouse.listImports(workspace.name),
    freshness: await services.warehouse.freshness(workspace.name),
    importsSince: new Date(now - RECENT_DAYS * 86_400_000).toISOString(),
  });
  const status = new Map(findings.map((f) => [f.check, f.severity]));
  return {
    generated_at: new Date(now).toISOString(),
    today,
    findings,
    checks: QUALITY_CHECKS.map((check) => ({ check, status: status.get(check) ?? 'ok' })),
    summary: Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>,
    notes: freshness.complete ? [] : [`the derived view is still taking in data sent since ${freshness.pending_since}; this audit may not include it yet`],
  };
}
