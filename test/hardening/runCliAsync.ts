/** Runs the built CLI without blocking, so many cases can run side by side (see badInput.test.ts). */
import { spawn } from 'node:child_process';
import { HANG_LIMIT_MS } from '../support/hangLimit.js';
import { CLI } from '../support/runCli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCliAsync(args: readonly string[], cwd?: string): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, GALLEY_DEBUG: '' },
      ...(cwd && { cwd }),
      timeout: HANG_LIMIT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs `jobs` at a time, results in the order given. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
