/**
 * Removes the temporary files an atomic write leaves behind when its process is killed between
 * writing and renaming (`.<name>.<pid>.<hex>.tmp`, see writeFileAtomic). Only those: nothing else in
 * the folder is touched.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

export async function sweepTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => TEMP_FILE.test(n));
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
  return stale;
}
