// beacon alerts: list the rules, create one from a JSON file, delete one, show
// the history of firings, acknowledge a firing, and run a rule now; the same
// bodies as /v1/alerts.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.js';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatAlerts, formatEvaluation, formatFirings } from '../format-alerts.js';
import { printJson, printLine } from '../output.js';

export function registerAlertsCommand(program: Command, env: CliEnvironment): void {
  const alerts = program.command('alerts').description('alert rules and their firings (list, create, delete, history, ack, run)');
  const run = <T>(command: Command, work: Parameters<typeof withBackend<T>>[2]) =>
    withBackend(command, env.config.duckdbMemoryLimit, work, { webhooks: { policy: { allowPrivate: env.config.webhookAllowPrivate, allow: env.config.webhookAllow } } });

  alerts
    .command('list', { isDefault: true })
    .description('every rule with its state and next run')
    .action(async (_options, command: Command) =>
      run(command, async (backend, global) => {
        const rules = await backend.alerts();
        if (global.json) printJson({ alerts: rules });
        else printLine(formatAlerts(rules));
      }),
    );

  alerts
    .command('create <file>')
    .description('create a rule from a JSON file holding the POST /v1/alerts body')
    .action(async (file: string, _options, command: Command) =>
      run(command, async (backend, global) => {
        const rule = await backend.createAlert(await readRuleFile(file));
        if (global.json) printJson(rule);
        else printLine(`created alert rule ${rule.id} (${rule.name})`);
      }),
    );

  alerts
    .command('delete <id>')
    .description('delete a rule (its firings stay in the history)')
    .action(async (id: string, _options, command: Command) =>
      run(command, async (backend, global) => {
        await backend.deleteAlert(id);
        if (global.json) printJson({ deleted: id });
        else printLine(`deleted alert rule ${id}`);
      }),
    );

  alerts
    .command('history')
    .description('firings, newest first, with the value, the segments, the action and the webhook delivery')
    .option('--rule <id>', 'only this rule’s firings')
    .option('--limit <n>', 'at most this many firings')
    .action(async (options: { rule?: string; limit?: string }, command: Command) =>
      run(command, async (backend, global) => {
        const limit = options.limit === undefined ? undefined : Number(options.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new ValidationError(`--limit must be a whole number above 0, got "${options.limit}"`, { field: '--limit' });
        const firings = await backend.alertHistory({ ...(options.rule ? { ruleId: options.rule } : {}), ...(limit === undefined ? {} : { limit }) });
        if (global.json) printJson({ firings });
        else printLine(formatFirings(firings));
      }),
    );

  alerts
    .command('ack <id>')
    .description('silence a rule’s firing until its condition clears')
    .requiredOption('--comment <text>', 'why')
    .action(async (id: string, options: { comment: string }, command: Command) =>
      run(command, async (backend, global) => {
        const state = await backend.acknowledgeAlert(id, options.comment);
        if (global.json) printJson({ state });
        else printLine(`acknowledged alert rule ${id}: silent until its condition clears`);
      }),
    );

  alerts
    .command('run <id>')
    .description('evaluate a rule now: fires (and sends its webhook) when its condition holds')
    .action(async (id: string, _options, command: Command) =>
      run(command, async (backend, global) => {
        const evaluation = await backend.runAlert(id);
        if (global.json) printJson(evaluation);
        else printLine(formatEvaluation(evaluation));
      }),
    );
}

async function readRuleFile(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`${file} is not valid JSON (${(err as Error).message}); it must hold one alert rule, the POST /v1/alerts body`, { field: 'file' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ValidationError(`${file} must hold one JSON object, the POST /v1/alerts body`, { field: 'file' });
  return value as Record<string, unknown>;
}
