// beacon segments: the segments (or combinations of segments) of --by that do
// significantly worse than the workspace on a ratio KPI over --from…--to,
// ranked by spend at stake, as POST /v1/segments/underperforming answers it.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatSegments } from '../format-segments.js';
import { collect, optionalNumber } from '../option-values.js';
import { printJson, printLine } from '../output.js';
import { parseFilterOption } from '../query-options.js';

export interface SegmentsOptions {
  metric?: string;
  by?: string;
  from?: string;
  to?: string;
  filter?: string[];
  minSpend?: string;
  maxFalseDiscoveryRate?: string;
}

/**
 * The options as the body POST /v1/segments/underperforming takes; the service checks the values.
 *
 * @example segmentsBody({ metric: 'ctr', by: 'channel,campaign', from: '2026-11-01', to: '2026-11-14', minSpend: '50' })
 * // { metric: 'ctr', dimensions: ['channel', 'campaign'], from: '2026-11-01', to: '2026-11-14', min_spend: 50 }
 */
export function segmentsBody(options: SegmentsOptions): Record<string, unknown> {
  const missing = (['metric', 'by', 'from', 'to'] as const).filter((o) => options[o] === undefined).map((o) => `--${o}`);
  if (missing.length > 0) throw new ValidationError(`missing ${missing.join(', ')}: give --metric M --by DIM[,DIM] --from D --to D`, { field: missing[0].slice(2) });
  const body: Record<string, unknown> = {
    metric: options.metric,
    dimensions: options.by!.split(',').map((d) => d.trim()).filter(Boolean),
    from: options.from,
    to: options.to,
    filters: options.filter?.length ? options.filter.map(parseFilterOption) : undefined,
    min_spend: optionalNumber(options.minSpend, '--min-spend', 'min_spend'),
    max_false_discovery_rate: optionalNumber(options.maxFalseDiscoveryRate, '--max-false-discovery-rate', 'max_false_discovery_rate'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

export function registerSegmentsCommand(program: Command, env: CliEnvironment): void {
  program
    .command('segments')
    .description('underperforming segments: those significantly worse than the workspace on a ratio KPI (CTR, CVR, CPA, CPC, ROAS…), ranked by spend at stake')
    .option('--metric <id>', 'a ratio metric with a better direction: ctr, cvr, cpa, cpc, cpm, roas… (custom ones too)')
    .option('--by <dims>', 'the dimensions whose segments are judged, comma-separated (channel,campaign: their combinations)')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (inclusive)')
    .option('--filter <expr>', 'dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .option('--min-spend <amount>', 'leave out segments that spent less (default 0)')
    .option('--max-false-discovery-rate <q>', 'the expected share of false flags allowed among the flagged (default 0.05)')
    .action(async (options: SegmentsOptions, command: Command) => {
      const body = segmentsBody(options);
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.underperformingSegments(body);
        if (global.json) printJson(report);
        else printLine(formatSegments(report));
      });
    });
}
