// beacon experiment: an A/B readout from a file of each variant's sufficient
// statistics, as POST /v1/experiments/analyze answers it; or, with --plan,
// the units per variant a test of a conversion rate needs.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { BeaconError, ValidationError } from '../../core/errors.js';
import { sampleSizeForRate, type MdeType } from '../../experiments/sample-size.js';
import { withBackend, globalOptions, type CliEnvironment } from '../command-context.js';
import { formatExperiment, formatPlan, type RatePlan } from '../format-experiment.js';
import { printJson, printLine } from '../output.js';

interface ExperimentOptions {
  stats?: string;
  plan?: boolean;
  baseline?: string;
  mde?: string;
  mdeType: string;
  alpha: string;
  power: string;
}

const STATS_SHAPE = '{ "kind": "rate", "variants": [{ "name", "n", "conversions" }, …] } or { "kind": "mean", "variants": [{ "name", "n", "sum", "sum_squares" }, …] }';

/**
 * The stats body a file holds; a missing file is the system's error (it names the file), an unparsable one a sentence naming it.
 *
 * @example await readStatsFile('ab.json') // { kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, …] }
 */
export async function readStatsFile(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`${file} is not valid JSON (${(err as Error).message}); it must hold the experiment stats, ${STATS_SHAPE}`, { field: '--stats' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(`${file} must hold one JSON object, the experiment stats: ${STATS_SHAPE}`, { field: '--stats' });
  }
  return value as Record<string, unknown>;
}

function number(option: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) throw new ValidationError(`${option} must be a number, got "${text ?? ''}"`, { field: option });
  return value;
}

/**
 * The plan the --plan options describe.
 *
 * @example planOf({ plan: true, baseline: '0.05', mde: '0.1', mdeType: 'relative', alpha: '0.05', power: '0.8' })
 * // { baseline: 0.05, mde: 0.1, mdeType: 'relative', alpha: 0.05, power: 0.8 }
 */
export function planOf(options: ExperimentOptions): RatePlan {
  if (options.baseline === undefined || options.mde === undefined) throw new ValidationError('--plan needs --baseline (the control\'s conversion rate, e.g. 0.05) and --mde (the lift to detect, e.g. 0.1 for +10 %)');
  if (options.mdeType !== 'relative' && options.mdeType !== 'absolute') throw new ValidationError(`--mde-type must be relative or absolute, got "${options.mdeType}"`, { field: '--mde-type' });
  return {
    baseline: number('--baseline', options.baseline),
    mde: number('--mde', options.mde),
    mdeType: options.mdeType as MdeType,
    alpha: number('--alpha', options.alpha),
    power: number('--power', options.power),
  };
}

export function registerExperimentCommand(program: Command, env: CliEnvironment): void {
  program
    .command('experiment')
    .description('A/B readout from each variant\'s sufficient statistics: lift with its interval, p-value, chance to beat the control, sample ratio check; or the sample size a test needs')
    .option('--stats <file>', `JSON file of the variants' statistics: ${STATS_SHAPE}; first variant = control unless "control" names one; optional "planned_split", "alpha", "prior", "sequential"`)
    .option('--plan', 'instead of a readout: units per variant to detect a change of a conversion rate')
    .option('--baseline <rate>', 'with --plan: the control\'s conversion rate, e.g. 0.05')
    .option('--mde <lift>', 'with --plan: the minimum detectable effect, relative (0.1 = +10 %) unless --mde-type absolute')
    .option('--mde-type <type>', 'with --plan: relative | absolute (in rate units: 0.005 = half a point)', 'relative')
    .option('--alpha <level>', 'with --plan: significance level of the two-sided test', '0.05')
    .option('--power <power>', 'with --plan: chance to detect the effect when it is there', '0.8')
    .action(async (options: ExperimentOptions, command: Command) => {
      if (options.plan) {
        if (options.stats !== undefined) throw new ValidationError('give either --stats FILE (a readout) or --plan (a sample size), not both');
        const plan = planOf(options);
        const size = sampleSizeForRate(plan);
        if (globalOptions(command).json) printJson({ per_variant: size.perVariant, exact: size.exact, absolute_effect: size.absoluteEffect, baseline: plan.baseline, mde: plan.mde, mde_type: plan.mdeType, alpha: plan.alpha, power: plan.power });
        else printLine(formatPlan(plan, size));
        return;
      }
      if (options.stats === undefined) throw new ValidationError('give --stats FILE (the variants\' statistics, see beacon experiment --help) or --plan --baseline R --mde X (a sample size)');
      const file = options.stats;
      const body = await readStatsFile(file);
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        let report;
        try {
          report = await backend.experiment(body);
        } catch (err) {
          // Name the file a bad field is in.
          if (err instanceof BeaconError && err.status === 400) throw new BeaconError(err.status, err.code, `${file}: ${err.message}`, err.details);
          throw err;
        }
        if (global.json) printJson(report);
        else printLine(formatExperiment(report));
      });
    });
}
