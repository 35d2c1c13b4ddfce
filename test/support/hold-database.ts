// A process that is not a Beacon server holding a DuckDB file (DuckDB lets one
// process open it): prints `holding` once it has the lock, then waits to be killed.
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(process.argv[2]);
process.stdout.write('holding\n');
setInterval(() => instance, 60_000);
