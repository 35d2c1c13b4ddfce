// Golden SQL of the touches relation in both dialects: the one place the rule
// "a session starting within 30 minutes after a click is that click's touch"
// is written, rendered for DuckDB (parameters, lists) and ClickHouse
// (literals, arrays read through replicate). test/ runs it on both engines.
import { describe, expect, it } from 'vitest';
import { ParamBag } from '../../sql/dialect.js';
import { clickhouseBuild } from '../clickhouse/clickhouse-relations.js';
import { duckdbBuild } from '../duckdb/duckdb-relations.js';
import { CLICK_ABSORBS_SESSION_MS, touchesSql } from './touches.js';

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('touches', () => {
  it('absorbs a session start up to 30 minutes after a click', () => {
    expect(CLICK_ABSORBS_SESSION_MS).toBe(30 * 60 * 1000);
  });

  it('DuckDB: clicks, then session starts no click of the same person preceded by 30 minutes or less', () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = touchesSql(duckdbBuild('w', (v) => bag.add(v)), { botFiltering: true });
    expect(oneLine(sql)).toBe(
      [
        'SELECT person_id, ts, 1 AS kind_rank, channel, source, medium, campaign_id, ad_group_id, ad_id',
        'FROM event_facts WHERE workspace_id = $p0 AND type IN ($p1, $p2) AND NOT is_bot',
        'UNION ALL',
        'SELECT person_id, started_at AS ts, 0 AS kind_rank, channel, source, medium, campaign_id,',
        'CAST(NULL AS VARCHAR) AS ad_group_id, CAST(NULL AS VARCHAR) AS ad_id',
        'FROM (SELECT person_id, person_id AS click_person, started_at, channel, source, medium, campaign_id',
        'FROM sessions WHERE workspace_id = $p0 AND NOT is_bot) AS l',
        'LEFT JOIN (SELECT person_id AS click_person, list(ts) AS click_ts',
        'FROM event_facts WHERE workspace_id = $p0 AND type IN ($p1, $p2) GROUP BY person_id) AS r USING ("click_person")',
        'WHERE NOT (coalesce(len(list_filter(click_ts, x -> x <= started_at AND x >= (started_at - to_milliseconds(CAST($p3 AS BIGINT))))), 0) > 0)',
      ].join(' '),
    );
    // Bots' clicks still absorb session starts: only the clicks listed as touches and the sessions drop bots.
    expect(bag.params).toEqual({ p0: 'w', p1: 'ad_click', p2: 'email_click', p3: 1_800_000 });
  });

  it('ClickHouse: the same, with the click times of each person as an array', () => {
    const sql = touchesSql(clickhouseBuild('w'), { botFiltering: false, people: (column) => `${column} IN ('p1')` });
    expect(oneLine(sql)).toBe(
      [
        'SELECT person_id, ts, toUInt8(1) AS kind_rank, channel, source, medium, campaign_id, ad_group_id, ad_id',
        "FROM event_facts WHERE workspace_id = 'w' AND type IN ('ad_click', 'email_click') AND person_id IN ('p1')",
        'UNION ALL',
        'SELECT person_id, started_at AS ts, toUInt8(0) AS kind_rank, channel, source, medium, campaign_id,',
        'CAST(NULL AS Nullable(String)) AS ad_group_id, CAST(NULL AS Nullable(String)) AS ad_id',
        'FROM (SELECT person_id, person_id AS click_person, started_at, channel, source, medium, campaign_id',
        "FROM sessions WHERE workspace_id = 'w' AND person_id IN ('p1')) AS l",
        'ANY LEFT JOIN (SELECT person_id AS click_person, groupArray(ts) AS click_ts',
        "FROM event_facts WHERE workspace_id = 'w' AND type IN ('ad_click', 'email_click') AND person_id IN ('p1') GROUP BY person_id) AS r USING `click_person`",
        'WHERE NOT arrayExists((x, start) -> x <= start AND x >= (start - 1800000), click_ts, replicate(started_at, click_ts))',
      ].join(' '),
    );
  });
});
