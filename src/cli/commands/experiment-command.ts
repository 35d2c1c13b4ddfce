// beacon experiment: an A/B readout, as POST /v1/experiments/analyze answers
// it, from the workspace's experiment_exposure events (--name, --metric) or
// from a file of each variant's sufficient statistics (--stats); with --list
// the experiments the exposures name; with --plan the units per variant a
// test of a conversion rate needs.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { BeaconError, ValidationError } from '../../core/errors.js';
import { sampleSizeForRate, type MdeType } from '../../experiments/sample-size.js';
import { withBackend, globalOptions, type CliEnvironment } from '../command-context.js';
import { formatExperiment, formatExperimentList, formatPlan, type RatePlan } from '../format-experiment.js';
import { printJson, printLine } from '../output.js';

interface ExperimentOptions {
  stats?: string;
  name?: string;
  metric?: string;
  from?: string;
  to?: string;
  control?: string;
  cuped: boolean;
  cupedDays?: string;
  sequential?: boolean;
  list?: boolean;
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
export function planOf(options: Pick<ExperimentOptions, 'baseline' | 'mde' | 'mdeType' | 'alpha' | 'power'>): RatePlan {
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

/**
 * The warehouse form of the request the --name options describe.
 *
 * @example exposureBody({ name: 'checkout_button', metric: 'visitor_cvr', from: '2026-11-01', cuped: true, alpha: '0.05', … })
 * // { experiment: 'checkout_button', metric: 'visitor_cvr', from: '2026-11-01' }
 */
export function exposureBody(options: ExperimentOptions, alphaGiven: boolean): Record<string, unknown> {
  if (options.metric === undefined) throw new ValidationError('--name needs --metric: visitor_cvr, conversions, revenue, pageviews or an event type such as purchase', { field: '--metric' });
  const metrics = options.metric.split(',').map((m) => m.trim());
  return {
    experiment: options.name,
    ...(metrics.length === 1 ? { metric: metrics[0] } : { metrics }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.control === undefined ? {} : { control: options.control }),
    ...(options.cuped ? {} : { cuped: false }),
    ...(options.cupedDays === undefined ? {} : { cuped_days: number('--cuped-days', options.cupedDays) }),
    ...(options.sequential ? { sequential: true } : {}),
    ...(alphaGiven ? { alpha: number('--alpha', options.alpha) } : {}),
  };
}

/** Which of the command's forms the options ask for; a sentence when they mix two or name none. */
function formOf(options: ExperimentOptions): 'plan' | 'list' | 'stats' | 'name' {
  const forms = (['plan', 'list', 'stats', 'name'] as const).filter((f) => options[f] !== undefined && options[f] !== false);
  if (forms.length === 1) return forms[0];
  if (forms.length > 1) throw new ValidationError(`give one of --name (a readout from the exposures), --stats FILE, --list or --plan, not ${forms.map((f) => `--${f}`).join(' and ')}`);
  throw new ValidationError(
    'give --name EXP --metric M (a readout from the experiment_exposure events), --stats FILE (the variants\' statistics), --list (the experiments loaded) or --plan --baseline R --mde X (a sample size)',
  );
}

export function registerExperimentCommand(program: Command, env: CliEnvironment): void {
  program
    .command('experiment')
    .description(
      'A/B readout from the experiment_exposure events or from each variant\'s sufficient statistics: lift with its interval, p-value, chance to beat the control, sample ratio check; the experiments loaded; or the sample size a test needs',
    )
    .option('--name <experiment>', 'read out this experiment (properties.experiment of its experiment_exposure events); the first exposure picks a person\'s variant')
    .option('--metric <metric>', 'with --name: visitor_cvr, conversions, revenue, pageviews, or an event type (did the person do it after exposure); several, comma-separated, are read together with their p-values corrected across all')
    .option('--from <date>', 'with --name: first local date whose exposures count (default: the first exposure)')
    .option('--to <date>', 'with --name: last local date of the test (default: today)')
    .option('--control <variant>', 'with --name: the control variant (default: one named control, else the first by name)')
    .option('--no-cuped', 'with --name: no CUPED adjustment for the metric before exposure')
    .option('--cuped-days <days>', 'with --name: the days before exposure CUPED uses (default 14)')
    .option('--sequential', 'with --name: always-valid intervals and p-values, safe to look at every day')
    .option('--list', 'the experiments the experiment_exposure events name, with their people per variant')
    .option('--stats <file>', `JSON file of the variants' statistics: ${STATS_SHAPE}; first variant = control unless "control" names one; optional "planned_split", "alpha", "prior", "sequential"`)
    .option('--plan', 'instead of a readout: units per variant to detect a change of a conversion rate')
    .option('--baseline <rate>', 'with --plan: the control\'s conversion rate, e.g. 0.05')
    .option('--mde <lift>', 'with --plan: the minimum detectable effect, relative (0.1 = +10 %) unless --mde-type absolute')
    .option('--mde-type <type>', 'with --plan: relative | absolute (in rate units: 0.005 = half a point)', 'relative')
    .option('--alpha <level>', 'with --plan or --name: significance level of the two-sided test', '0.05')
    .option('--power <power>', 'with --plan: chance to detect the effect when it is there', '0.8')
    .action(async (options: ExperimentOptions, command: Command) => {
      const form = formOf(options);
      if (form === 'plan') {
        const plan = planOf(options);
        const size = sampleSizeForRate(plan);
        if (globalOptions(command).json) printJson({ per_variant: size.perVariant, exact: size.exact, absolute_effect: size.absoluteEffect, baseline: plan.baseline, mde: plan.mde, mde_type: plan.mdeType, alpha: plan.alpha, power: plan.power });
        else printLine(formatPlan(plan, size));
        return;
      }
      if (form === 'list') {
        await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
          const list = await backend.experiments();
          if (global.json) printJson(list);
          else printLine(formatExperimentList(list));
        });
        return;
      }
      const file = options.stats;
      const body = form === 'stats' ? await readStatsFile(file!) : exposureBody(options, command.getOptionValueSource('alpha') === 'cli');
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        let report;
        try {
          report = await backend.experiment(body);
        } catch (err) {
          // Name the file a bad field is in.
          if (file !== undefined && err instanceof BeaconError && err.status === 400) throw new BeaconError(err.status, err.code, `${file}: ${err.message}`, err.details);
          throw err;
        }
        if (global.json) printJson(report);
        else printLine(formatExperiment(report));
      });
    });
}
