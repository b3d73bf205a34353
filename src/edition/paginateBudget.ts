/**
 * A budget and its ad bookings made into an edition: every story's area estimated with the real
 * layout, pagination (makeup/paginate.ts) asking page makeup to make up each page for real, and
 * the outcome written as an ordinary edition manifest: pages in sections, stories in priority
 * order with their jumps, ads on their pages, no positions (makeup decides them, and
 * `galley layout -o` / `galley paginate -o` writes them in).
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { contentTop } from '../layout/layoutPage.js';
import { createLayoutMeasurer } from '../makeup/createLayoutMeasurer.js';
import { houseAdLabel, houseAdPaper } from '../makeup/houseAds.js';
import { largestFreeRect } from '../makeup/largestFreeRect.js';
import { type PageOutcome, type PaginateResult, type PlannedPage, paginate } from '../makeup/paginate.js';
import { WEIGHTS } from '../makeup/scorePlan.js';
import type { MakeupStory } from '../makeup/types.js';
import { InputError } from '../model/InputError.js';
import type { Booking } from '../model/loadBookings.js';
import { type Budget, type BudgetStory, budgetField } from '../model/loadBudget.js';
import { parseWithSchema } from '../model/parseWithSchema.js';
import { type EditionData, EditionSchema } from '../model/schema/editionSchema.js';
import type { Template } from '../model/template.js';
import { makeupMemoKey, pageMakeup, shown } from './composePage.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition } from './Edition.js';
import { toEdition } from './loadEdition.js';
import { adDepth, measureCacheOf, type PageMakeup } from './makeUpPagePlan.js';
import { type PaginationRecord, pinsFrom, recordKeys, recordOf, unchangedPages } from './paginationRecord.js';

export interface Pagination {
  /** The manifest, without positions (paths relative to the budget's folder). */
  data: EditionData;
  edition: Edition;
  /** Budget stories in the order pagination took them (section, then priority). */
  order: BudgetStory[];
  result: PaginateResult;
  /** Each page's makeup, as kept (undefined for a padding page). */
  makeups: (PageMakeup | undefined)[];
  /** Stories longer than the length the desk asked for (they run as written). */
  overLength: { story: BudgetStory; words: number; wanted: number }[];
  /** What this run decided, for the next one to keep (paginationRecord.ts). */
  record: PaginationRecord;
  /** Labels of the pages that came out as the previous run made them (same stories, ads, jumps). */
  kept: string[];
}

