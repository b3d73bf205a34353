/**
 * What the last run in an output folder set: per page, the hash of its inputs, its file and its
 * report (DIR/.galley-cache/state.json). `--changed-only` keeps a page whose hash is unchanged and
 * whose PDF is still there; failed pages are never recorded, so they are always tried again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PageReport } from '../layout/types.js';
import { writeFileAtomic } from '../render/pdf/index.js';

export interface PageState {
  hash: string;
  file: string;
  bytes: number;
  report: PageReport;
  warnings: string[];
}

export interface EditionState {
  version: 1;
  pages: Record<string, PageState>;
}

export function loadEditionState(path: string): EditionState {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as EditionState;
    if (data.version === 1 && data.pages && typeof data.pages === 'object') return data;
  } catch {
    // no state yet, or unreadable: everything is re-rendered
  }
  return { version: 1, pages: {} };
}

/** The page's last result if its inputs are unchanged and its PDF is still in place. */
export function unchangedPage(
  state: EditionState,
  label: string,
  hash: string,
  file: string,
): PageState | undefined {
  const s = state.pages[label];
  return s && s.hash === hash && s.file === file && existsSync(file) ? s : undefined;
}

export async function saveEditionState(path: string, state: EditionState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(state, null, 1)}\n`);
}
