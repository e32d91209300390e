#!/usr/bin/env node
import { systemClock } from '../clock.js';
import { loadEnvFile } from '../env-file.js';
import { runCli } from './run.js';

loadEnvFile();

// exitCode rather than process.exit(): a large export piped to another program must flush first.
void runCli(process.argv.slice(2), {
  env: process.env,
  clock: systemClock,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
