// Opens an input as a byte stream, gunzipped when needed, so readers never care
// where the bytes came from (a file for `beacon import`, a body for the HTTP API).

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ValidationError } from '../../core/errors.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * A read stream of the file, gunzipped when its name ends in `.gz` or its first
 * two bytes are the gzip magic (compressed exports are often renamed).
 * @example for await (const r of readRecords(await openInputFile('spend.csv.gz'), 'csv')) …
 */
export async function openInputFile(path: string): Promise<Readable> {
  const compressed = (await startsWithGzipMagic(path)) || path.toLowerCase().endsWith('.gz');
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  return compressed ? gunzip(file) : file;
}

/**
 * An HTTP body as a stream, decoded by its Content-Encoding (gzip or none).
 * @example decodeBody(request.body, request.headers['content-encoding'])
 */
export function decodeBody(body: Buffer, contentEncoding?: string): Readable {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  const raw = Readable.from(sliceBody(body), { objectMode: false });
  if (encoding === '' || encoding === 'identity') return raw;
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzip(raw);
  throw new ValidationError(`unsupported Content-Encoding "${contentEncoding}": send gzip or no encoding`, {
    contentEncoding,
  });
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw toInputFileError(err, path);
  }
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch (err) {
    throw toInputFileError(err, path);
  } finally {
    await handle.close();
  }
}

/** A missing file or a directory is the user's mistake, not a bug. */
function toInputFileError(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ValidationError(`input file not found: ${path}; check the name and the directory you run beacon in`, { path });
  if (code === 'EISDIR') return new ValidationError(`input is a directory, not a file: ${path}; name a file`, { path });
  if (code === 'EACCES') return new ValidationError(`input file is not readable: ${path}; fix its permissions, or import it as a user who may read it`, { path });
  return err;
}

/** Readers turn chunks into strings; 64 KiB views keep that step small without copying. */
function* sliceBody(body: Buffer): Generator<Buffer> {
  const size = 64 * 1024;
  for (let start = 0; start < body.length; start += size) yield body.subarray(start, start + size);
}

/** Gunzips a stream; corrupt or truncated gzip becomes a ValidationError (the input's fault). */
function gunzip(source: Readable): Readable {
  return Readable.from(gunzipChunks(source), { objectMode: false });
}

async function* gunzipChunks(source: Readable): AsyncGenerator<Buffer> {
  const inflate = createGunzip({ chunkSize: 64 * 1024 });
  // pipeline forwards a failing source into `inflate`, and destroying `inflate`
  // (the consumer stopped early) closes the source.
  pipeline(source, inflate, () => {});
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch (err) {
    if (isZlibError(err)) throw new ValidationError(`input is not valid gzip: ${(err as Error).message}`);
    throw err;
  } finally {
    inflate.destroy();
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
