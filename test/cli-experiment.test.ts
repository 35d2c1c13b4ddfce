// beacon experiment in child processes over a DuckDB file holding the
// hand-built experiment of support/experiment-fixture.ts: the list of
// experiments, a readout from the exposures as a marketer reads it (people,
// rates and the people left out, worked out in the fixture), the same in
// JSON, and the errors of a readout asked for wrongly.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENT_EVENTS } from './support/experiment-fixture.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-experiment');
const db = join(dir.path, 'x.duckdb');
afterAll(() => dir.remove());

beforeAll(async () => {
  const events = join(dir.path, 'events.ndjson');
  writeFileSync(events, EXPERIMENT_EVENTS.map((e) => JSON.stringify(e)).join('\n'));
  const imported = await runCli(['--db', db, 'import', 'events', events]);
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);

describe('beacon experiment', () => {
  it('--list shows each experiment with its people per variant', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'experiment', '--list']);
    expect(code, stderr).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ['experiment', 'people per variant', 'people', 'first exposure', 'last exposure'],
      ['banner', 'red 1', '1', '2026-02-10', '2026-02-10'],
      ['hero', 'A 2 · B 3', '5', '2026-02-10', '2026-02-10'],
    ]);
  });

  it('--name --metric reads the test out of the exposures, rates per variant and who was left out', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'experiment', '--name', 'hero', '--metric', 'visitor_cvr', '--to', '2026-02-28', '--no-cuped']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('hero · visitor_cvr (converted after exposure (1 or 0)) · 2026-02-10 to 2026-02-28 · 5 people exposed');
    expect(lines[1]).toBe('conversion rate · control: A · 95% intervals');
    // A: ana converted, ben did not (1 of 2); B: cal and fay of cal, dee, fay (2 of 3).
    expect(lines[4].split(/\s{2,}/).slice(0, 3)).toEqual(['A (control)', '2', '50.00%']);
    expect(lines[5].split(/\s{2,}/).slice(0, 3)).toEqual(['B', '3', '66.67%']);
    expect(stdout).toContain('note: 1 person (16.7 %) saw more than one variant and is left out');
    expect(stdout).toContain('warning: A has 1 conversions, fewer than 150: its result can still swing widely');
    // 5 people planned half and half: 2.5 each.
    expect(stdout).toContain('sample ratio: 2 / 3 units against 2.5 / 2.5 planned');
  });

  it('--json gives the API body, with CUPED over the days asked for', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, '--json', 'experiment', '--name', 'hero', '--metric', 'revenue', '--to', '2026-02-28', '--cuped-days', '30', '--control', 'B']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    // Revenue per person: B cal 40, dee 0, fay 25 → 65 / 3; A ana 50, ben 0 → 25.
    expect(report.control).toBe('B');
    expect(report.variants.map((v: { name: string; value: number }) => [v.name, v.value])).toEqual([['B', 65 / 3], ['A', 25]]);
    expect(report.source).toMatchObject({ experiment: 'hero', metric: 'revenue', exposed: 5, excluded_multiple_variants: 1, cuped_days: 30 });
  });

  it('says what is missing or mixed up, with exit code 1', async () => {
    const noMetric = await runCli(['--db', db, 'experiment', '--name', 'hero']);
    expect([noMetric.code, noMetric.stderr]).toEqual([1, expect.stringContaining('--name needs --metric')]);
    const both = await runCli(['--db', db, 'experiment', '--name', 'hero', '--metric', 'revenue', '--list']);
    expect([both.code, both.stderr]).toEqual([1, expect.stringContaining('not --list and --name')]);
    const unknown = await runCli(['--db', db, 'experiment', '--name', 'herro', '--metric', 'revenue']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('no experiment_exposure event names experiment "herro"; the experiments seen are banner, hero')]);
  });
});
