// The SQL text built for 18.16, checked exactly: the latest-version read, IN
// lists, table definitions and the version clock.
import { describe, expect, it } from 'vitest';
import { createSourceTableSql, requiredColumns } from './clickhouse-ddl.js';
import { latestRowsSql } from './clickhouse-latest.js';
import { VersionClock } from './clickhouse-version-clock.js';
import { inLists } from './clickhouse-writer.js';

describe('latestRowsSql', () => {
  it('carries every column and the tombstone flag in one tuple, so a NULL in the latest version is kept', () => {
    expect(latestRowsSql({ table: 'orders', key: ['workspace_id', 'order_id'], columns: ['revenue', 'status'], version: 'seq', where: "workspace_id = 'w1'" })).toBe(
      'SELECT `workspace_id`, `order_id`, tupleElement(latest, 1) AS `revenue`, tupleElement(latest, 2) AS `status` ' +
        'FROM (SELECT `workspace_id`, `order_id`, argMax(tuple(`revenue`, `status`, `deleted`), `seq`) AS latest ' +
        "FROM `orders` WHERE workspace_id = 'w1' GROUP BY `workspace_id`, `order_id`) WHERE tupleElement(latest, 3) = 0",
    );
  });
});

describe('inLists', () => {
  it('keeps every literal, in order, in lists of at most the given size', () => {
    const literals = ["'a'", "'bb'", "'ccc'", "'d'"];
    // Sizes count each item plus ", ": 3+2, 4+2, 5+2, 3+2; a limit of 12 fits the first two.
    expect(inLists(literals, 12)).toEqual(["'a', 'bb'", "'ccc', 'd'"]);
    expect(inLists(literals, 1000)).toEqual(["'a', 'bb', 'ccc', 'd'"]);
    expect(inLists([], 10)).toEqual([]);
  });

  it('puts a literal longer than the limit in a list of its own', () => {
    expect(inLists(["'long literal'", "'x'"], 4)).toEqual(["'long literal'", "'x'"]);
  });
});

describe('source tables', () => {
  it('partitions events by month of their timestamp and sorts them for the event_id lookup', () => {
    const sql = createSourceTableSql('events');
    expect(sql).toContain('ENGINE = MergeTree\nPARTITION BY toYYYYMM(toDate(intDiv(`timestamp`, 86400000)))\nORDER BY (`workspace_id`, `event_id`)');
    expect(sql).toContain('`timestamp` Int64,');
    expect(sql).toContain('`revenue` Nullable(Decimal(18, 6)),');
    expect(sql).toContain('`parsed_is_bot` Nullable(UInt8)');
  });

  it('versions table rows on seq, keyed on the workspace and the natural key', () => {
    const sql = createSourceTableSql('ad_performance');
    expect(sql).toContain('ENGINE = ReplacingMergeTree(`seq`)\nPARTITION BY toYYYYMM(`date`)\nORDER BY (`workspace_id`, `date`, `platform`, `campaign_id`, `ad_group_id`, `ad_id`)');
    expect(sql).toContain('`ad_id` String,');
    expect(sql).toContain('`cost` Decimal(18, 6),');
    expect(sql).toContain('`deleted` UInt8');
  });

  it('does not partition a table whose date can change under the same key', () => {
    expect(createSourceTableSql('orders')).toContain('ENGINE = ReplacingMergeTree(`seq`)\nORDER BY (`workspace_id`, `order_id`)');
  });

  it('makes only absent-able fields Nullable', () => {
    const required = requiredColumns('orders');
    expect(['order_id', 'customer_id', 'timestamp', 'revenue', 'workspace_id', 'row_hash'].every((c) => required.has(c))).toBe(true);
    expect(['currency', 'gross_margin', 'status'].some((c) => required.has(c))).toBe(false);
  });
});

describe('VersionClock', () => {
  it('counts in wall-clock milliseconds × 1000 and never repeats or goes back', () => {
    let now = 1_000;
    const clock = new VersionClock(0, () => now);
    expect(clock.next()).toBe(1_000_000);
    expect(clock.next()).toBe(1_000_001);
    now = 999; // the wall clock steps back
    expect(clock.next()).toBe(1_000_002);
    now = 2_000;
    expect(clock.next()).toBe(2_000_000);
  });

  it('starts above the highest version already stored', () => {
    const clock = new VersionClock(5_000_000, () => 1_000);
    expect(clock.next()).toBe(5_000_001);
  });
});
