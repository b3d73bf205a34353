/**
 * Runs the built CLI's own entry (dist/cli/runGalley.js, what `galley` calls) in this process,
 * with a session that captures stdout and stderr: the same parsing, commands, messages, exit codes
 * and files as a spawned `galley`, without paying a Node start-up and a font load per run.
 * Tests of the process itself (exit status, signals, streams) spawn it instead (runCli.ts).
 */
import type { CliResult } from '../hardening/runCliAsync.js';

// The built files, as the CLI runs them (npm test builds first). The path is not a literal, so
// type-checking a fresh clone does not need dist/: the types come from the sources it is built from.
const DIST = '../../dist/cli';
const { runGalley } = (await import(`${DIST}/runGalley.js`)) as typeof import('../../src/cli/runGalley.js');
const { capturingSession } = (await import(
  `${DIST}/CliSession.js`
)) as typeof import('../../src/cli/CliSession.js');

export async function runGalleyInProcess(args: readonly string[]): Promise<CliResult> {
  const session = capturingSession();
  const code = await runGalley(args, session);
  return { code, stdout: session.out(), stderr: session.err() };
}
