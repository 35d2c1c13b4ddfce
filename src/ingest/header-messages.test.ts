import { describe, expect, it } from 'vitest';
import { checkHeader } from './header-check.js';
import { headerRejection, headerWarnings, mapOption } from './header-messages.js';
import type { CsvHeader } from './readers/raw-record.js';

const plain = (names: string, extra: Partial<CsvHeader> = {}): CsvHeader => ({
  line: 1,
  columns: names.split(',').map((name) => ({ name, field: name, mapped: false })),
  fixed: [],
  ...extra,
});

describe('headerRejection', () => {
  const example = checkHeader(plain('order_id,customer_id,ordered_at,amount'), 'orders');
  const said = 'the header has no column for timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?), amount (did you mean revenue?); import it with ';

  it('is one error at the header naming the missing fields, the unknown columns and the map that fixes them, per edge', () => {
    expect(headerRejection(example, 'cli')).toEqual({ index: 0, line: 1, field: '(header)', message: `${said}--map "ordered_at=timestamp,amount=revenue"` });
    expect(headerRejection(example, 'http').message).toBe(`${said}?map=ordered_at=timestamp,amount=revenue`);
  });

  it('asks for the column no suggestion fills', () => {
    const partly = checkHeader(plain('order_id,ordered_at,amount'), 'orders');
    expect(headerRejection(partly, 'cli').message).toBe(
      'the header has no column for customer_id, timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?), amount (did you mean revenue?); ' +
        'import it with --map "ordered_at=timestamp,amount=revenue" and add a column for customer_id',
    );
    const none = checkHeader(plain('order_id,customer_id,timestamp', { line: 4 }), 'orders');
    expect(headerRejection(none, 'http')).toEqual({
      index: 0,
      line: 4,
      field: '(header)',
      message: 'the header has no column for revenue (required by orders); add a column for revenue or map one of yours to it with ?map=Column=revenue',
    });
  });

  it('points ad rows without a platform at the platform option, and names the preset whose header it read', () => {
    const ads = checkHeader(plain('date,campaign_id,impressions,clicks,cost'), 'ad_performance');
    expect(headerRejection(ads, 'cli').message).toBe('the header has no column for platform (required by ad_performance); name the platform of its rows with --platform NAME');
    expect(headerRejection(ads, 'http').message).toBe('the header has no column for platform (required by ad_performance); name the platform of its rows with ?platform=NAME');
    const preset = checkHeader(plain('date,impressions,clicks,cost', { preset: 'google_ads', fixed: ['platform'] }), 'ad_performance');
    expect(headerRejection(preset, 'cli').message).toBe(
      'the google_ads header has no column for campaign_id (required by ad_performance); add a column for campaign_id or map one of yours to it with --map "Column=campaign_id"',
    );
  });
});

describe('headerWarnings', () => {
  it('tells that a table ignores an unknown column, with the likely field and the map that reads it', () => {
    const report = checkHeader(plain('order_id,customer_id,timestamp,revenue,colour,stauts'), 'orders');
    expect(headerWarnings(report, 'cli')).toEqual([
      { line: 1, field: 'colour', message: 'is not a field of orders; the column is ignored' },
      { line: 1, field: 'stauts', message: 'is not a field of orders; the column is ignored (did you mean status?)' },
      { line: 1, field: '(header)', message: 'to read the suggested fields, import with --map "stauts=status"' },
    ]);
  });

  it('tells that events keep an unknown column in properties, and names a map that led nowhere', () => {
    expect(headerWarnings(checkHeader(plain('event_id,type,timestamp,anonymous_id,plan'), 'events'), 'http')).toEqual([
      { line: 1, field: 'plan', message: 'is not a field of events; its values are kept in properties' },
    ]);
    const mapped: CsvHeader = { line: 1, fixed: [], columns: [...plain('order_id,customer_id,timestamp,revenue').columns, { name: 'Margin', field: 'margin', mapped: true }] };
    expect(headerWarnings(checkHeader(mapped, 'orders'), 'http')).toEqual([
      { line: 1, field: 'Margin', message: 'is mapped to margin, which is not a field of orders; the column is ignored (did you mean gross_margin?)' },
      { line: 1, field: '(header)', message: 'to read the suggested fields, import with ?map=Margin=gross_margin' },
    ]);
  });

  it('says nothing about a header that fits', () => {
    expect(headerWarnings(checkHeader(plain('order_id,customer_id,timestamp,revenue'), 'orders'), 'cli')).toEqual([]);
  });
});

describe('mapOption', () => {
  it('quotes a map for a shell, in single quotes when double quotes would expand it', () => {
    expect(mapOption('Order Total=revenue', 'cli')).toBe('--map "Order Total=revenue"');
    expect(mapOption('Cost ($)=cost', 'cli')).toBe("--map 'Cost ($)=cost'");
    expect(mapOption("Bob's $=cost", 'cli')).toBe(`--map 'Bob'\\''s $=cost'`);
  });

  it('encodes a map for a query string, leaving = and , readable', () => {
    expect(mapOption('Order Total=revenue,Day=date', 'http')).toBe('?map=Order%20Total=revenue,Day=date');
    expect(mapOption('Cost ($)=cost', 'http')).toBe('?map=Cost%20(%24)=cost');
  });
});
