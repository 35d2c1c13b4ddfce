// Global CLI options shared by every command, and the way a command reaches Beacon.
import type { Command } from 'commander';
import type { BeaconConfig } from '../config.js';
import type { Backend } from './backend.js';
import { openBackend, type ConnectionOptions } from './open-backend.js';

export interface GlobalOptions {
  db: string;
  server?: string;
  key?: string;
  /** ClickHouse URL, from --clickhouse or BEACON_CLICKHOUSE_URL. */
  clickhouse?: string;
  clickhouseCluster?: string;
  clickhouseShards?: string;
  workspace: string;
  memoryLimit?: string;
  json?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** Opens the backend for a command, runs `work`, and always closes it. */
export async function withBackend<T>(
  command: Command,
  defaultMemoryLimit: string,
  work: (backend: Backend, options: GlobalOptions) => Promise<T>,
  /** What a command adds to how the backend is opened (alerts: the webhook policy). */
  extra: Pick<ConnectionOptions, 'webhooks'> = {},
): Promise<T> {
  const options = globalOptions(command);
  const backend = await openBackend({ ...options, ...extra, memoryLimit: options.memoryLimit ?? defaultMemoryLimit });
  try {
    return await work(backend, options);
  } finally {
    await backend.close();
  }
}

export interface CliEnvironment {
  config: BeaconConfig;
  version: string;
  /** Set by a command to choose the process exit code. */
  exitCode: number;
}
