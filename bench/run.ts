// npm run bench: every benchmark, each printing its figure beside a baseline
// measured in the same run. Options: --events N (default 1,000,000), --runs N (default 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchIngest } from './ingest-bench.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } });
const dir = mkdtempSync(join(tmpdir(), 'beacon-bench-'));
try {
  console.log(`Beacon benchmarks · node ${process.version} · ${new Date().toISOString()}`);
  await benchIngest(dir, Number(values.events), Number(values.runs));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