export async function paginateBudget(
  ws: Workspace,
  budget: Budget,
  bookings: readonly Booking[],
  date: string,
  options: { bookingsFile?: string; allowRoots?: readonly string[]; previous?: PaginationRecord } = {},
): Promise<Pagination> {
  const { allowRoots } = options;
  const bookingsFile = options.bookingsFile ?? budget.file;
  const t = budgetTemplate(ws, budget);
  const order = [...budget.stories].sort(
    (a, b) => a.sectionIndex - b.sectionIndex || a.priority - b.priority,
  );
  for (const s of order) {
    if (!existsSync(s.articlePath))
      throw new InputError(budget.file, budgetField(s, 'article'), 'no such file');
    const article = ws.article(s.articlePath, shown(s.articlePath), allowRoots);
    ws.checkGlyphs(article, t);
    if (s.photos !== 'none') await ws.probePhotos(article);
  }
  for (const b of bookings)
    if (b.artworkPath) await ws.probeArtwork(b.artworkPath, bookingsFile, `${b.field}, artwork`);
  const frontLines = t.gridLines - contentTop(t, true);
  const pageLines = t.gridLines - contentTop(t, false);
  const adLines = bookings.map((b) => {
    const lines = adDepth(b.depth, t, bookingsFile, `${b.field}, size`);
    if (b.columns > t.columns || lines > pageLines)
      throw new InputError(
        b.field.startsWith('line') ? bookingsFile : budget.file,
        `${b.field}, size`,
        `a ${b.columns}-column ad ${lines} lines deep is larger than a page (${t.columns} columns x ${pageLines} lines)`,
      );
    return lines;
  });
  const adCells = bookings.map((b, i) => b.columns * adLines[i]!);
  const areas = order.map((s) => estimateArea(ws, t, s));
  const keys = recordKeys(ws, budget, order, bookings, allowRoots);

  const lines = (front: boolean) => (front ? frontLines : pageLines);
  const labelOf = (p: { section: number; number: number }) =>
    `${budget.sections[p.section]!.prefix}${p.number}`;
  const kept = new Map<number, { page: PlannedPage; makeup: PageMakeup | undefined }>();
  // Every trial's makeup by its plan object, so any trial made may be the one kept.
  const trials = new WeakMap<PlannedPage, PageMakeup | undefined>();
  const file = budget.file;
  const toData = (pages: readonly PlannedPage[]): EditionData =>
    manifestData(budget, order, bookings, pages, labelOf, t, date);
  const editionOf = (pages: readonly PlannedPage[]) =>
    toEdition(toData(pages), file, budget.dir, allowRoots ? { allowRoots } : {});
  const memoKey = (label: string) => makeupMemoKey(file, label, 1);

  const result = await paginate({
    sections: budget.sections,
    stories: order.map((s, i) => ({
      section: s.sectionIndex,
      front: s.front,
      jump: s.jump,
      area: areas[i]!.min,
      maxArea: areas[i]!.max,
    })),
    ads: bookings.map((b, i) => ({
      section: b.sectionIndex,
      ...(b.pageNumber !== undefined && { pageNumber: b.pageNumber }),
      columns: b.columns,
      depth: adLines[i]!,
      ...(b.position === 'bottom left' && { column: 0 }),
      ...(b.position === 'bottom right' && { column: t.columns - b.columns }),
      cells: adCells[i]!,
    })),
    frontCells: frontLines * t.columns,
    pageCells: pageLines * t.columns,
    columns: t.columns,
    plate: budget.plate,
    ...pinsFrom(options.previous, keys),
    maker: {
      async makeUp(page, decided) {
        for (;;) {
          const edition = editionOf([...decided, page]);
          ws.memo.delete(memoKey(labelOf(page)));
          let makeup: PageMakeup | undefined;
          try {
            makeup = await pageMakeup(ws, edition, decided.length, 1);
          } catch (e) {
            // Ads whose cells fit but whose shapes do not stack on this page: the last one the
            // page was given goes back to the section's pool (pagination offers it elsewhere).
            if (!(e instanceof InputError)) throw e;
            if (dropRefusedAd(page, e.field, (i) => bookings[i]!.pageNumber !== undefined)) continue;
            // An ad booked on this page that does not fit beside the others: its booking row.
            const k = Number(/\.ads\[(\d+)\]/.exec(e.field)?.[1] ?? -1) - (page.house?.length ?? 0);
            const booking = bookings[page.ads[k] ?? -1];
            if (booking)
              throw new InputError(
                bookingsFile,
                booking.field,
                e.reason.replace(/^a /, 'booked on its page, a '),
              );
            throw e;
          }
          // No makeup: a page with nothing to place (no story; its ads, if any, positioned).
          trials.set(page, makeup);
          return makeup
            ? outcomeOf(page, makeup, t.columns, lines(page.front))
            : unmadeOutcome(page, t.columns, lines(page.front));
        }
      },
      keep(page, decided) {
        const makeup = trials.get(page);
        kept.set(decided.length, { page, makeup });
        if (makeup) ws.memo.set(memoKey(labelOf(page)), makeup);
      },
      continuationArea(story, from) {
        const whole = areas[story]!.min;
        const origin = kept.get(from);
        if (!origin?.makeup) return whole;
        const plan = origin.makeup.plans[0]!;
        const slot = plan.stories.find((m) => origin.page.stories[m.story]?.story === story);
        return slot ? Math.max(t.columns * 8, whole - slot.rect.columns * slot.rect.depth) : whole;
      },
    },
  });
  const refusedAd = result.held.find((h) => h.story < 0);
  if (refusedAd) {
    const b = bookings[-1 - refusedAd.story]!;
    throw new InputError(
      bookingsFile,
      b.field,
      `${refusedAd.reason} (${budget.sections[b.sectionIndex]!.name})`,
    );
  }
  result.held = result.held.filter((h) => h.story >= 0);
  const edition = editionOf(result.pages);
  const makeups = result.pages.map((_, i) => kept.get(i)?.makeup);
  const overLength = order.flatMap((story) => {
    const wanted = /^(\d+)\s*words$/i.exec(story.length);
    if (!wanted) return [];
    const words = ws
      .article(story.articlePath, shown(story.articlePath), allowRoots)
      .body.map((b) => ('text' in b ? String(b.text) : ''))
      .join(' ')
      .split(/\s+/)
      .filter(Boolean).length;
    return words > Number(wanted[1]) ? [{ story, words, wanted: Number(wanted[1]) }] : [];
  });
  const record = recordOf(result, keys, labelOf);
  return {
    data: toData(result.pages),
    edition,
    order,
    result,
    makeups,
    overLength,
    record,
    kept: unchangedPages(options.previous, record),
  };
}

/**
 * The ad makeup refused (field "...ads[k]" of the page written from `page`): house ads come
 * first in that list, then the bookings. Returns whether it was one pagination may move.
 */
function dropRefusedAd(page: PlannedPage, field: string, booked: (ad: number) => boolean): boolean {
  const m = /\.ads\[(\d+)\]/.exec(field);
  if (!m || page.padding) return false;
  const house = page.house?.length ?? 0;
  const k = Number(m[1]);
  if (k < house) page.house = page.house!.filter((_, i) => i !== k);
  else if (page.ads.length > 0 && !booked(page.ads[page.ads.length - 1]!)) page.ads.pop();
  else return false;
  return true;
}

/** A page makeup had nothing to place on: white but for its house ads. */
function unmadeOutcome(page: PlannedPage, columns: number, lines: number): PageOutcome {
  const house = page.house ?? [];
  const white = columns * lines - house.reduce((sum, r) => sum + r.columns * r.depth, 0);
  return {
    placed: [],
    jumped: [],
    held: [],
    white,
    overset: 0,
    filled: white === 0,
    ...(white > 0 && { gap: largestFreeRect(columns, lines, house) }),
  };
}

