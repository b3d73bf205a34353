/**
 * A mistake in what the user gave galley: a file, a field, what was expected. The CLI prints it as
 * one line and exits 2; it never carries a stack trace to the user.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The file at fault (as the user named it), or '' when the mistake is in the command line. */
    readonly file: string,
    /** The field path inside the file, e.g. "images[1].file", or '' for the whole file. */
    readonly field: string,
    /** What is wrong and what was expected. */
    readonly reason: string,
  ) {
    super(formatInputError(file, field, reason));
  }
}

export function formatInputError(file: string, field: string, reason: string): string {
  const where = [file, field].filter(Boolean).join(': ');
  return where ? `${where}: ${reason}` : reason;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
