import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseColumnMap, type ColumnMap } from './column-map.js';
import {
  cleanExportNumber,
  isPresetName,
  isTotalRow,
  normalizeExportDate,
  PRESET_NAMES,
  type PresetName,
} from './presets.js';
import { readRecords } from './readers/read-records.js';
import type { RawRecord } from './readers/raw-record.js';

async function readExport(lines: string[], preset: PresetName, map?: ColumnMap): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  const input = Readable.from([Buffer.from(lines.join('\r\n') + '\r\n')]);
  for await (const record of readRecords(input, 'csv', { preset, map })) out.push(record);
  return out;
}

describe('google_ads preset', () => {
  const lines = [
    'Campaign performance report',
    '"July 1, 2025 - July 2, 2025"',
    'Day,Campaign,Campaign ID,Ad group,Ad group ID,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value,CTR',
    '"Jul 1, 2025",Brand Search,1234567890,Brand Exact,9876543210,USD,"12,345",678,"1,234.56",12.50,"3,400.00",5.49%',
    '07/02/2025,Brand Search,1234567890,Brand Exact,9876543210,USD,987,65,43.21, -- ,--,6.59%',
    'Total: Account,--,--,--,--,USD,"13,332",743,"1,277.77",12.50,"3,400.00",5.57%',
    'Total: Search,--,--,--,--,USD,"13,332",743,"1,277.77",12.50,"3,400.00",5.57%',
  ];

  it('skips title and total rows and cleans every mapped field', async () => {
    expect(await readExport(lines, 'google_ads')).toEqual([
      {
        index: 0,
        line: 4,
        value: {
          platform: 'google_ads',
          date: '2025-07-01',
          campaign_name: 'Brand Search',
          campaign_id: '1234567890',
          ad_group_name: 'Brand Exact',
          ad_group_id: '9876543210',
          currency: 'USD',
          impressions: '12345',
          clicks: '678',
          cost: '1234.56',
          platform_conversions: '12.50',
          platform_conversion_value: '3400.00',
          CTR: '5.49%',
        },
      },
      {
        index: 1,
        line: 5,
        value: {
          platform: 'google_ads',
          date: '2025-07-02',
          campaign_name: 'Brand Search',
          campaign_id: '1234567890',
          ad_group_name: 'Brand Exact',
          ad_group_id: '9876543210',
          currency: 'USD',
          impressions: '987',
          clicks: '65',
          cost: '43.21',
          CTR: '6.59%',
        },
      },
    ]);
  });

  it('takes the currency from a "Cost (EUR)" header when there is no currency column', async () => {
    const records = await readExport(
      ['Day,Campaign ID,Impressions,Clicks,Cost (EUR)', '2025/07/03,42,"1,000",10,"2,000.5"'],
      'google_ads',
    );
    expect(records).toEqual([
      {
        index: 0,
        line: 2,
        value: {
          platform: 'google_ads',
          currency: 'EUR',
          date: '2025-07-03',
          campaign_id: '42',
          impressions: '1000',
          clicks: '10',
          cost: '2000.5',
        },
      },
    ]);
  });

  it('lets an explicit map override the preset for the headers it names', async () => {
    const records = await readExport(
      ['Day,Campaign ID,Impr.,Clicks,Cost,Cost (converted)', '2025-07-01,7,1,2,"1,000.00","1,100.00"'],
      'google_ads',
      parseColumnMap('Cost (converted)=cost'),
    );
    expect(records).toEqual([
      {
        index: 0,
        line: 2,
        value: {
          platform: 'google_ads',
          date: '2025-07-01',
          campaign_id: '7',
          impressions: '1',
          clicks: '2',
          // The preset's own Cost column loses the field and keeps its name and raw text.
          Cost: '1,000.00',
          cost: '1100.00',
        },
      },
    ]);
  });
});

