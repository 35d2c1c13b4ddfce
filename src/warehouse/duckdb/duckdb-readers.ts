// Read connections of a DuckDB file: each runs one statement at a time, and a
// read takes the least busy one, so one tenant's long query does not hold up
// another's reads (DuckDB runs statements of separate connections at once).
import type { DuckDBConnection } from '@duckdb/node-api';
import { SerialQueue } from '../serial-queue.js';

interface Lane {
  connection: DuckDBConnection;
  queue: SerialQueue;
  pending: number;
}

export class DuckDbReaders {
  private readonly lanes: Lane[];

  constructor(connections: readonly DuckDBConnection[]) {
    if (connections.length === 0) throw new Error('a reader pool needs a connection');
    this.lanes = connections.map((connection) => ({ connection, queue: new SerialQueue(), pending: 0 }));
  }

  /** Runs `work` on the read connection with the fewest statements waiting. */
  run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const lane = this.lanes.reduce((best, l) => (l.pending < best.pending ? l : best));
    lane.pending++;
    return lane.queue.run(() => work(lane.connection)).finally(() => lane.pending--);
  }

  closeSync(): void {
    for (const lane of this.lanes) lane.connection.closeSync();
  }
}
