/** Exit codes, as documented in `galley --help` and the README. */
export const EXIT_OK = 0;
/** A render failed (or preflight found a failure): the inputs were fine, the output is not. */
export const EXIT_FAILED = 1;
/** Bad usage or bad input: a file, a field or an option is wrong; nothing was written. */
export const EXIT_BAD_INPUT = 2;
