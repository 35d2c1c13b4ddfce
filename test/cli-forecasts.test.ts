// beacon query --forecast and beacon goals in child processes, on a DuckDB
// file holding four weeks of Google Ads spend in a weekly pattern that repeats
// exactly: the forecast tables, CSV and JSON continue the pattern, worked out
// here; a goal's projection is the pattern over its period; a split query
// cannot be forecast (exit 1, naming why).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/time.js';
import { createGoal } from '../src/goals/goals-service.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-forecasts');
const db = join(dir.path, 'f.duckdb');
afterAll(() => dir.remove());

const WEEKDAY_COST = [120, 100, 100, 110, 150, 60, 40]; // Monday first
const TODAY = new Date().toISOString().slice(0, 10);
const FIRST = addDays(TODAY, -28);
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const cost = (date: string) => WEEKDAY_COST[weekday(date)];
const usd = (n: number) => `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const GOAL_FROM = addDays(TODAY, -7);
const GOAL_TO = addDays(TODAY, 6);
let periodCost = 0;

beforeAll(async () => {
  const ads = join(dir.path, 'ads.csv');
  const lines = ['date,platform,campaign_id,impressions,clicks,cost'];
  for (let d = FIRST; d <= TODAY; d = addDays(d, 1)) lines.push(`${d},google_ads,g1,1000,50,${cost(d)}`);
  writeFileSync(ads, lines.join('\n'));
  expect((await runCli(['--db', db, 'import', 'ad_performance', ads])).code).toBe(0);
  for (let d = GOAL_FROM; d <= GOAL_TO; d = addDays(d, 1)) periodCost += cost(d);
  // Goals are created through the API or the library; the CLI lists them.
  const warehouse = await createDuckDbWarehouse({ path: db });
  try {
    await createGoal(warehouse, 'default', { name: 'Two weeks of spend', metric: 'cost', target: periodCost - 20, from: GOAL_FROM, to: GOAL_TO });
    await createGoal(warehouse, 'default', { name: 'Cheap clicks', metric: 'cpc', target: 2, from: GOAL_FROM, to: GOAL_TO });
  } finally {
    await warehouse.close();
  }
}, 60_000);

describe('beacon query --forecast', () => {
  const query = ['--db', db, 'query', '--metrics', 'cost', '--grain', 'day', '--from', FIRST, '--to', TODAY, '--forecast', '7'];
  const dates = Array.from({ length: 7 }, (_, i) => addDays(TODAY, i));

  it('prints the query, then a forecast table continuing the pattern from the running day on', async () => {
    const { code, stdout, stderr } = await runCli(query);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('forecast of cost: '));
    expect(lines[at]).toMatch(/^forecast of cost: (additive|multiplicative)(-damped)?, season of 7$/);
    expect(lines[at + 1].split(/\s{2,}/)).toEqual(['date', 'forecast', 'lower 95%', 'upper 95%']);
    const rows = lines.slice(at + 2).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(dates);
    expect(rows.map((r) => r[1])).toEqual(dates.map((d) => usd(cost(d))));
    expect(lines).toContain(`note: ${TODAY} is left out of the fit: the day is still running (today is ${TODAY})`);
  });

  it('adds the forecast rows to the CSV and the forecast to the JSON body', async () => {
    const csv = await runCli([...query, '--format', 'csv']);
    const records = csv.stdout.trimEnd().split('\n');
    expect(records[0]).toBe('date,cost,cost_lower,cost_upper,forecast');
    expect(records[1]).toBe(`${FIRST},${cost(FIRST)},,,false`);
    const forecastRows = records.slice(-7).map((r) => r.split(','));
    expect(forecastRows.map((r) => r[0])).toEqual(dates);
    forecastRows.forEach((r) => {
      expect(Number(r[1])).toBeCloseTo(cost(r[0]), 4);
      expect(r[4]).toBe('true');
    });
    const json = JSON.parse((await runCli(['--json', ...query, '--forecast-level', '0.8'])).stdout);
    expect(json.forecast.cost.level).toBe(0.8);
    expect(json.forecast.cost.points.map((p: { date: string }) => p.date)).toEqual(dates);
    expect(json.totals.cost).toBe(json.rows.reduce((sum: number, r: { cost: number }) => sum + r.cost, 0));
  });

  it('exits 1 for a split query, saying how to forecast one value', async () => {
    const { code, stderr } = await runCli([...query, '--by', 'platform']);
    expect(code).toBe(1);
    expect(stderr).toContain('a forecast continues one series per metric: drop dimensions (platform)');
  });
});

describe('beacon goals', () => {
  it('prints each goal with its pace and its forecast; a ratio goal says why it has none', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'goals']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const spend = lines.findIndex((l) => l.startsWith('Two weeks of spend'));
    expect(lines[spend]).toBe(`Two weeks of spend — cost at least ${usd(periodCost - 20)} from ${GOAL_FROM} to ${GOAL_TO}`);
    // The pattern over the period: the projection to the cent; the target 20 below the whole interval.
    expect(lines[spend + 2]).toMatch(new RegExp(`^  forecast ${usd(periodCost)} \\(USD [\\d,.]+–USD [\\d,.]+, 95%\\) · on track · (additive|multiplicative)\\S* on 28 days$`));
    const cpa = lines.findIndex((l) => l.startsWith('Cheap clicks'));
    expect(lines[cpa + 2]).toBe('  note: cpc does not add up over days (cost / clicks): its value over the period is not the sum of daily values, so the goal has a pace but no forecast');
  });

  it('prints the GET /v1/goals body with --json', async () => {
    const { stdout } = await runCli(['--db', db, '--json', 'goals']);
    const { goals } = JSON.parse(stdout);
    const named = (name: string) => goals.find((g: { name: string }) => g.name === name);
    expect(goals).toHaveLength(2);
    expect(named('Two weeks of spend').forecast.value).toBeCloseTo(periodCost, 4);
    expect(named('Two weeks of spend').forecast.status).toBe('on_track');
    expect(named('Cheap clicks').forecast).toBeNull();
  });

  it('answers the same through the running server that holds the database', async () => {
    const server = startCli(['--db', db, 'serve', '--port', '0']);
    try {
      await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
      const { code, stdout, stderr } = await runCli(['--db', db, '--json', 'goals']);
      expect(code, stderr).toBe(0);
      const spend = JSON.parse(stdout).goals.find((g: { name: string }) => g.name === 'Two weeks of spend');
      expect(spend.forecast.value).toBeCloseTo(periodCost, 4);
      const query = await runCli(['--db', db, '--json', 'query', '--metrics', 'cost', '--grain', 'day', '--from', FIRST, '--to', TODAY, '--forecast', '3']);
      expect(query.code, query.stderr).toBe(0);
      const { points } = JSON.parse(query.stdout).forecast.cost;
      expect(points.map((p: { date: string }) => p.date)).toEqual([TODAY, addDays(TODAY, 1), addDays(TODAY, 2)]);
      for (const p of points) expect(p.value).toBeCloseTo(cost(p.date), 4);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
