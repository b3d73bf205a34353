/**
 * One page of an edition as a unit of work, and what comes back: plain, serialisable data, so the
 * same task runs in-process (`--jobs 1`) or in a worker thread. The PDF itself never comes back:
 * the task writes it (atomically) and returns only the report.
 */
import type { PageReport } from '../layout/types.js';
import type { PdfStandard } from '../render/pdf/index.js';
import type { Edition } from './Edition.js';

export interface PageRenderSettings {
  marks: boolean;
  standard: PdfStandard;
  /** Photo resolution at the placed size and JPEG quality. */
  ppi: number;
  quality: number;
  colour: 'cmyk' | 'gray';
  /** On-disk photo cache shared by every worker (content-addressed, written atomically). */
  cacheDir: string;
  breaker: 'total-fit' | 'greedy';
  limitInputPixels?: number;
  /** The user's --allow-missing-glyphs: set unknown characters as boxes, reported. */
  allowMissingGlyphs?: boolean;
}

export interface PageTask {
  edition: Edition;
  index: number;
  /** Absolute path of the page's PDF. */
  outFile: string;
  settings: PageRenderSettings;
}

/** Why a page failed: the file at fault (an article, a photo, the manifest) and the reason. */
export interface PageFailure {
  file: string;
  field: string;
  reason: string;
  /** Set for internal errors (not the user's input), with GALLEY_DEBUG. */
  stack?: string;
}

interface OutcomeBase {
  index: number;
  label: string;
  /** Wall time of the page in its worker, ms. */
  ms: number;
  /** Peak resident set of the process the page ran in (kB; worker threads share it). */
  maxRssKb: number;
  /** Which worker thread set the page (0 in-process). */
  threadId: number;
}

export type PageOutcome =
  | (OutcomeBase & { ok: true; file: string; bytes: number; report: PageReport; warnings: string[] })
  | (OutcomeBase & { ok: false; error: PageFailure });
