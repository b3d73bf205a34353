/**
 * The worker thread's entry (piscina): each worker opens the fonts once (its own Workspace) and
 * shares the on-disk photo cache with the others; every task is one page.
 */

import { createPhotoCache, type PhotoCache } from '../images/photoCache.js';
import { createWorkspace, type Workspace } from './createWorkspace.js';
import type { PageOutcome, PageTask } from './pageTask.js';
import { runPageTask } from './runPageTask.js';

/** Prepared photos kept in memory per worker; the rest are re-read from the disk cache. */
const PHOTOS_IN_MEMORY = 24;

let state: { key: string; ws: Workspace; cache: PhotoCache } | undefined;

export default async function renderPageInWorker(task: PageTask): Promise<PageOutcome> {
  const s = task.settings;
  const key = JSON.stringify([
    s.breaker,
    s.limitInputPixels,
    s.allowMissingGlyphs,
    s.cacheDir,
    task.edition.dir,
  ]);
  if (state?.key !== key) {
    const cache = createPhotoCache({ dir: s.cacheDir, maxEntries: PHOTOS_IN_MEMORY });
    state = {
      key,
      cache,
      ws: createWorkspace({
        probes: cache.probes,
        breaker: s.breaker,
        baseDir: task.edition.dir,
        ...(s.limitInputPixels && { limitInputPixels: s.limitInputPixels }),
        ...(s.allowMissingGlyphs && { allowMissingGlyphs: true }),
      }),
    };
  }
  return runPageTask(state.ws, state.cache, task);
}
