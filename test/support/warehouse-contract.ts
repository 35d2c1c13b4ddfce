// The contract every Warehouse engine must pass: describeWarehouse(name, open)
// is called once per engine from test/; an engine without the derived view yet
// passes { derived: false } to run the storage part alone. Expected values are
// worked out by hand from the records written in each test.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addParsedEventFields } from '../../src/ingest/parse-event-fields.js';
import { trafficResolver } from '../../src/model/resolve-traffic.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/model/settings.js';
import type { SourceName } from '../../src/model/sources.js';
import { validatorFor, type Row } from '../../src/model/validate.js';
import { idHash } from '../../src/warehouse/known-ids.js';
import { stageEvents } from '../../src/warehouse/staged-events.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

export type OpenWarehouse = () => Promise<Warehouse>;

export function rowsOf(source: SourceName, records: Record<string, unknown>[]): Row[] {
  const validator = validatorFor(source);
  return records.map((record, i) => {
    const result = validator.validate(record);
    if (!result.ok) throw new Error(`fixture ${i} invalid: ${result.problem.field} ${result.problem.message}`);
    return source === 'events' ? addParsedEventFields(result.row) : result.row;
  });
}

const ev = (id: string, at: string, extra: Record<string, unknown> = {}) => ({
  event_id: id,
  type: 'page_view',
  timestamp: at,
  anonymous_id: 'anon-1',
  ...extra,
});

/** A stored timestamp as epoch ms, whether an engine reads it back as a number or as UTC text. */
function epochMs(value: unknown): number {
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : Date.parse(`${text.replace(' ', 'T')}Z`);
}

export interface ContractOptions {
  /** Whether the engine builds the derived view (sessions, identities, channels, converted money); its tests are skipped otherwise. */
  derived: boolean;
}