/** What pagination needs to know of a page's best plan. */
function outcomeOf(page: PlannedPage, makeup: PageMakeup, columns: number, lines: number): PageOutcome {
  const plan = makeup.plans[0]!;
  const story = (i: number) => page.stories[i]!.story;
  const s = plan.score;
  // The score's terms back to cells and lines: unfilled grid cells, and lines of white at column feet.
  const white = Math.round((s.unfilled ?? 0) / WEIGHTS.unfilled + (s.holes ?? 0) / WEIGHTS.hole);
  const overset = Math.round((s.overset ?? 0) / WEIGHTS.overset);
  return {
    placed: plan.stories.map((m) => story(m.story)),
    jumped: plan.stories.filter((m) => m.choice.jumps).map((m) => story(m.story)),
    held: plan.held.map((h) => ({ story: story(h.story), reason: h.reason })),
    white,
    overset,
    filled: white === 0 && overset === 0,
    ...(white > 0 && {
      gap: largestFreeRect(
        columns,
        lines,
        [...plan.stories, ...plan.ads].map((m) => m.rect),
      ),
    }),
  };
}

function manifestData(
  budget: Budget,
  order: readonly BudgetStory[],
  bookings: readonly Booking[],
  pages: readonly PlannedPage[],
  labelOf: (p: { section: number; number: number }) => string,
  t: Template,
  date: string,
): EditionData {
  const rel = (path: string) => relative(budget.dir, path) || '.';
  const houseLabel = houseAdLabel(houseAdPaper(budget.newspaper, t.folio.newspaper, budget.name));
  const lines = t.gridLines - contentTop(t, false);
  const data = {
    name: budget.name,
    ...(budget.newspaper && { newspaper: budget.newspaper }),
    date,
    template: budget.template,
    sections: budget.sections.flatMap((section, s) => {
      const own = pages.filter((p) => p.section === s);
      if (own.length === 0) return [];
      return [
        {
          name: section.name,
          prefix: section.prefix,
          pages: own.map((p) => ({
            label: labelOf(p),
            ...(p.front && { front: true }),
            // Pagination has placed its own house ads (it tried stories in the white first).
            houseAds: false,
            stories: p.stories.map((slot) => {
              const story = order[slot.story]!;
              return {
                article: rel(story.articlePath),
                ...(story.brief && { brief: true }),
                ...(story.photos !== 'optional' && { photos: story.photos }),
                ...(slot.jumpTo && { jump: labelOf(slot.jumpTo) }),
                ...(slot.continuedFrom !== undefined && {
                  continuedFrom: labelOf(pages[slot.continuedFrom]!),
                }),
              };
            }),
            ads: [
              ...(p.padding ? [{ columns: t.columns, depth: lines, label: houseLabel, house: true }] : []),
              ...(p.house ?? []).map((r) => ({
                column: r.column + 1,
                top: r.top,
                columns: r.columns,
                depth: r.depth,
                label: houseLabel,
                house: true,
              })),
              ...p.ads.map((i) => {
                const b = bookings[i]!;
                return {
                  columns: b.columns,
                  depth: b.depth,
                  label: b.label,
                  ...(b.position === 'bottom left' && { column: 1 }),
                  ...(b.position === 'bottom right' && { column: t.columns - b.columns + 1 }),
                  ...(b.artworkPath && { file: rel(b.artworkPath) }),
                };
              }),
            ],
          })),
        },
      ];
    }),
  };
  return parseWithSchema(EditionSchema, data, budget.file);
}

/** Grid cells a story takes, from its best shape at three columns (or the width it allows). */
function estimateArea(ws: Workspace, t: Template, s: BudgetStory): { min: number; max: number } {
  const article = ws.article(s.articlePath, shown(s.articlePath));
  const story: MakeupStory = {
    article,
    field: s.field,
    rank: 1,
    minColumns: s.brief ? 1 : 2,
    maxColumns: t.columns,
    photos: s.photos,
    brief: s.brief,
  };
  const measurer = createLayoutMeasurer(ws.ctx, t, false, [story], measureCacheOf(ws, t));
  const lines = t.gridLines - contentTop(t, false);
  for (const columns of s.brief ? [1, 2] : [3, 2, 4, 5, 6]) {
    if (columns > t.columns) continue;
    const shape = measurer.shapes(0, columns).find((x) => x.fill);
    if (shape?.fill) return { min: columns * shape.fill.min, max: columns * shape.fill.max };
  }
  // Longer than a page at any width: as deep as a page per column it needs.
  return { min: t.columns * lines, max: t.columns * lines };
}

function budgetTemplate(ws: Workspace, budget: Budget): Template {
  try {
    return ws.template(budget.template);
  } catch (e) {
    if (e instanceof InputError && e.file === '') throw new InputError(budget.file, 'template', e.reason);
    throw e;
  }
}
