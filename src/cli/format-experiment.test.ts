// beacon experiment's text: values, lifts with their intervals, p-values and
// chances a reader takes in at a glance, the sample ratio line and warnings;
// the plan's sentence; and the stats file read or refused with its name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { analyzeExperiment } from '../experiments/analyze-experiment.js';
import { checkExperimentBody, parseExperimentStats } from '../experiments/experiment-input.js';
import type { ExperimentReport } from '../experiments/experiment-service.js';
import { sampleSizeForRate } from '../experiments/sample-size.js';
import { planOf, readStatsFile } from './commands/experiment-command.js';
import { formatChance, formatExperiment, formatExperimentList, formatLift, formatPlan, formatPValue, formatValue } from './format-experiment.js';

const readout = (body: unknown): ExperimentReport => ({ ...analyzeExperiment(parseExperimentStats(checkExperimentBody(body))), source: null, notes: [], secondary: [] });

describe('the pieces', () => {
  it.each([
    [0.021, '0.021'],
    [0.4, '0.400'],
    [0.0004, '< 0.001'],
    [null, '–'],
  ])('p-value %s → %s', (p, text) => expect(formatPValue(p)).toBe(text));

  it.each([
    [0.989, '98.9%'],
    [0.9996, '> 99.9%'],
    [0.0002, '< 0.1%'],
    [null, '–'],
  ])('chance %s → %s', (p, text) => expect(formatChance(p)).toBe(text));

  it.each([
    [52, '52'],
    [52.9412, '52.94'],
    [1234.56, '1,234.6'],
    [0.000123456, '0.0001235'],
    [-3.14159, '-3.142'],
  ])('value %s → %s', (v, text) => expect(formatValue(v)).toBe(text));

  it('a lift is relative with its interval, else absolute in points for a rate and in units for a mean', () => {
    expect(formatLift('rate', { absolute: 0.01, relative: 0.1, ci: [0.001, 0.019], relative_ci: [0.011, 0.189] })).toBe('+10.0% (+1.1% … +18.9%)');
    expect(formatLift('rate', { absolute: 0.01, relative: null, ci: [-0.002, 0.022], relative_ci: null })).toBe('+1.00 pts (-0.20 pts … +2.20 pts)');
    expect(formatLift('mean', { absolute: -2.5, relative: null, ci: [-4, -1], relative_ci: null })).toBe('-2.5 (-4 … -1)');
    expect(formatLift('mean', null)).toBe('–');
  });
});

describe('formatExperiment', () => {
  it('a rate readout: a row per variant, the control marked, significance, the sample ratio line', () => {
    const text = formatExperiment(readout({ kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 10000, conversions: 1100 }] }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('conversion rate · control: A · 95% intervals');
    expect(lines[2].split(/\s{2,}/)).toEqual(['variant', 'units', 'conversion rate', 'lift (95% interval)', 'p-value', 'significant at 95%', 'chance to beat control']);
    expect(lines[3].split(/\s{2,}/)).toEqual(['A (control)', '10,000', '10.00%', '–', '–', '–', '–']);
    expect(lines[4].split(/\s{2,}/)).toEqual(['B', '10,000', '11.00%', '+10.0% (+1.1% … +18.9%)', '0.021', 'yes, higher', '98.9%']);
    expect(lines[6]).toBe('sample ratio: 10,000 / 10,000 units against 10,000 / 10,000 planned (χ² = 0.00, p = 1.000): no mismatch (p not below 0.001)');
    expect(text).not.toContain('warning');
  });

  it('a mean readout with several treatments, CUPED, a mismatch and warnings', () => {
    // 2,700 units planned 40 / 30 / 30 %: 1,080 / 810 / 810 expected.
    const v = (name: string, n: number, sum: number) => ({ name, n, sum, sum_squares: sum * 3, covariate_sum: n * 2, covariate_sum_squares: n * 5, cross_sum: sum * 2.2 });
    const report = readout({ kind: 'mean', variants: [v('A', 1000, 2000), v('B', 800, 1700), v('C', 900, 1800)], planned_split: [0.4, 0.3, 0.3], alpha: 0.1 });
    const text = formatExperiment(report);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^mean · control: A · 90% intervals · CUPED: means adjusted for the pre-period covariate \(θ = [-\d.]+, variance cut \d+(–\d+)? %\)$/);
    const cuts = report.variants.map((x) => Math.round(x.cuped!.variance_reduction * 100));
    expect(lines[0]).toContain(`variance cut ${Math.min(...cuts) === Math.max(...cuts) ? cuts[0] : `${Math.min(...cuts)}–${Math.max(...cuts)}`} %`);
    expect(lines[2].split(/\s{2,}/)).toEqual(['variant', 'units', 'mean', 'adjusted mean', 'lift (90% interval)', 'p-value', 'adjusted p', 'significant at 90%', 'chance to beat control']);
    expect(lines[3].split(/\s{2,}/).slice(0, 3)).toEqual(['A (control)', '1,000', '2']);
    expect(lines[4].split(/\s{2,}/).slice(0, 3)).toEqual(['B', '800', '2.125']);
    expect(text).toContain(`sample ratio: 1,000 / 800 / 900 units against 1,080 / 810 / 810 planned (χ² = ${report.srm.chi_square.toFixed(2)}, p = `);
    expect(report.srm.flagged).toBe(report.srm.p_value < 0.001);
    for (const w of report.warnings) expect(text).toContain(`warning: ${w.message}`);
  });

  it('judges significance by the adjusted p-value when there are several treatments', () => {
    const report = readout({ kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 10000, conversions: 1100 }, { name: 'C', n: 10000, conversions: 1010 }] });
    const [, b] = report.variants;
    expect(b.p_value).toBeLessThan(0.05);
    const text = formatExperiment({ ...report, variants: report.variants.map((v) => (v.name === 'B' ? { ...v, p_value: 0.04, p_value_adjusted: 0.08 } : v)) });
    expect(text.split('\n')[4].split(/\s{2,}/).slice(4, 7)).toEqual(['0.040', '0.080', 'no']);
    expect(formatExperiment(report).split('\n')[4].split(/\s{2,}/)[6]).toBe(b.p_value_adjusted! < 0.05 ? 'yes, higher' : 'no');
  });

  it('says MISMATCH when units are off the planned split', () => {
    const text = formatExperiment(readout({ kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 11000, conversions: 1100 }] }));
    expect(text).toMatch(/\(χ² = 47\.62, p = < 0\.001\): MISMATCH \(p below 0\.001\)/); // 2 · 500² / 10,500
    expect(text).toMatch(/^warning: units reached the variants out of the planned proportions/m);
  });
});

