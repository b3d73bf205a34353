#!/usr/bin/env node
/**
 * galley's command line: render, preview, preflight (and edition). Exit codes:
 * 0 ok, 1 a render failed (or preflight found a failure), 2 bad usage or input.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { editionCommand } from './editionCommand.js';
import { EXIT_BAD_INPUT } from './exitCodes.js';
import { preflightCommand } from './preflightCommand.js';
import { previewCommand } from './previewCommand.js';
import { renderCommand } from './renderCommand.js';
import { schemaCommand } from './schemaCommand.js';

const EPILOGUE = `Exit codes:
  0  everything was set and written (overset and warnings are reported, not failures)
  1  a render failed, or preflight found a failure
  2  bad usage or bad input: the message names the file and the field; nothing was written

Set GALLEY_DEBUG=1 to see stack traces of internal errors.`;

// A reader that stops early (`galley ... | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let cli = yargs(hideBin(process.argv)).scriptName('galley');
for (const command of [renderCommand, editionCommand, previewCommand, preflightCommand, schemaCommand])
  cli = command(cli);
await cli
  .demandCommand(1, 'Name a command: render, preview or preflight (see --help).')
  .strict()
  .epilogue(EPILOGUE)
  .example('$0 render samples/cambodia-daily/article.json -o out/a1.pdf', 'Set one story as a front page')
  .example('$0 preview samples/edition/edition.json --sheet -o out/sheet.png', 'Contact sheet of an edition')
  .example('$0 preflight out/a1.pdf', 'Check a PDF for the press')
  .help()
  .alias('help', 'h')
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`galley: ${message}\nRun "galley --help" for usage.\n`);
    process.exit(EXIT_BAD_INPUT);
  })
  .parseAsync();
