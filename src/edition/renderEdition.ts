/**
 * `renderEdition`: every page of an edition into its own PDF, in parallel on a pool of worker
 * threads (or in this thread with `jobs: 1`), with progress events, `report.json`, an optional
 * combined PDF and incremental re-runs. A page that fails is reported with its file and reason; the
 * others are still set. Workers write their PDFs themselves and hand back only reports, so memory
 * does not grow with the number of pages.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PageReport } from '../layout/types.js';
import type { PdfStandard } from '../render/pdf/index.js';
import { writeFileAtomic } from '../render/pdf/index.js';
import { assignLanes } from './assignLanes.js';
import { createPageRunner, defaultJobs, type PoolKind } from './createPageRunner.js';
import type { Edition } from './Edition.js';
import { type EditionState, loadEditionState, saveEditionState, unchangedPage } from './editionState.js';
import { loadEdition } from './loadEdition.js';
import { DEFAULT_NAME_PATTERN, pageFileNames } from './pageFileName.js';
import { GALLEY_VERSION, pageInputsHashes } from './pageInputsHash.js';
import type { PageFailure, PageOutcome, PageRenderSettings } from './pageTask.js';
import { sweepTempFiles } from './sweepTempFiles.js';

export interface RenderEditionOptions {
  /** Folder for the page PDFs, report.json and the cache (created if needed). */
  outDir: string;
  /** Pages set at once; default: every core. 1 sets pages in this thread, without workers. */
  jobs?: number;
  /** With jobs > 1: worker processes (default) or worker threads. */
  pool?: PoolKind;
  /** Page file names; fields {edition} {newspaper} {date} {page} {section} {index}. */
  namePattern?: string;
  /** Also write the whole edition as one PDF, in page order (only when every page succeeded). */
  combined?: string;
  /** Re-render only pages whose inputs changed since the last run in outDir. */
  changedOnly?: boolean;
  /** Photo cache folder; default `<outDir>/.galley-cache/photos`. */
  cacheDir?: string;
  /** Only these pages (indices); default all. */
  pages?: readonly number[];
  marks?: boolean;
  standard?: PdfStandard;
  ppi?: number;
  quality?: number;
  colour?: 'cmyk' | 'gray';
  breaker?: 'total-fit' | 'greedy';
  limitInputPixels?: number;
  allowMissingGlyphs?: boolean;
  onEvent?: (event: EditionEvent) => void;
  /** Aborting stops handing out pages, terminates the workers and rejects with the signal's reason. */
  signal?: AbortSignal;
}

export type EditionEvent =
  | { type: 'start'; total: number; toRender: number; jobs: number }
  | { type: 'page-start'; index: number; label: string }
  | {
      type: 'page-done';
      index: number;
      label: string;
      ms: number;
      file: string;
      report: PageReport;
      warnings: string[];
    }
  | { type: 'page-failed'; index: number; label: string; ms: number; error: PageFailure }
  | { type: 'page-unchanged'; index: number; label: string; file: string }
  | { type: 'combined'; file: string; ms: number }
  | { type: 'done'; result: EditionResult };

export interface EditionPageResult {
  index: number;
  label: string;
  status: 'rendered' | 'unchanged' | 'failed';
  /** The page's PDF (absolute), when it exists. */
  file?: string;
  bytes?: number;
  ms?: number;
  report?: PageReport;
  warnings: string[];
  error?: PageFailure;
}

export interface EditionResult {
  ok: boolean;
  edition: { name: string; date: string; file: string; pages: number };
  galley: string;
  outDir: string;
  report: string;
  combined?: string;
  /** Why no combined PDF was written although one was asked for. */
  combinedSkipped?: string;
  jobs: number;
  /** What set the pages when jobs > 1. */
  pool?: PoolKind;
  pages: EditionPageResult[];
  failures: (PageFailure & { page: string })[];
  /** Wall time of the whole run and pages set per second of it. */
  ms: number;
  pagesPerSecond: number;
  /**
   * Peak resident memory (MB): of this process with its threads, plus each worker process's own
   * peak (summed: an upper bound, as the children's peaks need not coincide).
   */
  peakRssMb: number;
}

