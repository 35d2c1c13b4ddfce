#!/usr/bin/env node
// Entry point of the `beacon` command.
import { main } from './cli/main.js';

process.exitCode = await main(process.argv);
