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
import { sampleSizeForRate } from '../experiments/sample-size.js';
import { planOf, readStatsFile } from './commands/experiment-command.js';
import { formatChance, formatExperiment, formatLift, formatPlan, formatPValue, formatValue } from './format-experiment.js';

const readout = (body: unknown) => analyzeExperiment(parseExperimentStats(checkExperimentBody(body)));

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
    expect(lines[0]).toBe('conversion rate · control A · 95% intervals');
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
    expect(lines[0]).toMatch(/^mean · control A · 90% intervals · CUPED: means adjusted for the pre-period covariate \(θ = [-\d.]+\)$/);
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

describe('beacon experiment --plan', () => {
  it('reads the options and prints the units per variant in one sentence', () => {
    const plan = planOf({ plan: true, baseline: '0.05', mde: '0.1', mdeType: 'relative', alpha: '0.05', power: '0.8' });
    expect(plan).toEqual({ baseline: 0.05, mde: 0.1, mdeType: 'relative', alpha: 0.05, power: 0.8 });
    const size = sampleSizeForRate(plan);
    expect(formatPlan(plan, size)).toBe(
      `${size.perVariant.toLocaleString('en-US')} units per variant (${(size.perVariant * 2).toLocaleString('en-US')} for a control and one treatment) to detect a conversion rate moving from 5.00% to 5.50% (+10.0%) with a two-sided test at alpha 0.05 and 80% power`,
    );
    expect(() => planOf({ plan: true, baseline: '0.05', mdeType: 'relative', alpha: '0.05', power: '0.8' })).toThrow(/--plan needs --baseline .* and --mde/);
    expect(() => planOf({ plan: true, baseline: 'five', mde: '0.1', mdeType: 'relative', alpha: '0.05', power: '0.8' })).toThrow('--baseline must be a number, got "five"');
    expect(() => planOf({ plan: true, baseline: '0.05', mde: '0.1', mdeType: 'points', alpha: '0.05', power: '0.8' })).toThrow(ValidationError);
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