export function describeWarehouse(engine: string, open: OpenWarehouse, options: ContractOptions = { derived: true }): void {
  describe(`Warehouse contract: ${engine}`, () => {
    let warehouse: Warehouse | undefined;
    const fresh = async (...workspaces: string[]) => {
      warehouse = await open();
      for (const name of workspaces.length ? workspaces : ['w1']) {
        await warehouse.createWorkspace({ name, settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
      }
      return warehouse;
    };
    const refresh = (w: Warehouse, name = 'w1', settings: WorkspaceSettings = DEFAULT_SETTINGS) =>
      w.refreshDerived(name, { settings, resolveTraffic: trafficResolver(settings) });

    afterEach(async () => {
      await warehouse?.close();
      warehouse = undefined;
    });

    it('stores an event once per event_id, keeping the first copy', async () => {
      const w = await fresh();
      const first = await w.write('w1', 'events', rowsOf('events', [ev('e1', '2026-03-01T10:00:00Z'), ev('e2', '2026-03-01T10:01:00Z'), ev('e1', '2026-03-01T10:02:00Z', { type: 'signup' })]), 'i1');
      expect(first).toEqual({ accepted: 2, updated: 0, duplicates: 1 });
      const again = await w.write('w1', 'events', rowsOf('events', [ev('e1', '2026-03-01T11:00:00Z', { type: 'lead' }), ev('e3', '2026-03-01T10:03:00Z')]), 'i2');
      expect(again).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      const stored = await w.readRows('w1', 'events');
      expect(stored.map((r) => [r.event_id, r.type])).toEqual([
        ['e1', 'page_view'],
        ['e2', 'page_view'],
        ['e3', 'page_view'],
      ]);
    });

    it('stores events of concurrent writes once each: the first write submitted wins, per workspace', async () => {
      const w = await fresh('w1', 'w2');
      // Submitted together, the engine may commit them in one group; each still gets its own counts.
      const note = { origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', rejected: 0 };
      const results = await Promise.all([
        w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-01T10:00:00Z'), ev('b', '2026-03-01T10:01:00Z')]), 'i1', note),
        w.write('w1', 'events', rowsOf('events', [ev('b', '2026-03-01T10:05:00Z', { type: 'signup' }), ev('c', '2026-03-01T10:02:00Z')]), 'i2', note),
        w.write('w2', 'events', rowsOf('events', [ev('a', '2026-03-01T10:00:00Z'), ev('b', '2026-03-01T10:00:00Z')]), 'i3', note),
        w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-01T11:00:00Z', { type: 'lead' }), ev('c', '2026-03-01T11:00:00Z', { type: 'lead' }), ev('d', '2026-03-01T10:03:00Z')]), 'i4', note),
      ]);
      expect(results).toEqual([
        { accepted: 2, updated: 0, duplicates: 0 },
        { accepted: 1, updated: 0, duplicates: 1 },
        { accepted: 2, updated: 0, duplicates: 0 },
        { accepted: 1, updated: 0, duplicates: 2 },
      ]);
      expect((await w.readRows('w1', 'events')).map((r) => [r.event_id, r.type])).toEqual([
        ['a', 'page_view'],
        ['b', 'page_view'],
        ['c', 'page_view'],
        ['d', 'page_view'],
      ]);
      expect((await w.readRows('w2', 'events')).map((r) => r.event_id)).toEqual(['a', 'b']);
      // Each stored event belongs to the import that carried its first copy.
      expect(await w.deleteImport('w1', 'i2')).toBe(true);
      expect((await w.readRows('w1', 'events')).map((r) => r.event_id)).toEqual(['a', 'b', 'd']);
    });

    it('treats a shared id hash as a maybe: distinct ids whose hashes collide are all stored', async () => {
      const w = await fresh();
      await w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-01T10:00:00Z')]), 'i1');
      // Forge the collisions: every staged id carries the hash of the stored id 'a'.
      const collide = async (ids: string[]) => {
        const staged = await stageEvents(rowsOf('events', ids.map((id) => ev(id, '2026-03-01T10:05:00Z'))));
        return { ...staged, hashes: new Float64Array(staged.count).fill(idHash('a')) };
      };
      const [b, c, d] = [await collide(['b', 'c']), await collide(['d', 'a']), await collide(['e', 'b'])];
      expect(await Promise.all([w.writeStagedEvents('w1', b, 'i2'), w.writeStagedEvents('w1', c, 'i3'), w.writeStagedEvents('w1', d, 'i4')])).toEqual([
        { accepted: 2, updated: 0, duplicates: 0 },
        { accepted: 1, updated: 0, duplicates: 1 },
        { accepted: 1, updated: 0, duplicates: 1 },
      ]);
      expect((await w.readRows('w1', 'events')).map((r) => r.event_id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('stores a staging file of events like the rows it holds, and removes the file', async () => {
      const w = await fresh();
      await w.write('w1', 'events', rowsOf('events', [ev('e1', '2026-03-01T10:00:00Z')]), 'i1');
      const rows = rowsOf('events', [
        ev('e1', '2026-03-01T12:00:00Z'),
        ev('e2', '2026-03-01T10:01:00.123Z', { type: 'purchase', revenue: '19.990001', currency: 'EUR', order_id: 'o1', url: 'https://shop.example/p?utm_source=news&utm_medium=email', properties: { plan: 'pro', quote: 'a "b"\n' } }),
        ev('e2', '2026-03-01T10:09:00Z'),
      ]);
      const staged = await stageEvents(rows);
      expect(await w.writeStagedEvents('w1', staged, 'i2', { origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', rejected: 4 })).toEqual({ accepted: 1, updated: 0, duplicates: 2 });
      expect(existsSync(staged.file)).toBe(false);
      const e2 = (await w.readRows('w1', 'events')).find((r) => r.event_id === 'e2')!;
      expect(e2).toMatchObject({
        type: 'purchase',
        revenue: '19.990001',
        currency: 'EUR',
        order_id: 'o1',
        parsed_utm_source: 'news',
        parsed_utm_medium: 'email',
      });
      expect(epochMs(e2.timestamp)).toBe(Date.UTC(2026, 2, 1, 10, 1, 0, 123));
      expect(JSON.parse(String(e2.properties))).toEqual({ plan: 'pro', quote: 'a "b"\n' });
      expect((await w.listImports('w1')).find((i) => i.id === 'i2')).toMatchObject({ accepted: 1, duplicates: 2, rejected: 4 });
    });

    it('upserts table rows: identical is a duplicate, changed is an update, latest wins', async () => {
      const w = await fresh();
      const order = (id: string, revenue: string) => ({ order_id: id, customer_id: 'c1', timestamp: '2026-03-01T10:00:00Z', revenue });
      expect(await w.write('w1', 'orders', rowsOf('orders', [order('o1', '10.50'), order('o2', '20')]), 'i1')).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
      // "10.5" is the same amount as "10.50": a duplicate, not a change.
      expect(await w.write('w1', 'orders', rowsOf('orders', [order('o1', '10.5'), order('o2', '25'), order('o3', '1')]), 'i2')).toEqual({ accepted: 1, updated: 1, duplicates: 1 });
      const stored = await w.readRows('w1', 'orders');
      expect(stored.map((r) => [r.order_id, Number(r.revenue)])).toEqual([
        ['o1', 10.5],
        ['o2', 25],
        ['o3', 1],
      ]);
    });

    it('keys ad_performance on date, platform, campaign, ad group and ad (absent ids are empty)', async () => {
      const w = await fresh();
      const row = (ad: string | undefined, cost: number) => ({ date: '2026-03-01', platform: 'google_ads', campaign_id: 'c1', ...(ad ? { ad_group_id: 'g1', ad_id: ad } : {}), impressions: 100, clicks: 5, cost });
      expect(await w.write('w1', 'ad_performance', rowsOf('ad_performance', [row(undefined, 3), row('a1', 1), row('a2', 2)]), 'i1')).toEqual({ accepted: 3, updated: 0, duplicates: 0 });
      expect(await w.write('w1', 'ad_performance', rowsOf('ad_performance', [row(undefined, 4), row('a1', 1)]), 'i2')).toEqual({ accepted: 0, updated: 1, duplicates: 1 });
      const stored = await w.readRows('w1', 'ad_performance');
      expect(stored.map((r) => [r.ad_id, Number(r.cost)])).toEqual([
        ['', 4],
        ['a1', 1],
        ['a2', 2],
      ]);
    });

    it('keeps money exact: ten amounts of 0.1 are exactly 1', async () => {
      const w = await fresh();
      const orders = Array.from({ length: 10 }, (_, i) => ({ order_id: `o${i}`, customer_id: 'c', timestamp: '2026-03-01T10:00:00Z', revenue: 0.1 }));
      await w.write('w1', 'orders', rowsOf('orders', orders), 'i1');
      const stored = await w.readRows('w1', 'orders');
      const cents = stored.reduce((sum, r) => sum + BigInt(String(r.revenue).replace('.', '')), 0n);
      expect(cents).toBe(1_000_000n); // 1.000000 at six decimals
    });

    it('isolates workspaces in every read and write', async () => {
      const w = await fresh('w1', 'w2');
      expect(await w.write('w1', 'events', rowsOf('events', [ev('e1', '2026-03-01T10:00:00Z')]), 'i1')).toEqual({ accepted: 1, updated: 0, duplicates: 0 });
      expect(await w.write('w2', 'events', rowsOf('events', [ev('e1', '2026-03-01T10:00:00Z'), ev('e2', '2026-03-01T10:00:00Z')]), 'i2')).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
      expect((await w.readRows('w1', 'events')).map((r) => r.event_id)).toEqual(['e1']);
      expect((await w.readRows('w2', 'events')).map((r) => r.event_id)).toEqual(['e1', 'e2']);
      await w.saveImport({ id: 'i2', workspace: 'w2', source: 'events', origin: 't', startedAt: '2026-03-01T00:00:00.000Z', accepted: 2, updated: 0, duplicates: 0, rejected: 0 });
      expect(await w.deleteImport('w1', 'i2')).toBe(false);
      expect((await w.readRows('w2', 'events')).length).toBe(2);
    });

    it('keeps alert rules, their states and firings as objects of their own kinds, apart per workspace', async () => {
      const w = await fresh('w1', 'w2');
      await w.putObject('w1', 'alert_rule', 'alr_1', { id: 'alr_1', name: 'CPA too high' });
      await w.putObject('w1', 'alert_state', 'alr_1', { rule_id: 'alr_1', state: { status: 'idle' } });
      await w.putObject('w1', 'alert_state', 'alr_1', { rule_id: 'alr_1', state: { status: 'firing', since: 1, lastFiredAt: 1 } });
      await w.putObject('w1', 'alert_firing', 'fir_1', { id: 'fir_1', rule_id: 'alr_1', value: 46.2 });
      expect((await w.listObjects('w1', 'alert_rule')).map((o) => o.body)).toEqual([{ id: 'alr_1', name: 'CPA too high' }]);
      expect((await w.listObjects('w1', 'alert_state')).map((o) => o.body)).toEqual([{ rule_id: 'alr_1', state: { status: 'firing', since: 1, lastFiredAt: 1 } }]);
      expect((await w.listObjects('w1', 'alert_firing')).map((o) => o.id)).toEqual(['fir_1']);
      expect(await w.listObjects('w2', 'alert_rule')).toEqual([]);
      expect(await w.deleteObject('w2', 'alert_rule', 'alr_1')).toBe(false);
      expect(await w.deleteObject('w1', 'alert_rule', 'alr_1')).toBe(true);
      expect(await w.listObjects('w1', 'alert_rule')).toEqual([]);
      expect((await w.listObjects('w1', 'alert_firing')).length).toBe(1);
    });

    it('deletes everything one import stored', async () => {
      const w = await fresh();
      await w.write('w1', 'events', rowsOf('events', [ev('e1', '2026-03-01T10:00:00Z')]), 'keep');
      await w.write('w1', 'events', rowsOf('events', [ev('e2', '2026-03-01T10:00:00Z'), ev('e3', '2026-03-01T10:00:00Z')]), 'drop');
      await w.saveImport({ id: 'drop', workspace: 'w1', source: 'events', origin: 't', startedAt: '2026-03-01T00:00:00.000Z', accepted: 2, updated: 0, duplicates: 0, rejected: 0 });
      expect((await w.listImports('w1')).map((i) => i.id)).toEqual(['drop']);
      expect(await w.deleteImport('w1', 'drop')).toBe(true);
      expect((await w.readRows('w1', 'events')).map((r) => r.event_id)).toEqual(['e1']);
      expect(await w.listImports('w1')).toEqual([]);
    });

    it('lists an import that stored nothing with its counts, newest first, and deletes its record', async () => {
      const w = await fresh();
      await w.write('w1', 'orders', rowsOf('orders', [{ order_id: 'o1', customer_id: 'c1', timestamp: '2026-03-01T10:00:00Z', revenue: 5 }]), 'stored', { origin: 'file a.csv', startedAt: '2026-03-01T00:00:00.000Z', rejected: 0 });
      await w.saveImport({ id: 'refused', workspace: 'w1', source: 'orders', origin: 'file b.csv', startedAt: '2026-03-02T00:00:00.000Z', accepted: 0, updated: 0, duplicates: 0, rejected: 3 });
      // (Each engine writes startedAt its own way; the order shows it was kept.)
      expect((await w.listImports('w1')).map(({ startedAt: _, ...counts }) => counts)).toEqual([
        { id: 'refused', workspace: 'w1', source: 'orders', origin: 'file b.csv', accepted: 0, updated: 0, duplicates: 0, rejected: 3 },
        { id: 'stored', workspace: 'w1', source: 'orders', origin: 'file a.csv', accepted: 1, updated: 0, duplicates: 0, rejected: 0 },
      ]);
      expect(await w.deleteImport('w1', 'refused')).toBe(true);
      expect((await w.listImports('w1')).map((i) => i.id)).toEqual(['stored']);
      expect((await w.readRows('w1', 'orders')).map((r) => r.order_id)).toEqual(['o1']);
    });

    it('stores keys by hash, finds, lists per workspace and revokes', async () => {
      const w = await fresh('w1', 'w2');
      const key = { id: 'k1', workspace: 'w1', scope: 'read' as const, hash: 'h1', prefix: 'bk_read_x', createdAt: '2026-03-01T00:00:00.000Z', revokedAt: null };
      await w.insertKey(key);
      expect((await w.findKeyByHash('h1'))?.id).toBe('k1');
      expect(await w.findKeyByHash('nope')).toBeUndefined();
      expect((await w.listKeys('w2')).length).toBe(0);
      expect(await w.revokeKey('w2', 'k1')).toBe(false);
      expect(await w.revokeKey('w1', 'k1')).toBe(true);
      expect((await w.findKeyByHash('h1'))?.revokedAt).not.toBeNull();
      expect(await w.revokeKey('w1', 'k1')).toBe(false);
    });

    describe.skipIf(!options.derived)('derived view', () => {
      it('sessionizes on 30 minutes of inactivity and re-derives when a late event arrives', async () => {
        const w = await fresh();
        // 10:00, 10:20 (gap 20 min: same session), 11:00 (gap 40 min: new session)
        await w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-01T10:00:00Z'), ev('b', '2026-03-01T10:20:00Z'), ev('c', '2026-03-01T11:00:00Z')]), 'i1');
        await refresh(w);
        expect((await w.readDerived('w1', 'sessions')).map((s) => Number(s.pageviews))).toEqual([2, 1]);
        // A late event at 10:45 bridges the gap (25 and 15 minutes): one session of four page views.
        await w.write('w1', 'events', rowsOf('events', [ev('d', '2026-03-01T10:45:00Z')]), 'i2');
        await refresh(w);
        const sessions = await w.readDerived('w1', 'sessions');
        expect(sessions.map((s) => Number(s.pageviews))).toEqual([4]);
        expect(sessions[0].is_bounce).toBe(false);
      });

      it('stitches identities: an anonymous_id seen with a user_id belongs to that customer, earlier events too', async () => {
        const w = await fresh();
        await w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-01T10:00:00Z'), ev('b', '2026-03-02T10:00:00Z', { anonymous_id: 'anon-2' })]), 'i1');
        await refresh(w);
        expect((await w.readDerived('w1', 'event_facts')).map((e) => e.person_id)).toEqual(['anon-1', 'anon-2']);
        await w.write('w1', 'events', rowsOf('events', [ev('c', '2026-03-03T10:00:00Z', { type: 'signup', user_id: 'cus_1' })]), 'i2');
        await refresh(w);
        const facts = await w.readDerived('w1', 'event_facts');
        expect(facts.map((e) => [e.event_id, e.person_id])).toEqual([
          ['a', 'cus_1'],
          ['b', 'anon-2'],
          ['c', 'cus_1'],
        ]);
      });

      it('derives channel and campaign; session events inherit the landing touch', async () => {
        const w = await fresh();
        await w.write('w1', 'campaigns', rowsOf('campaigns', [{ campaign_id: 'cmp_7', name: 'Spring Sale', platform: 'google_ads' }]), 'i0');
        await w.write('w1', 'events', rowsOf('events', [
          ev('a', '2026-03-01T10:00:00Z', { url: 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring%20sale' }),
          ev('b', '2026-03-01T10:05:00Z', { url: 'https://shop.example/cart', referrer: 'https://shop.example/' }),
          ev('c', '2026-03-02T09:00:00Z', { anonymous_id: 'anon-2', url: 'https://shop.example/', referrer: 'https://www.bing.com/' }),
          ev('d', '2026-03-02T12:00:00Z', { anonymous_id: 'anon-3', url: 'https://shop.example/' }),
          ev('e', '2026-03-02T12:00:00Z', { anonymous_id: 'anon-4', type: 'email_open', campaign_id: 'news_1' }),
        ]), 'i1');
        await refresh(w);
        const facts = await w.readDerived('w1', 'event_facts');
        const byId = Object.fromEntries(facts.map((f) => [f.event_id, f]));
        expect([byId.a.channel, byId.a.campaign_id, byId.a.source, byId.a.medium]).toEqual(['Paid Search', 'cmp_7', 'google', 'cpc']);
        expect([byId.b.channel, byId.b.campaign_id, byId.b.session_key]).toEqual(['Paid Search', 'cmp_7', byId.a.session_key]);
        expect([byId.c.channel, byId.c.source, byId.c.medium]).toEqual(['Organic Search', 'bing', 'organic']);
        expect(byId.d.channel).toBe('Direct');
        expect([byId.e.channel, byId.e.session_key, byId.e.is_onsite]).toEqual(['Email', null, false]);
      });

      it('converts money at the latest rate on or before the day, and leaves it out when no rate exists', async () => {
        const w = await fresh();
        const buy = (id: string, at: string, currency: string) => ev(id, at, { type: 'purchase', revenue: 100, currency });
        await w.write('w1', 'events', rowsOf('events', [buy('a', '2026-03-02T10:00:00Z', 'EUR'), buy('b', '2026-03-05T10:00:00Z', 'EUR'), buy('c', '2026-03-02T10:00:00Z', 'GBP'), buy('d', '2026-03-02T10:00:00Z', 'USD')]), 'i1');
        await w.write('w1', 'fx_rates', rowsOf('fx_rates', [{ date: '2026-03-01', currency: 'EUR', rate: 1.1 }, { date: '2026-03-04', currency: 'EUR', rate: 1.2 }]), 'i2');
        await refresh(w);
        const converted = async () => Object.fromEntries((await w.readDerived('w1', 'event_facts')).map((f) => [f.event_id, f.revenue_converted === null ? null : Number(f.revenue_converted)]));
        // a: 100 EUR × 1.1 (rate of 03-01, latest before 03-02); b: × 1.2 (03-04); c: no GBP rate; d: already USD.
        expect(await converted()).toEqual({ a: 110, b: 120, c: null, d: 100 });
        // A new rate for 03-02 corrects the derived view; the raw event is unchanged.
        await w.write('w1', 'fx_rates', rowsOf('fx_rates', [{ date: '2026-03-02', currency: 'EUR', rate: 1.15 }, { date: '2026-03-01', currency: 'GBP', rate: 1.3 }]), 'i3');
        await refresh(w);
        expect(await converted()).toEqual({ a: 115, b: 120, c: 130, d: 100 });
        expect(Number((await w.readRows('w1', 'events'))[0].revenue)).toBe(100);
      });
    });

    it('reports freshness per source and platform', async () => {
      const w = await fresh();
      const row = (date: string, platform: string) => ({ date, platform, campaign_id: 'c', impressions: 1, clicks: 0, cost: 1 });
      await w.write('w1', 'ad_performance', rowsOf('ad_performance', [row('2026-03-01', 'google_ads'), row('2026-03-04', 'google_ads'), row('2026-03-02', 'meta_ads')]), 'i1');
      await w.write('w1', 'events', rowsOf('events', [ev('a', '2026-03-03T23:30:00Z')]), 'i2');
      const fresh1 = await w.freshness('w1');
      const find = (source: string, platform: string | null) => fresh1.find((f) => f.source === source && f.platform === platform);
      expect(find('ad_performance', 'google_ads')).toMatchObject({ latest_date: '2026-03-04', rows: 2 });
      expect(find('ad_performance', 'meta_ads')).toMatchObject({ latest_date: '2026-03-02', rows: 1 });
      expect(find('events', null)).toMatchObject({ latest_date: '2026-03-03', rows: 1 });
      expect(find('orders', null)).toMatchObject({ latest_date: null, rows: 0 });
    });
  });
}
