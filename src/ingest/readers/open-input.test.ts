import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { decodeBody, openInputFile } from './open-input.js';

async function text(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

const CONTENT = 'a,b\n1,2\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beacon-open-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openInputFile', () => {
  it('reads a plain file as is', async () => {
    const path = join(dir, 'plain.csv');
    await writeFile(path, CONTENT);
    expect(await text(await openInputFile(path))).toBe(CONTENT);
  });

  it('gunzips a .gz file', async () => {
    const path = join(dir, 'data.csv.gz');
    await writeFile(path, gzipSync(CONTENT));
    expect(await text(await openInputFile(path))).toBe(CONTENT);
  });

  it('gunzips a file that starts with the gzip magic even without .gz', async () => {
    const path = join(dir, 'renamed.csv');
    await writeFile(path, gzipSync(CONTENT));
    expect(await text(await openInputFile(path))).toBe(CONTENT);
  });

  it('fails with ValidationError on a .gz file that is not gzip', async () => {
    const path = join(dir, 'fake.csv.gz');
    await writeFile(path, CONTENT);
    await expect(text(await openInputFile(path))).rejects.toBeInstanceOf(ValidationError);
  });

  it('fails with ValidationError on a missing file', async () => {
    await expect(openInputFile(join(dir, 'missing.csv'))).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('decodeBody', () => {
  it('passes an unencoded body through', async () => {
    expect(await text(decodeBody(Buffer.from(CONTENT)))).toBe(CONTENT);
    expect(await text(decodeBody(Buffer.from(CONTENT), 'identity'))).toBe(CONTENT);
  });

  it('gunzips a gzip body', async () => {
    expect(await text(decodeBody(gzipSync(CONTENT), 'gzip'))).toBe(CONTENT);
  });

  it('rejects an unsupported encoding with ValidationError', () => {
    expect(() => decodeBody(Buffer.from(CONTENT), 'br')).toThrow(ValidationError);
  });

  it('fails with ValidationError on a truncated gzip body', async () => {
    const gz = gzipSync(CONTENT);
    await expect(text(decodeBody(gz.subarray(0, gz.length - 6), 'gzip'))).rejects.toBeInstanceOf(ValidationError);
  });
});
