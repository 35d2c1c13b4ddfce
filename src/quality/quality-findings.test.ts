import { describe, expect, it } from 'vitest';
import type { FreshnessRow, ImportRecord, QualityReadings } from '../warehouse/warehouse.js';
import { auditFindings, type AuditContext } from './quality-findings.js';

const NOTHING: QualityReadings = { checks: [], dailyEvents: [], platformConversions: [] };
const context = (extra: Partial<AuditContext> = {}): AuditContext => ({
  today: '2026-12-07',
  comparisonFrom: '2026-11-09',
  imports: [],
  freshness: [],
  importsSince: '2026-11-09T00:00:00Z',
  ...extra,
});
const fresh = (source: FreshnessRow['source'], latest: string, platform: string | null = null): FreshnessRow => ({ source, platform, latest_date: latest, rows: 10 });
const imported = (startedAt: string, duplicates: number, accepted = 100): ImportRecord => ({ id: startedAt, workspace: 'w', source: 'events', origin: 'http', startedAt, accepted, updated: 0, duplicates, rejected: 0 });

describe('auditFindings', () => {
  it('calls a platform apart only past twice or half the tracked count, from 20 conversions', () => {
    const readings = (reported: number, tracked: number) => ({ ...NOTHING, platformConversions: [{ platform: 'meta_ads', platformReported: reported, tracked }] });
    // 40 reported against 20 tracked is exactly twice: not apart. 41 is.
    expect(auditFindings(readings(40, 20), context())).toEqual([]);
    expect(auditFindings(readings(41, 20), context())[0]).toMatchObject({ check: 'platform_conversions_mismatch', examples: [{ platform: 'meta_ads', ratio: 2.05 }] });
    // Under-reporting counts too: 9 reported against 20 tracked.
    expect(auditFindings(readings(9, 20), context())[0]).toMatchObject({ check: 'platform_conversions_mismatch' });
    // 19 against 0: too few to judge.
    expect(auditFindings(readings(19, 0), context())).toEqual([]);
  });

  it('judges ad and event sources stale after 3 days (an error from 8), monthly costs only after 35', () => {
    // Costs dated 2026-11-03 are 34 days old: a monthly entry not yet due.
    expect(auditFindings(NOTHING, context({ freshness: [fresh('events', '2026-12-05'), fresh('costs', '2026-11-03')] }))).toEqual([]);
    const [finding] = auditFindings(NOTHING, context({ freshness: [fresh('ad_performance', '2026-12-04', 'tiktok_ads'), fresh('costs', '2026-11-03'), fresh('campaigns', '2025-01-01')] }));
    // 3 days is stale, 8 would be an error; campaigns (a catalogue) never go stale.
    expect(finding).toMatchObject({ check: 'stale_sources', severity: 'warning', count: 1, examples: [{ source: 'ad_performance', platform: 'tiktok_ads', days_old: 3 }] });
    expect(auditFindings(NOTHING, context({ freshness: [fresh('orders', '2026-11-29')] }))[0].severity).toBe('error');
  });

  it('counts the duplicates of the recent imports only', () => {
    const imports = [imported('2026-11-01T10:00:00Z', 500), imported('2026-11-20T10:00:00Z', 3), imported('2026-12-01T10:00:00Z', 4)];
    expect(auditFindings(NOTHING, context({ imports }))[0]).toMatchObject({ check: 'duplicates_rejected', severity: 'info', count: 7, from: '2026-11-20', to: '2026-12-01', examples: [{ source: 'events', duplicates: 7, received: 207 }] });
  });
});
