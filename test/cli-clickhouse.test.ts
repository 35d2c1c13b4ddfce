// The beacon CLI in child processes on a ClickHouse 18.16 server
// (test/support/suites/cli.ts), and on a two-shard 18.16 cluster.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';
import { runCli } from './support/spawn-cli.js';
import { describeCliOnClickHouse, event } from './support/suites/cli.js';
import { tempDir } from './support/temp-dir.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('beacon CLI on ClickHouse', () => describeCliOnClickHouse(startClickHouse));

describe.skipIf(!available && !process.env.CI)('beacon CLI on a ClickHouse cluster', () => {
  let cluster: ClickHouseServers;
  const clusterDir = tempDir('cli-clickhouse-cluster');
  const unusedDb = () => join(clusterDir.path, 'unused.duckdb');
  beforeAll(async () => {
    cluster = await startClickHouse({ shards: 2 });
  });
  afterAll(async () => {
    await cluster?.stop();
    clusterDir.remove();
  });

  it('imports into the sharded tables and queries them, with the cluster named by options or environment', async () => {
    const file = join(clusterDir.path, 'cluster-events.ndjson');
    // Two visitors, each one page view on 1 March: sessions and visitors are 2 whichever shard holds them.
    writeFileSync(file, [event('c1', '2026-03-01T08:00:00Z'), JSON.stringify({ event_id: 'c2', type: 'page_view', timestamp: '2026-03-01T09:00:00Z', anonymous_id: 'anon-2' })].join('\n'));
    const url = `${cluster.urls[0]}/cli_cluster`;
    const options = ['--db', unusedDb(), '--clickhouse', url, '--clickhouse-cluster', cluster.cluster!, '--clickhouse-shards', cluster.urls.join(',')];
    expect((await runCli([...options, 'import', 'events', file])).code).toBe(0);
    const query = await runCli(['--db', unusedDb(), '--json', 'query', '--metrics', 'visitors,sessions', '--from', '2026-03-01', '--to', '2026-03-01'], {
      BEACON_CLICKHOUSE_URL: url,
      BEACON_CLICKHOUSE_CLUSTER: cluster.cluster!,
      BEACON_CLICKHOUSE_SHARDS: cluster.urls.join(','),
    });
    expect(query.code).toBe(0);
    expect(JSON.parse(query.stdout).totals).toEqual({ visitors: 2, sessions: 2 });
    const half = await runCli(['--db', unusedDb(), '--clickhouse', url, '--clickhouse-cluster', cluster.cluster!, 'freshness']);
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('cluster mode needs both --clickhouse-cluster NAME and --clickhouse-shards');
    expect(existsSync(unusedDb())).toBe(false);
  });
});
