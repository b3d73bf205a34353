/**
 * Where one run of the command line writes and what it exits with. The real CLI writes to the
 * process's streams; tests run the same commands in-process with a session that captures both
 * streams, so the bad-input corpus does not pay a Node start-up per case (see runGalley.ts).
 */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliSession {
  stdout: TextSink;
  stderr: TextSink;
  /** Set by the command that ran (see runCommand.ts); 0 until then. */
  exitCode: number;
}

export function processSession(): CliSession {
  return { stdout: process.stdout, stderr: process.stderr, exitCode: 0 };
}

/** A session that keeps what was written, for running the CLI in-process. */
export function capturingSession(): CliSession & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    exitCode: 0,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
