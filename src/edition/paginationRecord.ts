/**
 * What a pagination decided, kept for the next run (DIR/.galley-cache/pagination.json beside the
 * manifest): each page's stories and ads by a key that changes when the story or ad does (its
 * budget row or booking, its article's bytes, its photos' and artwork's bytes). The next run pins
 * the pages whose stories and ads are all unchanged (makeup/paginate.ts, PaginateInput.pinned):
 * late news moves the pages it must and leaves the others as they were.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageLabel, PaginateResult, PinnedPage } from '../makeup/paginate.js';
import { pageKey } from '../makeup/paginate.js';
import type { Booking } from '../model/loadBookings.js';
import type { Budget, BudgetStory } from '../model/loadBudget.js';
import { shown } from './composePage.js';
import type { Workspace } from './createWorkspace.js';

export interface PaginationRecord {
  version: 1;
  /** What every page depends on: a record made for another template, sections or plate is not used. */
  frame: string;
  pages: RecordPage[];
  /** Stories the run held (not on any page). */
  held: string[];
}

interface RecordPage {
  label: string;
  section: number;
  number: number;
  front: boolean;
  stories: { key: string; continuedFrom?: [number, number]; jumpTo?: [number, number] }[];
  jumped: string[];
  held: string[];
  ads: string[];
  house?: { column: number; columns: number; top: number; depth: number }[];
  open?: boolean;
}

/** Where the record of a manifest's pagination is kept. */
export function recordPathFor(manifestDir: string): string {
  return join(manifestDir, '.galley-cache', 'pagination.json');
}

/** The record at `path`, or undefined when there is none or it cannot be read (pagination starts afresh). */
export function readRecord(path: string): PaginationRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as PaginationRecord;
    return data.version === 1 && Array.isArray(data.pages) ? data : undefined;
  } catch {
    return undefined;
  }
}

export interface RecordKeys {
  frame: string;
  stories: string[];
  ads: string[];
}

/** Keys of the budget's stories (in pagination order) and of the bookings. */
export function recordKeys(
  ws: Workspace,
  budget: Budget,
  order: readonly BudgetStory[],
  bookings: readonly Booking[],
  allowRoots?: readonly string[],
): RecordKeys {
  const bytes = new Map<string, string>();
  const fileHash = (path: string) => {
    let h = bytes.get(path);
    if (h === undefined) {
      h = existsSync(path) ? sha(readFileSync(path)) : 'missing';
      bytes.set(path, h);
    }
    return h;
  };
  const frame = sha(
    JSON.stringify({
      template: budget.template,
      plate: budget.plate,
      sections: budget.sections,
      name: budget.name,
      newspaper: budget.newspaper ?? '',
    }),
  );
  const stories = order.map((s) => {
    const { field: _field, articlePath, sectionIndex: _section, ...row } = s;
    const article = ws.article(articlePath, shown(articlePath), allowRoots);
    return sha(
      JSON.stringify({
        row,
        article: fileHash(articlePath),
        photos: article.photos.map((p) => fileHash(p.source)),
      }),
    );
  });
  const ads = bookings.map((b) => {
    const { field: _field, ...row } = b;
    return sha(JSON.stringify({ row, artwork: b.artworkPath ? fileHash(b.artworkPath) : '' }));
  });
  return { frame, stories, ads };
}

/** The run's pages as a record (padding pages are left out: they are made again at the end). */
export function recordOf(
  result: PaginateResult,
  keys: RecordKeys,
  labelOf: (p: PageLabel) => string,
): PaginationRecord {
  const pair = (p: PageLabel): [number, number] => [p.section, p.number];
  return {
    version: 1,
    frame: keys.frame,
    held: result.held.filter((h) => h.story >= 0).map((h) => keys.stories[h.story]!),
    pages: result.pages.flatMap((page, i) => {
      const outcome = result.outcomes[i];
      if (page.padding || !outcome) return [];
      return [
        {
          label: labelOf(page),
          section: page.section,
          number: page.number,
          front: page.front,
          stories: page.stories.map((x) => ({
            key: keys.stories[x.story]!,
            ...(x.continuedFrom !== undefined && { continuedFrom: pair(result.pages[x.continuedFrom]!) }),
            ...(x.jumpTo && { jumpTo: pair(x.jumpTo) }),
          })),
          jumped: outcome.jumped.map((s) => keys.stories[s]!),
          held: outcome.held.map((h) => keys.stories[h.story]!),
          ads: page.ads.map((a) => keys.ads[a]!),
          ...(page.house && page.house.length > 0 && { house: page.house }),
          ...((outcome.white > 0 || (page.house?.length ?? 0) > 0) && { open: true }),
        },
      ];
    }),
  };
}

/**
 * The record's pages in this run's indices, by pageKey: a page one of whose stories or ads is
 * gone or changed (no key matches) is left out, and so is every page of a record made for
 * another frame (template, sections, plate). `known`: the stories the record had unchanged.
 */
export function pinsFrom(
  record: PaginationRecord | undefined,
  keys: RecordKeys,
): { pinned: Map<string, PinnedPage>; known: Set<number> } {
  const pins = new Map<string, PinnedPage>();
  const known = new Set<number>();
  if (!record || record.frame !== keys.frame) return { pinned: pins, known };
  const had = new Set([...record.pages.flatMap((p) => p.stories.map((x) => x.key)), ...(record.held ?? [])]);
  for (const [i, k] of keys.stories.entries()) if (had.has(k)) known.add(i);
  const storyIndex = new Map<string, number>();
  keys.stories.forEach((k, i) => {
    if (!storyIndex.has(k)) storyIndex.set(k, i);
  });
  // Two bookings alike (the same ad twice) are told apart by order: each record ad takes the next.
  const adsByKey = new Map<string, number[]>();
  for (const [i, k] of keys.ads.entries()) adsByKey.set(k, [...(adsByKey.get(k) ?? []), i]);
  const adTaken = new Map<string, number>();
  const label = (p?: [number, number]) => (p ? { section: p[0], number: p[1] } : undefined);
  for (const page of record.pages) {
    const stories = page.stories.map((x) => storyIndex.get(x.key));
    const ads = page.ads.map((k) => {
      const n = adTaken.get(k) ?? 0;
      adTaken.set(k, n + 1);
      return adsByKey.get(k)?.[n];
    });
    if (stories.some((s) => s === undefined) || ads.some((a) => a === undefined)) continue;
    pins.set(pageKey(page.section, page.number), {
      front: page.front,
      stories: page.stories.map((x, k) => {
        const continuedFrom = label(x.continuedFrom);
        const jumpTo = label(x.jumpTo);
        return { story: stories[k]!, ...(continuedFrom && { continuedFrom }), ...(jumpTo && { jumpTo }) };
      }),
      jumped: page.jumped.flatMap((k) => (storyIndex.has(k) ? [storyIndex.get(k)!] : [])),
      held: (page.held ?? []).flatMap((k) => (storyIndex.has(k) ? [storyIndex.get(k)!] : [])),
      ads: ads as number[],
      ...(page.house && { house: page.house }),
      ...(page.open && { open: true }),
    });
  }
  return { pinned: pins, known };
}

/** Labels of the pages of `now` that are as they were in `before` (same stories, ads and jumps). */
export function unchangedPages(before: PaginationRecord | undefined, now: PaginationRecord): string[] {
  if (!before || before.frame !== now.frame) return [];
  const was = new Map(before.pages.map((p) => [p.label, JSON.stringify(p)]));
  return now.pages.filter((p) => was.get(p.label) === JSON.stringify(p)).map((p) => p.label);
}

function sha(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}
