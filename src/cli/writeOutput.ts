/** Writes an output file atomically, creating its folder; a crash never leaves half a file. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../render/pdf/writeFileAtomic.js';

export async function writeOutput(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data);
}
