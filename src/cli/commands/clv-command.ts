// beacon clv: fitted BG/NBD and Gamma-Gamma parameters and each customer's
// predicted value, as GET /v1/clv answers them.
import type { Command } from 'commander';
import { withBackend, type CliEnvironment } from '../command-context.js';
import { formatClv } from '../format-clv.js';
import { printJson, printLine } from '../output.js';

interface ClvOptions {
  calibrationEnd?: string;
  timeUnit?: string;
  horizon?: string;
  discount?: string;
  margin?: string;
  top?: string;
  holdoutEnd?: string;
}

export function registerClvCommand(program: Command, env: CliEnvironment): void {
  program
    .command('clv')
    .description('predicted customer lifetime value: RFM from orders, BG/NBD and Gamma-Gamma fits, per-customer predictions')
    .option('--calibration-end <date>', 'last day of the data the models learn from (default yesterday)')
    .option('--time-unit <unit>', 'day | week (the unit of frequency, recency and T)', 'day')
    .option('--horizon <days>', 'days ahead to value', '365')
    .option('--discount <rate>', 'yearly discount rate', '0.1')
    .option('--margin <share>', 'gross margin 0..1 (default: the workspace setting)')
    .option('--top <n>', 'customers to list, highest value first', '20')
    .option('--holdout-end <date>', 'check the fit: predicted against actual purchases from the day after the calibration end to this day')
    .action(async (options: ClvOptions, command: Command) =>
      withBackend(command, env.config.duckdbMemoryLimit, async (backend, global) => {
        const report = await backend.clv({
          calibration_end: options.calibrationEnd,
          time_unit: options.timeUnit,
          horizon_days: options.horizon,
          discount: options.discount,
          margin: options.margin,
          top: options.top,
          holdout_end: options.holdoutEnd,
        });
        if (global.json) printJson(report);
        else printLine(formatClv(report, (await backend.settings()).currency));
      }),
    );
}
