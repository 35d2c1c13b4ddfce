// Where CREATE TABLE statements go on a cluster: person tables as a local
// table and a Distributed table on every node, others on the entry server only.
import { describe, expect, it } from 'vitest';
import { createOnCluster } from './clickhouse-cluster.js';
import type { ClickHouseConnection, ClusterLayout } from './clickhouse-connection.js';
import { createSourceTableSql } from './clickhouse-ddl.js';
import { inSetCondition } from './clickhouse-mutations.js';

function fakeLayout(): { layout: ClusterLayout; sent: string[][] } {
  const sent: string[][] = [[], []];
  const nodes = sent.map(
    (log) => ({ target: { url: 'http://x', database: 'beacon' }, command: async (sql: string) => void log.push(sql) }) as unknown as ClickHouseConnection,
  );
  return { layout: { name: 'beacon_cluster', nodes }, sent };
}

describe('createOnCluster', () => {
  it('creates events as events_local plus a Distributed table sharded by anonymous_id on every node', async () => {
    const { layout, sent } = fakeLayout();
    await createOnCluster(layout, createSourceTableSql('events'));
    for (const log of sent) {
      expect(log).toHaveLength(2);
      expect(log[0]).toMatch(/^CREATE TABLE IF NOT EXISTS `events_local` \(/);
      expect(log[0]).toContain('ENGINE = MergeTree');
      expect(log[1]).toMatch(/CREATE TABLE IF NOT EXISTS `events` AS `events_local`/);
      expect(log[1]).toContain("ENGINE = Distributed(`beacon_cluster`, 'beacon', 'events_local', sipHash64(anonymous_id))");
    }
  });

  it('keeps other tables on the entry server only', async () => {
    const { layout, sent } = fakeLayout();
    await createOnCluster(layout, createSourceTableSql('campaigns'));
    await createOnCluster(layout, 'CREATE TABLE IF NOT EXISTS derive_state (workspace String) ENGINE = Memory');
    expect(sent[0]).toHaveLength(2);
    expect(sent[1]).toEqual([]);
  });
});

describe('inSetCondition', () => {
  it('quotes every value and is never true for no values', () => {
    expect(inSetCondition('anonymous_id', ["a'b", 'c'])).toBe("anonymous_id IN ('a\\'b', 'c')");
    expect(inSetCondition('person_id', [])).toBe('0');
  });
});
