/**
 * Where pages are set: in this thread (`jobs: 1`, no workers) or on a piscina pool of `jobs` worker
 * threads, each with its own fonts. Under the TypeScript sources (tests), workers load the built
 * worker entry (dist/, which `npm test` builds first): harfbuzzjs starts with a top-level await,
 * which never settles in a worker thread that loads TypeScript through tsx.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createProcessPool } from './createProcessPool.js';
import type { PageOutcome, PageTask } from './pageTask.js';
import { createPageSetter } from './runPageTask.js';

export interface PageRunner {
  /** Pages set at once. */
  readonly jobs: number;
  /** `worker`: which worker should set it (0 to jobs-1), so that it keeps its stories' work; threads ignore it. */
  run(task: PageTask, signal?: AbortSignal, worker?: number): Promise<PageOutcome>;
  /** Peak resident memory of the worker processes, each its own peak, summed (kB); 0 for threads, which this process's figure counts. */
  workersPeakRssKb(): number;
  close(): Promise<void>;
}

/**
 * Each worker's heap is bounded, so that peak memory does not grow with the pages an edition has
 * and one runaway page fails alone (reported) instead of starving the machine. A page allocates
 * most of its memory briefly (layout, the PDF being written): a smaller old generation collects it
 * sooner. 256 MB holds a 100,000-word story; measured on 48 pages with two workers and a cold
 * photo cache: peak 468 MB instead of 531 MB, 6% slower.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

export type PoolKind = 'processes' | 'threads';

/**
 * Cores one page-setting process keeps busy: its main thread, and V8's garbage collector and
 * compiler threads beside it (measured on 48 pages: 2.7 s of CPU in 2.1 s). Two such processes on
 * two cores slow each other by 1.45x, so a second worker there sets an edition no faster than one
 * (48 pages: 15% slower; 192 pages: 3% faster; docs/BENCHMARKS.md, eighth session).
 */
const CORES_PER_WORKER = 1.3;

/** Workers by default: as many as the cores keep busy (1 on two cores, 3 on four, 6 on eight). */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / CORES_PER_WORKER));
}

export async function createPageRunner(
  jobs: number,
  settings: {
    breaker: 'total-fit' | 'greedy';
    limitInputPixels?: number;
    allowMissingGlyphs?: boolean;
    cacheDir: string;
    baseDir: string;
    /** Where pages are set when jobs > 1: worker processes (the default) or worker threads. */
    pool?: PoolKind;
  },
): Promise<PageRunner> {
  const none = () => 0;
  if (jobs <= 1)
    return { jobs: 1, run: createPageSetter(settings), workersPeakRssKb: none, close: async () => {} };
  if ((settings.pool ?? 'processes') === 'processes') {
    // This process is worker 0 and sets pages too: it has galley loaded and warm while the
    // jobs - 1 children start, and spares one process's start-up and memory.
    const pool = createProcessPool(jobs - 1, WORKER_HEAP.maxOldGenerationSizeMb);
    const here = createPageSetter(settings);
    return {
      jobs,
      run: (task, signal, worker) =>
        worker === 0 ? here(task) : pool.run(task, signal, worker === undefined ? undefined : worker - 1),
      workersPeakRssKb: () => pool.childrenPeakRssKb(),
      close: () => pool.close(),
    };
  }
  // sharp's native module must be loaded by the main thread before any worker loads it.
  await import('sharp');
  // The built worker, from src (tests), dist and the bundle (loadBundle.ts) alike.
  const worker = new URL('../../dist/edition/editionWorker.js', import.meta.url);
  if (!existsSync(fileURLToPath(worker)))
    throw new Error(`createPageRunner: ${fileURLToPath(worker)} is missing: run \`npm run build\` first`);
  const { Piscina } = await import('piscina');
  const pool = new Piscina<PageTask, PageOutcome>({
    filename: worker.href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    resourceLimits: WORKER_HEAP,
  });
  // A worker that dies (out of memory) fails its task, which is reported as that page's failure;
  // the pool's own 'error' event must not take the whole run down with it.
  pool.on('error', () => {});
  return {
    jobs,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}),
    workersPeakRssKb: none,
    close: () => pool.destroy(),
  };
}
