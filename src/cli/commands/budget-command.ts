// beacon budget: a budget split across channels or campaigns from their
// response curves, as POST /v1/budget/recommend answers it.
import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatBudget } from '../format-budget.js';
import { printJson, printLine } from '../output.js';
import { parseFilterOption } from '../query-options.js';
import { collect, optionalNumber } from '../option-values.js';

export interface BudgetOptions {
  total?: string;
  by?: string;
  from?: string;
  to?: string;
  objective?: string;
  targetRoas?: string;
  targetCpa?: string;
  model?: string;
  min?: string[];
  max?: string[];
  lock?: string[];
  maxChange?: string;
  filter?: string[];
}

/**
 * The options as the body POST /v1/budget/recommend takes; the service checks the values.
 *
 * @example budgetBody({ total: '50000', from: '2026-08-23', to: '2026-11-20', max: ['Paid Search=30000'] })
 * // { total_budget: 50000, from: '2026-08-23', to: '2026-11-20', max: { 'Paid Search': 30000 } }
 */
export function budgetBody(options: BudgetOptions): Record<string, unknown> {
  const missing = (['total', 'from', 'to'] as const).filter((o) => options[o] === undefined).map((o) => `--${o}`);
  if (missing.length > 0) throw new ValidationError(`missing ${missing.join(', ')}: give --total AMOUNT --from D --to D`, { field: missing[0].slice(2) });
  const body: Record<string, unknown> = {
    total_budget: optionalNumber(options.total, '--total', 'total_budget'),
    by: options.by,
    from: options.from,
    to: options.to,
    objective: options.objective,
    target_roas: optionalNumber(options.targetRoas, '--target-roas', 'target_roas'),
    target_cpa: optionalNumber(options.targetCpa, '--target-cpa', 'target_cpa'),
    model: options.model,
    min: amounts(options.min, '--min', 'min'),
    max: amounts(options.max, '--max', 'max'),
    locked: options.lock?.length ? options.lock : undefined,
    max_change_percent: optionalNumber(options.maxChange, '--max-change', 'max_change_percent'),
    filters: options.filter?.length ? options.filter.map(parseFilterOption) : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** `key=amount` options as an object (the key may hold spaces, the last `=` splits). */
function amounts(texts: string[] | undefined, option: string, field: string): Record<string, number> | undefined {
  if (!texts?.length) return undefined;
  return Object.fromEntries(
    texts.map((text) => {
      const at = text.lastIndexOf('=');
      const amount = at > 0 ? optionalNumber(text.slice(at + 1), option, field) : undefined;
      if (at <= 0 || amount === undefined) throw new ValidationError(`${option} takes KEY=AMOUNT, e.g. ${option} "Paid Search=30000" (got "${text}")`, { field });
      return [text.slice(0, at), amount];
    }),
  );
}

export function registerBudgetCommand(program: Command, env: CliEnvironment): void {
  program
    .command('budget')
    .description('split a budget across channels or campaigns from response curves fitted on --from…--to: current vs recommended spend, expected outcome, marginal ROAS, and why')
    .option('--total <amount>', 'the budget for a period as long as --from…--to')
    .option('--by <dim>', 'channel | campaign (default channel)')
    .option('--from <date>', 'first day of the history the curves are fitted on, YYYY-MM-DD')
    .option('--to <date>', 'last day of that history (at least 30 days after --from)')
    .option('--objective <what>', 'revenue | conversions (default revenue)')
    .option('--target-roas <x>', 'spend the most that keeps revenue ÷ spend at least this')
    .option('--target-cpa <amount>', 'spend the most that keeps spend ÷ conversions at most this')
    .option('--model <model>', 'attribution model the outcomes are credited by (default the workspace’s)')
    .option('--min <key=amount>', 'the least a key may get over the period; repeat', collect)
    .option('--max <key=amount>', 'the most a key may get over the period; repeat', collect)
    .option('--lock <key>', 'keep this key’s spend as it is; repeat', collect)
    .option('--max-change <percent>', 'how far a key may move from its current spend where --min/--max do not say (default 50)')
    .option('--filter <expr>', 'dim=v1,v2 (in) | dim!=v1,v2 (not in) | dim~text (contains); repeat to AND', collect)
    .action(async (options: BudgetOptions, command: Command) => {
      const body = budgetBody(options);
      await withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.budget(body);
        if (global.json) printJson(report);
        else printLine(formatBudget(report));
      });
    });
}
