// beacon audit: the data-quality audit, as GET /v1/quality answers it. With
// --fail-on, the exit code is 1 when a finding is that severe (or more), so a
// scheduled job can stop a pipeline on it.
import { Option, type Command } from 'commander';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatQuality } from '../format-quality.js';
import { printJson, printLine } from '../output.js';

export function registerAuditCommand(program: Command, env: CliEnvironment): void {
  program
    .command('audit')
    .description('data-quality findings: impossible ad rows, conversions with no visit, unknown UTM campaigns, money without fx rates, tracking gaps, platform vs tracked conversions, duplicates, stale sources')
    .addOption(new Option('--fail-on <severity>', 'exit with code 1 when a finding is at least this severe').choices(['error', 'warning']))
    .action(async (options: { failOn?: 'error' | 'warning' }, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.quality();
        if (global.json) printJson(report);
        else printLine(formatQuality(report));
        const failing = options.failOn === 'warning' ? report.summary.error + report.summary.warning : options.failOn === 'error' ? report.summary.error : 0;
        if (failing > 0) env.exitCode = 1;
      }),
    );
}
