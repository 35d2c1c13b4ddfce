// A clean install on the Node.js Beacon supports: every package the lock file
// installs accepts the running Node (npm ci warns EBADENGINE otherwise), and
// .ci/run refuses an older node before installing, saying how to get one.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// semver comes with fastify (and is npm's own); it has no types of its own.
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}

describe('the lock file', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const installed = Object.entries(lock.packages).filter(([path]) => path !== '');

  it(`installs only packages whose engines.node accepts the running Node ${process.version}`, () => {
    const refusing = installed
      // An optional package that does not fit this Node is left out by npm, without a warning.
      .filter(([, pkg]) => !pkg.optional)
      .map(([path, pkg]) => ({ path, version: pkg.version, node: Array.isArray(pkg.engines) ? undefined : pkg.engines?.node }))
      .filter((pkg) => pkg.node !== undefined && !semver.satisfies(process.version, pkg.node));
    expect(refusing).toEqual([]);
  });

  it('holds the overridden cookie and content-disposition, the newest that run on Node 20', () => {
    const versions = (name: string) => installed.filter(([path]) => path.endsWith(`node_modules/${name}`)).map(([, pkg]) => pkg.version);
    expect(versions('cookie')).toEqual(['1.1.1']);
    expect(versions('content-disposition')).toEqual(['2.0.1']);
  });
});

describe('.ci/check-node', () => {
  const dir = tempDir('check-node');
  afterAll(() => dir.remove());

  /** Runs the check with `bin` first on PATH (a fake node, or no node at all with `only`). */
  function check(bin: string, only = false) {
    const path = only ? bin : `${bin}:${process.env.PATH}`;
    return spawnSync('/bin/bash', [join(ROOT, '.ci/check-node')], { env: { PATH: path }, encoding: 'utf8' });
  }

  function fakeNode(name: string, version: string): string {
    const bin = join(dir.path, name);
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'node'), `#!/bin/sh\necho ${version}\n`);
    chmodSync(join(bin, 'node'), 0o755);
    return bin;
  }

  it('refuses Node 18 and says how to get Node 20', () => {
    const result = check(fakeNode('node18', 'v18.19.1'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Beacon needs Node.js >=20');
    expect(result.stderr).toContain('is v18.19.1');
    expect(result.stderr).toContain('install Node.js 20 or later (for example nvm install 20');
  });

  it('accepts Node 20 and later', () => {
    for (const version of ['v20.0.0', 'v22.11.0']) {
      const result = check(fakeNode(`node-${version}`, version));
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    }
  });

  it('says how to get Node when there is none on PATH', () => {
    const bin = join(dir.path, 'no-node');
    mkdirSync(bin, { recursive: true });
    for (const tool of ['sed', 'head', 'dirname']) symlinkSync(spawnSync('/bin/bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
    const result = check(bin, true);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Beacon needs Node.js >=20 and there is no node on PATH: install Node.js 20 or later');
  });
});
