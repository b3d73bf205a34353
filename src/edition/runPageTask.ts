/**
 * Sets one page and writes its PDF: compose (layout + display list), render, write atomically.
 * Never throws: a failure comes back as an outcome naming the file and the reason, so one bad page
 * never stops the others.
 */

import { threadId } from 'node:worker_threads';
import { ImageError } from '../images/imageError.js';
import { createPhotoCache, type PhotoCache } from '../images/photoCache.js';
import { isInputError } from '../model/InputError.js';
import { renderPdf, writeFileAtomic } from '../render/pdf/index.js';
import { composePage } from './composePage.js';
import { createWorkspace, type Workspace } from './createWorkspace.js';
import { explainPhotoError } from './explainPhotoError.js';
import type { PageFailure, PageOutcome, PageRenderSettings, PageTask } from './pageTask.js';

/** Prepared photos kept in memory per page setter; the rest are re-read from the disk cache. */
const PHOTOS_IN_MEMORY = 24;

/**
 * Sets pages one after another with one workspace (fonts opened once, articles, templates and
 * laid-out stories kept) and one photo cache, whose photo headers the workspace's probes use:
 * what this process does with --jobs 1, and what each worker does.
 */
export function createPageSetter(
  settings: Pick<PageRenderSettings, 'breaker' | 'cacheDir' | 'limitInputPixels' | 'allowMissingGlyphs'> & {
    baseDir: string;
  },
): (task: PageTask) => Promise<PageOutcome> {
  const cache = createPhotoCache({ dir: settings.cacheDir, maxEntries: PHOTOS_IN_MEMORY });
  const ws = createWorkspace({
    probes: cache.probes,
    breaker: settings.breaker,
    baseDir: settings.baseDir,
    ...(settings.limitInputPixels && { limitInputPixels: settings.limitInputPixels }),
    ...(settings.allowMissingGlyphs && { allowMissingGlyphs: true }),
  });
  return (task) => runPageTask(ws, cache, task);
}

export async function runPageTask(ws: Workspace, cache: PhotoCache, task: PageTask): Promise<PageOutcome> {
  const start = performance.now();
  const { edition, index, settings } = task;
  const label = edition.pages[index]?.label ?? String(index);
  const base = () => ({
    index,
    label,
    ms: performance.now() - start,
    maxRssKb: process.resourceUsage().maxRSS,
    threadId,
  });
  try {
    const composed = await composePage(ws, edition, index, { marks: settings.marks });
    const warnings: string[] = [];
    const pdf = await renderPdf(
      {
        title: `${edition.newspaper ?? edition.name} ${edition.date} ${label}`,
        date: edition.date,
        pages: [composed.display],
      },
      {
        fontFiles: ws.fontFiles,
        standard: settings.standard,
        marks: settings.marks,
        slug: { edition: `${edition.name} ${edition.date}` },
        imageOptions: {
          ppi: settings.ppi,
          quality: settings.quality,
          colour: settings.colour,
          cache,
          ...(settings.limitInputPixels && { limitInputPixels: settings.limitInputPixels }),
        },
        onWarning: (w) => warnings.push(w),
        ...(settings.allowMissingGlyphs && { allowMissingGlyphs: true }),
      },
    );
    await writeFileAtomic(task.outFile, pdf);
    return {
      ok: true,
      ...base(),
      file: task.outFile,
      bytes: pdf.length,
      report: composed.layout.report,
      warnings,
    };
  } catch (e) {
    return { ok: false, ...base(), error: toFailure(explainPhotoError(ws, edition, e), edition.file) };
  }
}

export function toFailure(e: unknown, fallbackFile: string): PageFailure {
  if (isInputError(e)) return { file: e.file || fallbackFile, field: e.field, reason: e.reason };
  if (e instanceof ImageError) return { file: e.path, field: '', reason: e.message.slice(e.path.length + 2) };
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    file: fallbackFile,
    field: '',
    reason: err.message,
    ...(process.env.GALLEY_DEBUG && err.stack && { stack: err.stack }),
  };
}
