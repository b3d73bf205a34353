#!/usr/bin/env node
/**
 * galley's command line: render, preview, preflight, edition and schema (see runGalley.ts). Exit
 * codes: 0 ok, 1 a render failed (or preflight found a failure), 2 bad usage or input.
 */
import { hideBin } from 'yargs/helpers';
import { processSession } from './CliSession.js';
import { runGalley } from './runGalley.js';

// A reader that stops early (`galley ... | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await runGalley(hideBin(process.argv), processSession());
