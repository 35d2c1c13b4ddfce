// A file written by an engine (COPY … TO), handed on as a stream: the file
// lives in a private temporary directory that is removed once the stream has
// been read or given up, and at once when writing it fails.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Runs `write` with the path of a new file named `name` and returns a stream
 * of what it wrote; the directory (mode 0700) goes when the stream closes.
 *
 * @example const stream = await streamWrittenFile('orders.parquet', (path) => copyTo(path));
 */
export async function streamWrittenFile(name: string, write: (path: string) => Promise<void>): Promise<Readable> {
  const dir = await mkdtemp(join(tmpdir(), 'beacon-export-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, name);
  try {
    await write(path);
  } catch (err) {
    await remove();
    throw err;
  }
  const stream = createReadStream(path);
  stream.once('close', () => void remove());
  return stream;
}
