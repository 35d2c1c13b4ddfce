// Loaded (node --import) before the CLI in a child process: makes one step
// fail with a plain Error, as a bug in Beacon would, so the CLI's answer to a
// bug can be seen. BEACON_TEST_FAULT names the step: `stat` (of a file whose
// name holds .fault.) or `timer` (an error thrown in a timer, outside any command).
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const fault = process.env.BEACON_TEST_FAULT;

if (fault === 'stat') {
  const stat = fs.stat;
  fs.stat = ((path: Parameters<typeof stat>[0], ...rest: [Parameters<typeof stat>[1]?]) => {
    if (String(path).includes('.fault.')) return Promise.reject(new Error('injected fault in stat'));
    return stat(path, ...rest);
  }) as typeof stat;
  syncBuiltinESMExports();
}

if (fault === 'timer') {
  setTimeout(() => {
    throw new Error('injected fault in a timer');
  }, 1_500);
}