describe('meta_ads preset', () => {
  const header = [
    'Reporting starts', 'Reporting ends', 'Campaign name', 'Campaign ID', 'Ad set name', 'Ad set ID',
    'Ad name', 'Ad ID', 'Impressions', 'Reach', 'Link clicks', 'Amount spent (EUR)', 'Results',
    'Purchases', 'Purchases conversion value', 'Post reactions', 'Post shares', 'Post comments',
    'ThruPlays', 'Video plays', 'Video plays at 100%', 'CTR (link click-through rate)',
  ];
  const rows = [
    ['2025-07-01', '2025-07-01', 'Summer Sale', '120200000000001', 'Lookalike 1%', '120200000000002',
      'Carousel A', '120200000000003', '"10,500"', '"8,200"', '310', '"1,050.75"', '14',
      '14', '"2,345.60"', '45', '3', '7', '--', '"1,200"', '150', '2.95%'],
    ['2025-07-01', '2025-07-01', 'Summer Sale', '120200000000001', 'Lookalike 1%', '120200000000002',
      'Video B', '120200000000004', '"4,000"', '"3,100"', '--', '99.00', '',
      '', '', '', '', '', '"1,500"', '"2,000"', '--', '0.00%'],
    ['Total', '', '', '', '', '', '', '', '"14,500"', '"11,300"', '310', '"1,149.75"', '14',
      '14', '"2,345.60"', '45', '3', '7', '"1,500"', '"3,200"', '150', '2.14%'],
  ];

  it('maps ids, names and metrics, with the currency from the spend header', async () => {
    const records = await readExport([header.join(','), ...rows.map((row) => row.join(','))], 'meta_ads');
    const common = {
      platform: 'meta_ads',
      currency: 'EUR',
      date: '2025-07-01',
      'Reporting ends': '2025-07-01',
      campaign_name: 'Summer Sale',
      campaign_id: '120200000000001',
      ad_group_name: 'Lookalike 1%',
      ad_group_id: '120200000000002',
    };
    expect(records).toEqual([
      {
        index: 0,
        line: 2,
        value: {
          ...common,
          ad_name: 'Carousel A',
          ad_id: '120200000000003',
          impressions: '10500',
          reach: '8200',
          clicks: '310',
          cost: '1050.75',
          // Purchases win over Results, which passes through untouched.
          Results: '14',
          platform_conversions: '14',
          platform_conversion_value: '2345.60',
          likes: '45',
          shares: '3',
          comments: '7',
          // Video plays win over ThruPlays, which passes through untouched.
          ThruPlays: '--',
          video_views: '1200',
          video_completions: '150',
          'CTR (link click-through rate)': '2.95%',
        },
      },
      {
        index: 1,
        line: 3,
        value: {
          ...common,
          ad_name: 'Video B',
          ad_id: '120200000000004',
          impressions: '4000',
          reach: '3100',
          cost: '99.00',
          ThruPlays: '1,500',
          video_views: '2000',
          'CTR (link click-through rate)': '0.00%',
        },
      },
    ]);
  });
});

describe('linkedin_ads preset', () => {
  const lines = [
    'Campaign Performance Report (in UTC)',
    'Report Start: 7/1/2025, 12:00 AM',
    'Report End: 7/2/2025, 11:59 PM',
    'Date Generated: 7/3/2025, 9:15 AM',
    'Account Name: Acme Corp',
    'Start Date (in UTC),Account Name,Campaign Group Name,Campaign Name,Campaign ID,Campaign Type,Currency,Total Spent,Impressions,Clicks,Average CTR,Conversions,Conversion Value,Reactions,Comments,Shares,Video Views,Video Completions',
    '7/1/2025,Acme Corp,Q3 Demand Gen,Webinar Promo,612345678,Sponsored Content,USD,"2,500.40","45,678",321,0.70%,12,"6,000.00",88,9,4,--,--',
    '7/2/2025,Acme Corp,Q3 Demand Gen,Webinar Promo,612345678,Sponsored Content,usd,410.00,"7,890",45,0.57%,--,--,10,0,1,"1,024",300',
    'Total,,,,,,USD,"2,910.40","53,568",366,0.68%,12,"6,000.00",98,9,5,"1,024",300',
  ];

  it('finds the header below five title lines and reads US dates', async () => {
    const common = {
      platform: 'linkedin_ads',
      'Account Name': 'Acme Corp',
      'Campaign Group Name': 'Q3 Demand Gen',
      campaign_name: 'Webinar Promo',
      campaign_id: '612345678',
      'Campaign Type': 'Sponsored Content',
      currency: 'USD',
    };
    expect(await readExport(lines, 'linkedin_ads')).toEqual([
      {
        index: 0,
        line: 7,
        value: {
          ...common,
          date: '2025-07-01',
          cost: '2500.40',
          impressions: '45678',
          clicks: '321',
          'Average CTR': '0.70%',
          platform_conversions: '12',
          platform_conversion_value: '6000.00',
          likes: '88',
          comments: '9',
          shares: '4',
        },
      },
      {
        index: 1,
        line: 8,
        value: {
          ...common,
          date: '2025-07-02',
          cost: '410.00',
          impressions: '7890',
          clicks: '45',
          'Average CTR': '0.57%',
          likes: '10',
          comments: '0',
          shares: '1',
          video_views: '1024',
          video_completions: '300',
        },
      },
    ]);
  });
});

