// A running server leaves a file beside its database, readable only by its
// user, with its address and a local token: other Beacon processes that find
// the database locked go through the server instead of failing.
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';

export interface ServerFile {
  url: string;
  pid: number;
  token: string;
}

export function serverFilePath(dbPath: string): string {
  return `${dbPath}.server.json`;
}

/**
 * Writes the file owner-only, also over a stale one: a new file is made and
 * renamed into place, so an old file's mode (once 0644) never carries over to
 * the token.
 */
export async function writeServerFile(dbPath: string, info: ServerFile): Promise<void> {
  const path = serverFilePath(dbPath);
  const fresh = `${path}.${process.pid}.tmp`;
  await rm(fresh, { force: true });
  await writeFile(fresh, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
  await chmod(fresh, 0o600);
  await rename(fresh, path);
}

export async function removeServerFile(dbPath: string): Promise<void> {
  await rm(serverFilePath(dbPath), { force: true });
}

/** The server file of a live process, or undefined (missing, unreadable, or stale). */
export async function findRunningServer(dbPath: string): Promise<ServerFile | undefined> {
  let info: ServerFile;
  try {
    info = JSON.parse(await readFile(serverFilePath(dbPath), 'utf8')) as ServerFile;
  } catch {
    return undefined;
  }
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
