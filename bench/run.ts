// npm run bench: every benchmark, each printing its figure beside a baseline
// measured in the same run. Options: --only ingest|overview, --events N
// (ingestion, default 1,000,000), --runs N (ingestion runs, default 3),
// --overview-events N (default 10,000,000), --ad-rows N (default 1,000,000),
// --query-runs N (default 20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchIngest } from './ingest-bench.js';
import { benchOverview } from './overview-bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    'overview-events': { type: 'string', default: '10000000' },
    'ad-rows': { type: 'string', default: '1000000' },
    'query-runs': { type: 'string', default: '20' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'beacon-bench-'));
try {
  console.log(`Beacon benchmarks · node ${process.version} · ${new Date().toISOString()}`);
  if (!values.only || values.only === 'ingest') await benchIngest(dir, Number(values.events), Number(values.runs));
  if (!values.only || values.only === 'overview') {
    await benchOverview(dir, Number(values['overview-events']), Number(values['ad-rows']), Number(values['query-runs']));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
