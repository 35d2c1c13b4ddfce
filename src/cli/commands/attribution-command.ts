// beacon attribution: multi-touch attribution over the journeys of a period,
// or over a path file; one model or `--model compare`.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { MODEL_DESCRIPTIONS } from '../../attribution/model-descriptions.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatAttribution } from '../format-attribution.js';
import { printJson, printLine } from '../output.js';

interface AttributionOptions {
  model: string;
  by?: string;
  from?: string;
  to?: string;
  paths?: string;
  lookback?: string;
  halfLife?: string;
  order?: string;
  weights?: string;
  viewThrough?: boolean;
  intervals?: boolean;
  resamples?: string;
  seed?: string;
  sampling?: boolean;
}

const number = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new ValidationError(`${name} must be a number, got "${text}"`);
  return n;
};

/** The options as the body POST /v1/attribution takes; the service checks the values. */
export async function attributionBody(options: AttributionOptions): Promise<Record<string, unknown>> {
  const weights = options.weights?.split(',').map((w) => number(w.trim(), '--weights')!);
  if (weights && weights.length !== 3) throw new ValidationError(`--weights takes first,middle,last (e.g. 0.4,0.2,0.4), got "${options.weights}"`);
  return Object.fromEntries(
    Object.entries({
      model: options.model,
      ...(options.paths ? { paths: await readFile(options.paths, 'utf8') } : { dimension: options.by ?? 'channel', from: options.from, to: options.to }),
      lookback_days: number(options.lookback, '--lookback'),
      half_life_days: number(options.halfLife, '--half-life'),
      order: options.order === 'auto' ? 'auto' : number(options.order, '--order'),
      position_weights: weights ? { first: weights[0], middle: weights[1], last: weights[2] } : undefined,
      view_through: options.viewThrough,
      intervals: options.intervals,
      resamples: number(options.resamples, '--resamples'),
      seed: number(options.seed, '--seed'),
      sampling: options.sampling,
    }).filter(([, value]) => value !== undefined),
  );
}

export function registerAttributionCommand(program: Command, env: CliEnvironment): void {
  program
    .command('attribution')
    .description('credit conversions to channels, campaigns, ad groups or ads under an attribution model')
    .requiredOption('--model <model>', `${MODEL_DESCRIPTIONS.map((m) => m.id).join(' | ')} | compare (every model side by side)`)
    .option('--by <dimension>', 'channel | campaign | ad_group | ad', 'channel')
    .option('--from <date>', 'first day of the conversions, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (inclusive)')
    .option('--paths <file>', 'instead of --from/--to: aggregated paths, path;total_conversions;total_conversion_value;total_null')
    .option('--lookback <days>', 'days before a conversion a touch may be (default: the workspace setting)')
    .option('--half-life <days>', 'time_decay: half-life in days (default 7)')
    .option('--order <k>', 'markov: order 1-4, or auto (default 1)')
    .option('--weights <first,middle,last>', 'position_based: shares summing to 1 (default 0.4,0.2,0.4)')
    .option('--view-through', 'count ad impressions as touches (1-day lookback)')
    .option('--intervals', 'add a 90 % bootstrap interval to each row')
    .option('--resamples <n>', 'bootstrap resamples (default 200)')
    .option('--seed <n>', 'seed of the bootstrap and of sampling (default 1)')
    .option('--sampling', 'shapley: allow permutation sampling above 15 channels')
    .addHelpText('after', `\nModels:\n${MODEL_DESCRIPTIONS.map((m) => `  ${m.id.padEnd(16)}${m.description}`).join('\n')}\n`)
    .action(async (options: AttributionOptions, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.attribution(await attributionBody(options));
        if (global.json) printJson(report);
        else printLine(formatAttribution(report, (await backend.settings()).currency));
      }),
    );
}
