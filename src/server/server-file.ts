// A running server leaves a file beside its database, readable only by its
// user, with its address and a local token: other Beacon processes that find
// the database locked go through the server instead of failing.
import { readFile, rm, writeFile } from 'node:fs/promises';

export interface ServerFile {
  url: string;
  pid: number;
  token: string;
}

export function serverFilePath(dbPath: string): string {
  return `${dbPath}.server.json`;
}

export async function writeServerFile(dbPath: string, info: ServerFile): Promise<void> {
  await writeFile(serverFilePath(dbPath), JSON.stringify(info), { mode: 0o600 });
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