describe('tiktok_ads preset', () => {
  // TikTok Ads Manager → Reporting → custom report at ad level, broken down "By Day", exported as CSV.
  const lines = [
    'By Day,Campaign name,Campaign ID,Ad group name,Ad group ID,Ad name,Ad ID,Currency,Cost,Impressions,Clicks (destination),CTR (destination),Conversions,Total complete payment value,Video views,Reach,Likes,Shares,Comments',
    '2025-07-01,Summer Drop,1771234567890,UGC 18-24,1771234567001,Hook A,1771234567101,EUR,"1,204.50","98,765","1,234",1.25%,31,"2,480.00","45,000","61,020",812,97,45',
  ];

  it('maps ids, names, delivery, engagement and conversion value', async () => {
    expect(await readExport(lines, 'tiktok_ads')).toEqual([
      {
        index: 0,
        line: 2,
        value: {
          platform: 'tiktok_ads',
          date: '2025-07-01',
          campaign_name: 'Summer Drop',
          campaign_id: '1771234567890',
          ad_group_name: 'UGC 18-24',
          ad_group_id: '1771234567001',
          ad_name: 'Hook A',
          ad_id: '1771234567101',
          currency: 'EUR',
          cost: '1204.50',
          impressions: '98765',
          clicks: '1234',
          'CTR (destination)': '1.25%',
          platform_conversions: '31',
          platform_conversion_value: '2480.00',
          video_views: '45000',
          reach: '61020',
          likes: '812',
          shares: '97',
          comments: '45',
        },
      },
    ]);
  });

  it('reads the older "Date", "Clicks" and "Total cost (USD)" headers', async () => {
    const records = await readExport(['Date,Campaign name,Campaign ID,Impressions,Clicks,Total cost (USD)', '07/02/2025,Summer Drop,1771234567890,100,7,12.30'], 'tiktok_ads');
    expect(records).toEqual([
      {
        index: 0,
        line: 2,
        value: { platform: 'tiktok_ads', currency: 'USD', date: '2025-07-02', campaign_name: 'Summer Drop', campaign_id: '1771234567890', impressions: '100', clicks: '7', cost: '12.30' },
      },
    ]);
  });
});

describe('cleaning helpers', () => {
  it.each([
    ['2025-07-01', '2025-07-01'],
    ['2025/7/1', '2025-07-01'],
    ['07/01/2025', '2025-07-01'],
    ['12/31/2024', '2024-12-31'],
    ['Jul 1, 2025', '2025-07-01'],
    ['July 14, 2025', '2025-07-14'],
    ['Tue, Jul 1, 2025', '2025-07-01'],
    ['1 Sept 2025', '2025-09-01'],
    ['31/12/2024', '31/12/2024'], // not a US date: left for validation to reject
    ['soon', 'soon'],
  ])('normalizeExportDate(%s) = %s', (input, expected) => {
    expect(normalizeExportDate(input)).toBe(expected);
  });

  it.each([
    ['1,234', '1234'],
    ['1,234.56', '1234.56'],
    ['1,234,567.8', '1234567.8'],
    ['-1,000', '-1000'],
    ['$12.30', '12.30'],
    [' 42 ', '42'],
    ['--', undefined],
    [' -- ', undefined],
    ['', undefined],
    ['12,34', '12,34'], // not thousands grouping: left for validation to reject
  ])('cleanExportNumber(%s) = %s', (input, expected) => {
    expect(cleanExportNumber(input)).toBe(expected);
  });

  it('recognises total rows but not campaigns that start with "Total"', () => {
    expect(isTotalRow(['Total: Account', '--'])).toBe(true);
    expect(isTotalRow(['', 'Totals', '1'])).toBe(true);
    expect(isTotalRow(['Grand total', '1'])).toBe(true);
    expect(isTotalRow(['Total Recall Promo', '1'])).toBe(false);
  });

  it('knows its preset names', () => {
    expect(PRESET_NAMES).toEqual(['google_ads', 'meta_ads', 'linkedin_ads', 'tiktok_ads']);
    expect(isPresetName('meta_ads')).toBe(true);
    expect(isPresetName('snapchat_ads')).toBe(false);
  });
});
