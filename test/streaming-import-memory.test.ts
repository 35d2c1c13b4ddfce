// A 1 GB CSV streams through `beacon import` (the built CLI) in a child
// process whose peak resident memory stays under 500 MB: memory does not grow
// with the file.
import { createWriteStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('memory');
afterAll(() => dir.remove());

const GIGABYTE = 1024 ** 3;
const PADDING = 'x'.repeat(900);

/** Writes events as CSV until the file passes `bytes`; returns the number of records. */
async function writeCsv(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('event_id,type,timestamp,anonymous_id,url,properties\n');
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++, n++) {
      const ts = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
      lines.push(`m${n},page_view,${ts},anon-${n % 20000},https://shop.example/p/${n % 300}?utm_source=news,"{""note"":""${PADDING}""}"\n`);
    }
    const chunk = lines.join('');
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

describe('streaming import', () => {
  it('imports a 1 GB CSV with resident memory under 500 MB', async () => {
    const file = join(dir.path, 'events.csv');
    const records = await writeCsv(file, GIGABYTE);
    expect(statSync(file).size).toBeGreaterThanOrEqual(GIGABYTE);
    // The shipped build (npm test builds first), with its default import settings.
    const child = startCli(['--db', join(dir.path, 'm.duckdb'), '--json', 'import', 'events', file], {}, true);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    let peak = 0;
    const poll = setInterval(() => {
      peakRss(child.pid!).then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    }, 250);
    const [code] = (await once(child, 'exit')) as [number];
    clearInterval(poll);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({ accepted: records, rejected: 0 });
    console.log(`beacon import of ${(statSync(file).size / 1024 ** 3).toFixed(2)} GB: peak RSS ${(peak / 1024 ** 2).toFixed(0)} MB`);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(500 * 1024 * 1024);
  }, 1_800_000);
});
