/**
 * What `galley paginate` and `galley edition BUDGET` share: the budget and the ad bookings read
 * and checked, the edition paginated and made up, and the manifest with every position filled in
 * (paths as seen from where it is written), with the per-page report.
 */
import { createWorkspace, type Workspace } from '../edition/createWorkspace.js';
import { defaultDate } from '../edition/loadInput.js';
import { type Pagination, paginateBudget } from '../edition/paginateBudget.js';
import { type PaginationRecord, readRecord } from '../edition/paginationRecord.js';
import { InputError } from '../model/InputError.js';
import { loadBookings } from '../model/loadBookings.js';
import { loadBudget } from '../model/loadBudget.js';
import { positionsInto } from './formatPlans.js';

export interface PaginateFilesOptions {
  budget: string;
  ads?: string;
  /** Where the manifest will be written: its paths are made relative to that folder. */
  output: string;
  date?: string;
  allowRoots?: readonly string[];
  allowMissingGlyphs?: boolean;
  /** The last run's record (paginationRecord.ts): its unchanged pages are kept as they were. */
  previous?: string;
}

export interface PaginatedFiles {
  pagination: Pagination;
  manifest: unknown;
  ws: Workspace;
  /** To write beside the manifest once it is written, for the next run. */
  record: PaginationRecord;
}

export async function paginateFiles(options: PaginateFilesOptions): Promise<PaginatedFiles> {
  const policy = options.allowRoots ? { allowRoots: options.allowRoots } : {};
  const budget = loadBudget(options.budget, policy);
  const bookings = options.ads ? loadBookings(options.ads, budget.sections, policy) : [];
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw new InputError('', '--date', `expected yyyy-mm-dd, got "${options.date}"`);
  const date = options.date ?? budget.date ?? defaultDate();
  const ws = createWorkspace({ ...(options.allowMissingGlyphs && { allowMissingGlyphs: true }) });
  const pagination = await paginateBudget(ws, budget, bookings, date, {
    ...(options.ads && { bookingsFile: options.ads }),
    ...(options.allowRoots && { allowRoots: options.allowRoots }),
    ...(options.previous && { previous: readRecord(options.previous) }),
  });
  const made = pagination.edition.pages.map((page, i) => ({ page, makeup: pagination.makeups[i] }));
  const manifest = positionsInto(pagination.data, pagination.edition, made, 0, options.output);
  dropEmptyJumps(manifest as Manifest);
  return { pagination, manifest, ws, record: pagination.record };
}

type Manifest = {
  sections: {
    pages: { label?: string; stories: { article: string; continuesOn?: string; continuedFrom?: string }[] }[];
  }[];
};

/**
 * A story makeup let jump whose whole text was set on its first page after all has nothing on
 * its jump page (the page drops it): its "continues on" goes too, so the manifest says what is printed.
 */
function dropEmptyJumps(manifest: Manifest): void {
  const pages = manifest.sections.flatMap((s) => s.pages);
  for (const page of pages)
    for (const story of page.stories) {
      if (!story.continuesOn) continue;
      const target = pages.find((p) => p.label === story.continuesOn);
      const continued = target?.stories.some(
        (s) => s.article === story.article && s.continuedFrom === page.label,
      );
      if (!continued) delete story.continuesOn;
    }
}
