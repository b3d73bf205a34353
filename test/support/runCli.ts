/** Runs the built CLI (npm test builds first) and captures what a user would see. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { HANG_LIMIT_MS } from './hangLimit.js';

export const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');

export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: HANG_LIMIT_MS,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tool(name: string, args: readonly string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
