/**
 * A worker's page work (a piscina thread's entry, and what each worker process runs, see
 * editionProcess.ts): each worker opens the fonts once (its own page setter) and shares the
 * on-disk photo cache with the others; every task is one page.
 */

import type { PageOutcome, PageTask } from './pageTask.js';
import { createPageSetter } from './runPageTask.js';

let state: { key: string; setPage: (task: PageTask) => Promise<PageOutcome> } | undefined;

export default async function renderPageInWorker(task: PageTask): Promise<PageOutcome> {
  const s = task.settings;
  const key = JSON.stringify([
    s.breaker,
    s.limitInputPixels,
    s.allowMissingGlyphs,
    s.cacheDir,
    task.edition.dir,
  ]);
  if (state?.key !== key) state = { key, setPage: createPageSetter({ ...s, baseDir: task.edition.dir }) };
  return state.setPage(task);
}
