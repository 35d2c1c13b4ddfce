// A large synthetic shop for the overview benchmark, generated inside DuckDB
// (SQL over range()) straight into Beacon's raw tables: campaigns, daily
// ad_performance rows at ad grain, and events — sessions of page views, a
// scroll, sometimes a purchase, some preceded by an ad click — over 90 days.
// The derived view is then built by Beacon itself.
import { DuckDBInstance } from '@duckdb/node-api';

export interface OverviewDataOptions {
  events: number;
  adRows: number;
  days: number;
  end: string;
}

/** Traffic kinds: what a session's landing URL and referrer look like. */
const TRAFFIC = [
  // source, medium, referrer host, click id kind, campaign index offset (null: no campaign)
  ['google', 'cpc', null, 'gclid', 0],
  ['facebook', 'paid_social', null, null, 10],
  ['tiktok', 'cpc', null, 'ttclid', 20],
  ['newsletter', 'email', null, null, 25],
  [null, null, 'www.google.com', null, null],
  [null, null, 'www.instagram.com', null, null],
  [null, null, 'blog.example.org', null, null],
  [null, null, null, null, null],
] as const;

export async function generateOverviewData(path: string, workspace: string, options: OverviewDataOptions): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  const sessions = Math.floor(options.events / 4);
  const visitors = Math.max(1, Math.floor(sessions / 2));
  const start = `TIMESTAMP '${options.end} 00:00:00' - INTERVAL ${options.days - 1} DAY`;
  const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
  const traffic = TRAFFIC.map((t, i) => `(${i}, ${t.map(lit).join(', ')})`).join(', ');

  await db.run(`CREATE TEMP TABLE traffic AS SELECT * FROM (VALUES ${traffic}) v(k, source, medium, ref, click, cmp)`);
  await db.run(
    `INSERT INTO campaigns (workspace_id, import_id, seq, received_at, campaign_id, name, platform, channel, objective, row_hash)
     SELECT '${workspace}', 'bench', i, now(), 'cmp_' || i, 'Campaign ' || i,
       CASE WHEN i < 10 THEN 'google_ads' WHEN i < 20 THEN 'meta_ads' WHEN i < 25 THEN 'tiktok_ads' ELSE NULL END,
       CASE WHEN i >= 25 THEN 'Email' ELSE NULL END,
       CASE i % 4 WHEN 0 THEN 'awareness' WHEN 1 THEN 'consideration' WHEN 2 THEN 'conversion' ELSE 'retention' END,
       md5('c' || i)
     FROM range(30) t(i)`,
  );
  const adsPerCampaign = Math.max(1, Math.ceil(options.adRows / (25 * options.days)));
  await db.run(
    `INSERT INTO ad_performance (workspace_id, import_id, seq, received_at, "date", platform, campaign_id, campaign_name,
       ad_group_id, ad_id, impressions, clicks, cost, currency, reach, likes, shares, comments, row_hash)
     SELECT '${workspace}', 'bench', n, now(), CAST(${start} AS DATE) + CAST(d AS INTEGER), CASE WHEN c < 10 THEN 'google_ads' WHEN c < 20 THEN 'meta_ads' ELSE 'tiktok_ads' END,
       'cmp_' || c, 'Campaign ' || c, 'ag_' || c || '_' || (a % 10), 'ad_' || c || '_' || a,
       imp, clk, CAST(clk * (0.4 + (hash(n) % 100) / 100.0) AS DECIMAL(18,6)), NULL, imp // 2, clk // 10, clk // 30, clk // 50, md5(CAST(n AS VARCHAR))
     FROM (SELECT n, n % ${options.days} AS d, (n // ${options.days}) % 25 AS c, n // (${options.days} * 25) AS a,
             100 + hash(n) % 2000 AS imp, (100 + hash(n) % 2000) * (1 + hash(n * 7) % 40) // 1000 AS clk
           FROM range(${Math.min(options.adRows, adsPerCampaign * 25 * options.days)}) t(n))`,
  );
  await db.run(
    `CREATE TEMP TABLE bench_sessions AS
     SELECT s, s % ${visitors} AS v, t.*,
       ${start} + to_milliseconds(CAST(hash(s) % ${options.days * 86_400_000} AS BIGINT)) AS t0,
       hash(s * 3) % 100 < 4 AS buys
     FROM range(${sessions}) r(s) JOIN traffic t ON t.k = hash(s * 5) % ${TRAFFIC.length}`,
  );
  const columns = `workspace_id, import_id, seq, received_at, event_id, type, "timestamp", anonymous_id, url, referrer,
    revenue, currency, order_id, user_agent, properties, parsed_utm_source, parsed_utm_medium, parsed_utm_campaign,
    parsed_click_id_kind, parsed_landing_page, parsed_referrer_host, parsed_is_bot`;
  const campaign = `CASE WHEN cmp IS NULL THEN NULL ELSE 'cmp_' || (cmp + v % 5) END`;
  for (const [i, type] of ['page_view', 'page_view', 'scroll', 'last'].entries()) {
    const eventType = type === 'last' ? `CASE WHEN buys THEN 'purchase' ELSE 'page_view' END` : `'${type}'`;
    await db.run(
      `INSERT INTO events (${columns})
       SELECT '${workspace}', 'bench', s * 4 + ${i}, now(), 'e' || s || '_${i}', ${eventType},
         t0 + INTERVAL ${i * 40} SECOND, 'anon_' || v, 'https://shop.example/p/' || (s % 300), CASE WHEN ref IS NULL THEN NULL ELSE 'https://' || ref || '/' END,
         ${type === 'last' ? `CASE WHEN buys THEN CAST(20 + hash(s) % 180 AS DECIMAL(18,6)) END` : 'NULL'}, NULL,
         ${type === 'last' ? `CASE WHEN buys THEN 'o' || s END` : 'NULL'}, 'Mozilla/5.0',
         ${type === 'scroll' ? `'{"percent":' || (hash(s) % 100) || ',"device":"mobile"}'` : `'{"device":"desktop"}'`},
         ${i === 0 ? 'source' : 'NULL'}, ${i === 0 ? 'medium' : 'NULL'}, ${i === 0 ? campaign : 'NULL'},
         ${i === 0 ? 'click' : 'NULL'}, '/p/' || (s % 300), ${i === 0 ? 'ref' : 'NULL'}, false
       FROM bench_sessions`,
    );
  }
  // A share of paid sessions starts with an ad click a minute before the visit.
  await db.run(
    `INSERT INTO events (${columns})
     SELECT '${workspace}', 'bench', ${sessions * 4} + s, now(), 'c' || s, 'ad_click', t0 - INTERVAL 1 MINUTE, 'anon_' || v,
       'https://shop.example/?utm_source=' || source || '&utm_medium=' || medium, NULL, NULL, NULL, NULL, 'Mozilla/5.0', NULL,
       source, medium, ${campaign}, click, NULL, NULL, false
     FROM bench_sessions WHERE cmp IS NOT NULL AND cmp < 25 AND hash(s * 11) % 4 = 0`,
  );
  db.closeSync();
  instance.closeSync();
}
