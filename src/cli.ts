#!/usr/bin/env node
// Entry point of the `beacon` command.
import { main } from './cli/main.js';

// Everything Beacon writes (database, write-ahead log, spill files, the server
// file with its token, staging files) is readable by its owner alone.
process.umask(0o077);

process.exitCode = await main(process.argv);