describe('a readout from the warehouse and the list', () => {
  it('names the experiment, metric, window and people first, the covariate window in the CUPED line, and ends with the notes', () => {
    // Units (y, x): A (0, 0), (1, 1), (0, 1); B (1, 0), (2, 1), (1, 1). Pooled: Σxy − ΣxΣy/n = 4 − 4·5/6 = 2/3,
    // Σx² − (Σx)²/n = 4 − 16/6 = 4/3, so θ = 0.5.
    const report = readout({
      kind: 'mean',
      variants: [
        { name: 'control', n: 3, sum: 1, sum_squares: 1, covariate_sum: 2, covariate_sum_squares: 2, cross_sum: 1 },
        { name: 'green', n: 3, sum: 4, sum_squares: 6, covariate_sum: 2, covariate_sum_squares: 2, cross_sum: 3 },
      ],
    });
    const source = {
      experiment: 'checkout_button', metric: 'conversions', per_person: 'conversions after exposure (one per order)', unit: 'count' as const, from: '2026-11-01', to: '2026-11-30',
      time_zone: 'UTC', exposed: 1830, excluded_multiple_variants: 4, first_exposure: '2026-11-01T08:00:00.000Z', last_exposure: '2026-11-29T20:00:00.000Z', cuped_days: 14,
    };
    const lines = formatExperiment({ ...report, source, notes: ['4 people (0.2 %) saw more than one variant and are left out'] }).split('\n');
    expect(lines[0]).toBe('checkout_button · conversions (conversions after exposure (one per order)) · 2026-11-01 to 2026-11-30 · 1,830 people exposed');
    expect(lines[1]).toMatch(/^mean · control: control · 95% intervals · CUPED: means adjusted for the 14 days before exposure \(θ = 0.5, variance cut/);
    expect(lines.at(-1)).toBe('note: 4 people (0.2 %) saw more than one variant and are left out');
  });

  it('lists experiments one per row, or says none are loaded', () => {
    const text = formatExperimentList({
      experiments: [{ experiment: 'hero', variants: [{ variant: 'A', people: 1200 }, { variant: 'B', people: 1187 }], people: 2387, first_exposure: '2026-02-10T09:00:00.000Z', last_exposure: '2026-02-24T10:00:00.000Z' }],
    });
    expect(text.split('\n')[1].split(/\s{2,}/)).toEqual(['hero', 'A 1,200 · B 1,187', '2,387', '2026-02-10', '2026-02-24']);
    expect(formatExperimentList({ experiments: [] })).toBe('no experiment_exposure events with properties.experiment and properties.variant are loaded');
  });
});

describe('beacon experiment --plan', () => {
  it('reads the options and prints the units per variant in one sentence', () => {
    const plan = planOf({ baseline: '0.05', mde: '0.1', mdeType: 'relative', alpha: '0.05', power: '0.8' });
    expect(plan).toEqual({ baseline: 0.05, mde: 0.1, mdeType: 'relative', alpha: 0.05, power: 0.8 });
    const size = sampleSizeForRate(plan);
    expect(formatPlan(plan, size)).toBe(
      `${size.perVariant.toLocaleString('en-US')} units per variant (${(size.perVariant * 2).toLocaleString('en-US')} for a control and one treatment) to detect a conversion rate moving from 5.00% to 5.50% (+10.0%) with a two-sided test at alpha 0.05 and 80% power`,
    );
    expect(() => planOf({ baseline: '0.05', mdeType: 'relative', alpha: '0.05', power: '0.8' })).toThrow(/--plan needs --baseline .* and --mde/);
    expect(() => planOf({ baseline: 'five', mde: '0.1', mdeType: 'relative', alpha: '0.05', power: '0.8' })).toThrow('--baseline must be a number, got "five"');
    expect(() => planOf({ baseline: '0.05', mde: '0.1', mdeType: 'points', alpha: '0.05', power: '0.8' })).toThrow(ValidationError);
  });
});

describe('the stats file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beacon-stats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('is read as the body', async () => {
    const body = { kind: 'rate', variants: [{ name: 'A', n: 10, conversions: 1 }] };
    expect(await readStatsFile(file('ok.json', JSON.stringify(body)))).toEqual(body);
  });

  it('that does not parse, or is not an object, is one sentence naming the file', async () => {
    const bad = file('bad.json', '{ "kind": ');
    await expect(readStatsFile(bad)).rejects.toThrow(new RegExp(`^${bad.replace(/[.\\]/g, '\\$&')} is not valid JSON \\(.+\\); it must hold the experiment stats, `));
    const list = file('list.json', '[]');
    await expect(readStatsFile(list)).rejects.toThrow(`${list} must hold one JSON object`);
  });

  it('that does not exist is the system error naming it', async () => {
    await expect(readStatsFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'missing.json') });
  });
});
