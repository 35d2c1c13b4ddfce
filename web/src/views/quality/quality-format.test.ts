import { describe, expect, it } from 'vitest';
import {
  auditTime,
  checkName,
  columnLabel,
  countWords,
  dayRange,
  exampleColumns,
  formatCell,
  formatDay,
  passedChecks,
  passedWords,
  sortFindings,
  summaryCounts,
  type CheckStatus,
  type QualityFinding,
} from './quality-format';

const finding = (check: QualityFinding['check'], severity: QualityFinding['severity'], count: number): QualityFinding => ({
  check,
  severity,
  title: check,
  message: '',
  count,
  records: count,
  from: null,
  to: null,
  examples: [],
});

describe('check names and counts', () => {
  it('names every check in words, and an unknown id as it is', () => {
    expect(checkName('clicks_over_impressions')).toBe('Clicks over impressions');
    expect(checkName('platform_conversions_mismatch')).toBe('Platform vs tracked conversions');
    expect(checkName('stale_sources')).toBe('Stale sources');
    expect(checkName('brand_new_check')).toBe('brand_new_check');
  });

  it('says what the count counts, with the records only when they differ', () => {
    expect(countWords({ check: 'clicks_over_impressions', count: 1, records: 1 })).toBe('1 ad row');
    expect(countWords({ check: 'spend_without_impressions', count: 2, records: 2 })).toBe('2 ad rows');
    // Three unknown campaigns stand for the 1,204 events that named them.
    expect(countWords({ check: 'unknown_utm_campaigns', count: 3, records: 1204 })).toBe('3 campaigns · 1,204 events');
    expect(countWords({ check: 'tracking_gaps', count: 6, records: 6 })).toBe('6 days');
  });
});

describe('severities', () => {
  it('puts errors first, then warnings, then notes, the largest count first within each', () => {
    const sorted = sortFindings([
      finding('duplicates_rejected', 'info', 40),
      finding('tracking_gaps', 'warning', 2),
      finding('clicks_over_impressions', 'error', 1),
      finding('spend_without_impressions', 'warning', 5),
      finding('stale_sources', 'error', 3),
    ]);
    expect(sorted.map((f) => f.check)).toEqual(['stale_sources', 'clicks_over_impressions', 'spend_without_impressions', 'tracking_gaps', 'duplicates_rejected']);
  });

  it('writes the summary as counted words, notes for info', () => {
    expect(summaryCounts({ error: 1, warning: 0, info: 2 }).map((s) => s.words)).toEqual(['1 error', '0 warnings', '2 notes']);
    expect(summaryCounts({ error: 3, warning: 1, info: 1 }).map((s) => s.words)).toEqual(['3 errors', '1 warning', '1 note']);
  });

  it('counts the checks that passed', () => {
    const checks: CheckStatus[] = [
      { check: 'clicks_over_impressions', status: 'error' },
      { check: 'spend_without_impressions', status: 'warning' },
      { check: 'future_events', status: 'ok' },
      { check: 'stale_sources', status: 'ok' },
    ];
    expect(passedChecks(checks)).toEqual(['future_events', 'stale_sources']);
    expect(passedWords(checks)).toBe('2 of 4 checks passed');
  });
});

describe('days and times', () => {
  it('writes days as dates and spans as from – to', () => {
    expect(formatDay('2026-12-06')).toBe('Dec 6, 2026');
    expect(formatDay('not a day')).toBe('not a day');
    expect(dayRange('2026-12-06', '2026-12-06')).toBe('Dec 6, 2026');
    expect(dayRange('2026-11-18', '2026-12-07')).toBe('Nov 18, 2026 – Dec 7, 2026');
    expect(dayRange(null, null)).toBeNull();
  });

  it('writes the audit time in the zone given', () => {
    // 18:30:05 UTC is 19:30:05 in Paris in December (CET, UTC+1).
    expect(auditTime('2026-12-07T18:30:05.000Z', 'UTC')).toBe('Dec 7, 2026, 18:30:05 UTC');
    expect(auditTime('2026-12-07T18:30:05.000Z', 'Europe/Paris')).toBe('Dec 7, 2026, 19:30:05 GMT+1');
  });
});

describe('the examples table', () => {
  it('labels keys as headings', () => {
    expect(columnLabel('campaign_id')).toBe('Campaign ID');
    expect(columnLabel('drop_percent')).toBe('Drop %');
    expect(columnLabel('platform_reported')).toBe('Platform reported');
    expect(columnLabel('days_old')).toBe('Days old');
  });

  it('takes the columns from the keys in first-seen order, dropping a date that repeats the day', () => {
    const examples = [
      { day: '2026-12-06', date: '2026-12-06', platform: 'google_ads', ad_id: 'bad_ctr', impressions: 40, clicks: 55, cost: 12.5 },
      { day: '2026-12-05', date: '2026-12-05', platform: 'meta_ads', ad_id: 'm1', clicks: 9, cost: 3 },
    ];
    expect(exampleColumns(examples)).toEqual([
      { key: 'day', label: 'Day', kind: 'date' },
      { key: 'platform', label: 'Platform', kind: 'text' },
      { key: 'ad_id', label: 'Ad ID', kind: 'text' },
      { key: 'impressions', label: 'Impressions', kind: 'number' },
      { key: 'clicks', label: 'Clicks', kind: 'number' },
      { key: 'cost', label: 'Cost', kind: 'number' },
    ]);
  });

  it('keeps a column that only sometimes repeats another, and adds keys later rows bring', () => {
    const examples = [
      { platform: 'google_ads', platform_reported: 30, tracked: 30 },
      { platform: 'meta_ads', platform_reported: 0, tracked: 198, ratio: 0 },
    ];
    expect(exampleColumns(examples).map((c) => `${c.key}:${c.kind}`)).toEqual(['platform:text', 'platform_reported:number', 'tracked:number', 'ratio:number']);
  });

  it('tells numbers, dates and text apart when values are mixed or missing', () => {
    const examples = [
      { source: 'events', latest_date: '2026-11-18', days_old: 19, note: 3 },
      { source: 'orders', latest_date: null, days_old: 4, note: 'x' },
    ];
    expect(exampleColumns(examples).map((c) => c.kind)).toEqual(['text', 'date', 'number', 'text']);
  });

  it('writes cells: numbers grouped with at most two decimals, days as dates, nothing as a dash', () => {
    expect(formatCell(55, 'number')).toBe('55');
    expect(formatCell(1234.5, 'number')).toBe('1,234.5');
    expect(formatCell(52.946, 'number')).toBe('52.95');
    expect(formatCell('2026-11-18', 'date')).toBe('Nov 18, 2026');
    expect(formatCell('2026-11-18', 'text')).toBe('2026-11-18');
    expect(formatCell(null, 'number')).toBe('—');
    expect(formatCell(undefined, 'text')).toBe('—');
    expect(formatCell(true, 'text')).toBe('yes');
    expect(formatCell('google_ads', 'text')).toBe('google_ads');
  });
});
