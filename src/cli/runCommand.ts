/**
 * Runs a command's body and turns what it throws into a message and an exit code: a user's
 * mistake is one line on stderr and exit 2, never a stack trace; anything else is exit 1 with the
 * stack only when GALLEY_DEBUG is set.
 */
import { isAbsolute, relative } from 'node:path';
import { ImageError } from '../images/imageError.js';
import { isInputError } from '../model/InputError.js';
import type { CliSession, TextSink } from './CliSession.js';
import { EXIT_BAD_INPUT, EXIT_FAILED } from './exitCodes.js';

export async function runCommand(session: CliSession, body: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await body();
  } catch (e) {
    code = reportError(e, session.stderr);
  }
  session.exitCode = code;
}

export function reportError(e: unknown, stderr: TextSink): number {
  if (isInputError(e)) {
    stderr.write(`galley: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof ImageError) {
    // Raised while rendering (the probe passed): name the photo as the user would, relative to here.
    const shown = isAbsolute(e.path) ? relative(process.cwd(), e.path) || e.path : e.path;
    stderr.write(`galley: ${shown}${e.message.slice(e.path.length)}\n`);
    return EXIT_BAD_INPUT;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  stderr.write(`galley: render failed: ${err.message}\n`);
  if (process.env.GALLEY_DEBUG) stderr.write(`${err.stack}\n`);
  else stderr.write('galley: (set GALLEY_DEBUG=1 for the stack trace)\n');
  return EXIT_FAILED;
}
