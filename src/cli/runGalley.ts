/**
 * The whole command line as a function: arguments in, exit code out, every word written through
 * the session. `main.ts` runs it on the process; tests run it in-process on a capturing session
 * (the same parsing, commands, messages and files as the real CLI, without a process per case).
 */
import yargs from 'yargs';
import type { CliSession } from './CliSession.js';
import { editionCommand } from './editionCommand.js';
import { EXIT_BAD_INPUT } from './exitCodes.js';
import { layoutCommand } from './layoutCommand.js';
import { paginateCommand } from './paginateCommand.js';
import { preflightCommand } from './preflightCommand.js';
import { previewCommand } from './previewCommand.js';
import { renderCommand } from './renderCommand.js';
import { schemaCommand } from './schemaCommand.js';

const EPILOGUE = `Exit codes:
  0  everything was set and written (overset and warnings are reported, not failures)
  1  a render failed, or preflight found a failure
  2  bad usage or bad input: the message names the file and the field; nothing was written

Set GALLEY_DEBUG=1 to see stack traces of internal errors. Shaped words and the preview's glyph
masks are kept across runs in ~/.cache/galley/shapes (GALLEY_SHAPE_CACHE=DIR elsewhere,
GALLEY_SHAPE_CACHE=off for none), and galley's compiled code, for a faster start, in
~/.cache/galley/code (GALLEY_CODE_CACHE, the same).`;

export async function runGalley(argv: readonly string[], session: CliSession): Promise<number> {
  // English whatever the locale: galley's own words are English, and the bundle (loadBundle.ts)
  // does not carry yargs's translations.
  let cli = yargs([...argv])
    .scriptName('galley')
    .locale('en');
  for (const command of [
    renderCommand,
    editionCommand,
    layoutCommand,
    paginateCommand,
    previewCommand,
    preflightCommand,
    schemaCommand,
  ])
    cli = command(cli, session);
  try {
    await cli
      .demandCommand(
        1,
        'Name a command: render, edition, layout, paginate, preview, preflight or schema (see --help).',
      )
      .strict()
      .epilogue(EPILOGUE)
      .example('$0 render samples/cambodia-daily/article.json -o out/a1.pdf', 'Set one story as a front page')
      .example(
        '$0 preview samples/edition/edition.json --sheet -o out/sheet.png',
        'Contact sheet of an edition',
      )
      .example('$0 preflight out/a1.pdf', 'Check a PDF for the press')
      .help()
      .alias('help', 'h')
      .version()
      .wrap(Math.min(110, process.stdout.columns || 100))
      // `--help` and `--version` print and end the parse; they never end the process themselves.
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    session.stderr.write(`galley: ${e.message}\nRun "galley --help" for usage.\n`);
    session.exitCode = EXIT_BAD_INPUT;
  }
  return session.exitCode;
}

/** Bad usage found by the argument parser: stops the parse before any command runs. */
class UsageError extends Error {}
