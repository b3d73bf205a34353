/**
 * Everything a galley process can be, as functions with no effect on import: the command line, or
 * a worker process of an edition (createProcessPool forks one). `main.ts` starts one of them; this
 * file is also the entry of the one-file bundle `npm run build` makes (loadBundle.ts).
 */
import { hideBin } from 'yargs/helpers';
import { processSession } from './CliSession.js';
import { runGalley } from './runGalley.js';

export { serveParent } from '../edition/editionProcess.js';

/** The command line on this process's streams; resolves to the exit code. */
export function runCli(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`galley ... | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return runGalley(hideBin([...argv]), processSession());
}
