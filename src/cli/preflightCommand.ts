/** `galley preflight`: checks any PDF against the newsprint profile; exit 1 when a check fails. */
import type { Argv } from 'yargs';
import { readTextFile } from '../model/readDataFile.js';
import type { CliSession } from './CliSession.js';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.js';
import { runCommand } from './runCommand.js';

interface PreflightArgs {
  file: string;
  json: boolean;
}

export function preflightCommand(y: Argv, session: CliSession): Argv {
  return y.command<PreflightArgs>(
    'preflight <file>',
    'Check a PDF against the newsprint print profile (PASS / WARN / FAIL)',
    (c) =>
      c
        .positional('file', { type: 'string', describe: 'Any PDF file' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the checks as JSON' })
        .example(
          '$0 preflight out/a1.pdf',
          'Boxes, output intent, fonts, colour, photo resolution, PDF/X keys',
        ),
    (args) =>
      runCommand(session, async () => {
        readTextFile(args.file, 'PDF'); // a missing or unreadable file is a user's mistake: exit 2
        const { formatPreflight, preflightFailed, preflightPdf } = await import('../preflight/index.js');
        const results = await preflightPdf(args.file);
        session.stdout.write(
          args.json ? `${JSON.stringify(results, null, 2)}\n` : formatPreflight(results, args.file),
        );
        return preflightFailed(results) ? EXIT_FAILED : EXIT_OK;
      }),
  );
}
