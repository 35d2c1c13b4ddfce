// beacon goals: every goal with its progress, pace and the forecast of its
// period-end value, as GET /v1/goals answers it.
import type { Command } from 'commander';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatGoals } from '../format-goals.js';
import { printJson, printLine } from '../output.js';

export function registerGoalsCommand(program: Command, env: CliEnvironment): void {
  program
    .command('goals')
    .description('goals with actual, % attained, expected by today, status, and the forecast of their period-end value with its interval')
    .action(async (_options, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const goals = await backend.goals();
        if (global.json) return printJson({ goals });
        const [catalog, settings] = await Promise.all([backend.catalog(), backend.settings()]);
        printLine(formatGoals(goals, new Map(catalog.map((m) => [m.id, m.unit])), settings.currency));
      }),
    );
}