export async function renderEdition(
  manifestOrEdition: string | Edition,
  options: RenderEditionOptions,
): Promise<EditionResult> {
  const start = performance.now();
  const emit = options.onEvent ?? (() => {});
  const edition = typeof manifestOrEdition === 'string' ? loadEdition(manifestOrEdition) : manifestOrEdition;
  const outDir = resolve(options.outDir);
  const names = pageFileNames(edition, options.namePattern ?? DEFAULT_NAME_PATTERN);
  const settings: PageRenderSettings = {
    marks: options.marks ?? false,
    standard: options.standard ?? 'x1a',
    ppi: options.ppi ?? 200,
    quality: options.quality ?? 85,
    colour: options.colour ?? 'cmyk',
    cacheDir: resolve(options.cacheDir ?? join(outDir, '.galley-cache', 'photos')),
    breaker: options.breaker ?? 'total-fit',
    ...(options.limitInputPixels && { limitInputPixels: options.limitInputPixels }),
    ...(options.allowMissingGlyphs && { allowMissingGlyphs: true }),
  };
  const statePath = join(outDir, '.galley-cache', 'state.json');
  await mkdir(outDir, { recursive: true });
  await sweepTempFiles(outDir);

  const { cacheDir: _, ...hashed } = settings;
  const hashes = pageInputsHashes(edition, hashed);
  const previous = loadEditionState(statePath);
  const selected = options.pages ?? edition.pages.map((p) => p.index);
  const results = new Map<number, EditionPageResult>();
  const todo: number[] = [];
  for (const index of selected) {
    const page = edition.pages[index]!;
    const file = join(outDir, names[index]!);
    const kept = options.changedOnly ? unchangedPage(previous, page.label, hashes[index]!, file) : undefined;
    if (kept)
      results.set(index, {
        index,
        label: page.label,
        status: 'unchanged',
        file,
        bytes: kept.bytes,
        report: kept.report,
        warnings: kept.warnings,
      });
    else todo.push(index);
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), todo.length));
  emit({ type: 'start', total: selected.length, toRender: todo.length, jobs });
  for (const r of results.values())
    emit({ type: 'page-unchanged', index: r.index, label: r.label, file: r.file! });

  const runner =
    todo.length > 0
      ? await createPageRunner(jobs, {
          ...settings,
          baseDir: edition.dir,
          ...(options.pool && { pool: options.pool }),
        })
      : undefined;
  try {
    // Each worker gets the pages that share its stories (assignLanes); one that runs out of pages
    // takes the last page of the lane with the most left.
    const lanes = assignLanes(
      todo.map((index) => {
        const page = edition.pages[index]!;
        return { index, articles: page.stories.map((s) => s.articlePath), cost: page.stories.length + 1 };
      }),
      runner?.jobs ?? 0,
    );
    const nextPage = (lane: number): number | undefined => {
      if (lanes[lane]!.length > 0) return lanes[lane]!.shift();
      const fullest = lanes.reduce((a, b) => (b.length > a.length ? b : a));
      return fullest.pop();
    };
    const lane = async (worker: number) => {
      for (;;) {
        if (options.signal?.aborted) break;
        const index = nextPage(worker);
        if (index === undefined) break;
        const label = edition.pages[index]!.label;
        emit({ type: 'page-start', index, label });
        const outcome = await runner!
          .run({ edition, index, outFile: join(outDir, names[index]!), settings }, options.signal, worker)
          .catch((e: unknown): PageOutcome => crashed(index, label, edition.file, e));
        if (options.signal?.aborted) break;
        const r = toPageResult(outcome);
        results.set(index, r);
        if (outcome.ok)
          emit({
            type: 'page-done',
            index,
            label,
            ms: outcome.ms,
            file: outcome.file,
            report: outcome.report,
            warnings: outcome.warnings,
          });
        else emit({ type: 'page-failed', index, label, ms: outcome.ms, error: outcome.error });
      }
    };
    await Promise.all(Array.from({ length: runner?.jobs ?? 0 }, (_, worker) => lane(worker)));
    options.signal?.throwIfAborted();
  } finally {
    await runner?.close();
    await sweepTempFiles(outDir);
  }

  const pages = selected.map((i) => results.get(i)!);
  await saveEditionState(statePath, nextState(previous, pages, hashes));
  const failures = pages.flatMap((p) => (p.error ? [{ page: p.label, ...p.error }] : []));
  const result: EditionResult = {
    ok: failures.length === 0,
    edition: { name: edition.name, date: edition.date, file: edition.file, pages: edition.pages.length },
    galley: GALLEY_VERSION,
    outDir,
    report: join(outDir, 'report.json'),
    jobs,
    ...(jobs > 1 && { pool: options.pool ?? 'processes' }),
    pages,
    failures,
    ms: 0,
    pagesPerSecond: 0,
    peakRssMb: 0,
  };
  if (options.combined) {
    if (failures.length > 0)
      result.combinedSkipped = `${failures.length} page${failures.length === 1 ? '' : 's'} failed`;
    else {
      const t = performance.now();
      const combined = resolve(options.combined);
      await mkdir(dirname(combined), { recursive: true });
      // pdf-lib is loaded only here: most runs never combine, and it costs ~150 ms to load.
      const { combinePdfs } = await import('./combinePdfs.js');
      await writeFileAtomic(
        combined,
        await combinePdfs(
          pages.map((p) => p.file!),
          `${edition.newspaper ?? edition.name} ${edition.date}`,
        ),
      );
      result.combined = combined;
      emit({ type: 'combined', file: combined, ms: performance.now() - t });
    }
  }
  result.ms = performance.now() - start;
  const rendered = pages.filter((p) => p.status === 'rendered').length;
  result.pagesPerSecond = rendered / (result.ms / 1000);
  result.peakRssMb = (process.resourceUsage().maxRSS + (runner?.workersPeakRssKb() ?? 0)) / 1024;
  await writeFileAtomic(result.report, `${JSON.stringify(result, null, 2)}\n`);
  emit({ type: 'done', result });
  return result;
}

function toPageResult(o: PageOutcome): EditionPageResult {
  return o.ok
    ? {
        index: o.index,
        label: o.label,
        status: 'rendered',
        file: o.file,
        bytes: o.bytes,
        ms: o.ms,
        report: o.report,
        warnings: o.warnings,
      }
    : { index: o.index, label: o.label, status: 'failed', ms: o.ms, warnings: [], error: o.error };
}

/** A worker that died (out of memory, killed) fails its page, not the run. */
function crashed(index: number, label: string, file: string, e: unknown): PageOutcome {
  const reason = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    index,
    label,
    ms: 0,
    maxRssKb: 0,
    threadId: -1,
    error: { file, field: '', reason: `worker failed: ${reason}` },
  };
}

function nextState(
  previous: EditionState,
  pages: readonly EditionPageResult[],
  hashes: readonly string[],
): EditionState {
  const state: EditionState = { version: 1, pages: { ...previous.pages } };
  for (const p of pages) {
    if (p.status === 'failed' || !p.file || !p.report) delete state.pages[p.label];
    else
      state.pages[p.label] = {
        hash: hashes[p.index]!,
        file: p.file,
        bytes: p.bytes ?? 0,
        report: p.report,
        warnings: p.warnings,
      };
  }
  return state;
}
