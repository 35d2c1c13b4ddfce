// A small file system of its own for a test (mounting needs root, as CI is):
// a full disk or a read-only one, whatever the machine's own disks are.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export const canMount = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` (e.g. '1m') at `path`, made if missing; read-only with `readOnly`. */
export function mountTmpfs(path: string, size: string, readOnly = false): void {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', path]);
}

export function unmount(path: string): void {
  execFileSync('umount', [path]);
}
