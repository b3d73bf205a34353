/**
 * Runs a command's body and turns what it throws into a message and an exit code: a user's
 * mistake is one line on stderr and exit 2, never a stack trace; anything else is exit 1 with the
 * stack only when GALLEY_DEBUG is set.
 */
import { isAbsolute, relative } from 'node:path';
import { ImageError } from '../images/imageError.js';
import { isInputError } from '../model/InputError.js';
import { EXIT_BAD_INPUT, EXIT_FAILED } from './exitCodes.js';

export async function runCommand(body: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await body();
  } catch (e) {
    code = reportError(e);
  }
  process.exitCode = code;
}

export function reportError(e: unknown): number {
  if (isInputError(e)) {
    process.stderr.write(`galley: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof ImageError) {
    // Raised while rendering (the probe passed): name the photo as the user would, relative to here.
    const shown = isAbsolute(e.path) ? relative(process.cwd(), e.path) || e.path : e.path;
    process.stderr.write(`galley: ${shown}${e.message.slice(e.path.length)}\n`);
    return EXIT_BAD_INPUT;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`galley: render failed: ${err.message}\n`);
  if (process.env.GALLEY_DEBUG) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('galley: (set GALLEY_DEBUG=1 for the stack trace)\n');
  return EXIT_FAILED;
}
