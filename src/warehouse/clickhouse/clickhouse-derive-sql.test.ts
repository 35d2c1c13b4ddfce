// The SQL text the derived view's shared pieces produce (run against a real
// server in test/clickhouse-*.test.ts).
import { describe, expect, it } from 'vitest';
import { jsonProperty } from '../../sql/clickhouse/clickhouse-json-sql.js';
import { affectedAnonymous, affectedPeople, Packed } from './clickhouse-derive-sql.js';

describe('ClickHouse derive SQL pieces', () => {
  it('packs named columns into a tuple and reads them back by position', () => {
    const packed = new Packed(['ts', 'event_id', 'url'] as const);
    expect(packed.tuple()).toBe('tuple(ts, event_id, url)');
    expect(packed.tuple((n) => `e_${n}`)).toBe('tuple(e_ts, e_event_id, e_url)');
    expect(packed.get('x', 'url')).toBe('tupleElement(x, 3)');
    expect(packed.unpack('ev', 'f_')).toBe('tupleElement(ev, 1) AS f_ts, tupleElement(ev, 2) AS f_event_id, tupleElement(ev, 3) AS f_url');
    expect(() => packed.get('x', 'nope' as 'url')).toThrow(/no packed column/);
  });

  it('limits a refresh to the people with events in its seq range, or to nobody in particular when full', () => {
    const scope = { ws: "'w1'", full: false, from: 10, to: 20 };
    expect(affectedAnonymous(scope)).toContain("anonymous_id IN (SELECT anonymous_id FROM events WHERE workspace_id = 'w1'");
    expect(affectedAnonymous(scope)).toContain('seq > 10 AND seq <= 20');
    expect(affectedPeople(scope, 'p')).toMatch(/^p IN \(SELECT person_id FROM event_facts WHERE workspace_id = 'w1' AND anonymous_id IN/);
    expect(affectedAnonymous({ ...scope, full: true })).toBe('1');
  });

  it('quotes property keys as literals', () => {
    expect(jsonProperty('properties', "it's")).toContain("'\"it\\'s\":'");
  });
});
