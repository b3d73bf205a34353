/**
 * Pagination: which story goes on which page. Sections in budget order, each a run of pages; the
 * front page opens the first section. Stories go in priority order; every page is made up for
 * real (through PageMaker) before the next is decided, so what a page could not take (held) is
 * offered to the next page of its section, and what it jumped is set first on its jump page.
 * Booked ads are on their page; ads booked in a section are spread over its pages. A section
 * runs as many pages as its stories and ads need (or the number the budget gives), and the
 * edition is padded to whole plates. Pure: the page maker is the one question it asks.
 */

import { HOUSE_ADS, MIN_HOUSE_LINES } from './houseAds.js';
import { placeAds } from './placeAds.js';
import type { GridRect, MakeupAd } from './types.js';

export interface PaginateStory {
  section: number;
  front: boolean;
  jump: boolean;
  /** Grid cells (columns x lines) the whole story takes at its smallest, and at its largest (photo deepest). */
  area: number;
  maxArea: number;
}

export interface PaginateAd {
  section: number;
  /** Booked on this page of its section (1-based); absent: any page of the section but the front. */
  pageNumber?: number;
  /** Its size in columns and grid lines (`cells` is their product), and the column (0-based) it is booked at, at the foot. */
  columns: number;
  depth: number;
  column?: number;
  cells: number;
}

export interface PaginateInput {
  sections: readonly { pages?: number }[];
  /** In priority order (the caller sorts); the first front story leads the front. */
  stories: readonly PaginateStory[];
  ads: readonly PaginateAd[];
  /** Grid cells of the type area of the front page (under the flag) and of an inside page. */
  frontCells: number;
  pageCells: number;
  /** Columns of a page: a house ad across them takes the white the stories leave. */
  columns: number;
  plate: number;
  maker: PageMaker;
  /**
   * Pages as the last run made them, by `pageKey(section, number)`, in this run's indices (the
   * caller leaves out a page one of whose stories or ads changed or went). Such a page is made
   * again as it was, if what comes before lets it (pinnedTrial); the pages that must change take
   * the stories no pinned page holds, and those of later pinned pages only when they cannot
   * fill without them. Late news then moves as few pages as it can.
   */
  pinned?: ReadonlyMap<string, PinnedPage>;
  /** Stories the last run had, unchanged (on its pages or held): not late news. */
  known?: ReadonlySet<number>;
}

/** A page of the last run (see PaginateInput.pinned). */
export interface PinnedPage {
  front: boolean;
  stories: {
    story: number;
    /** A continuation: the page its first part is on. */
    continuedFrom?: PageLabel;
    jumpTo?: PageLabel;
  }[];
  /** The stories that did jump (their rest went on their jumpTo page), and those it held. */
  jumped: number[];
  held: number[];
  ads: number[];
  house?: { column: number; columns: number; top: number; depth: number }[];
  /** The stories left it white (house ads took it): a late story is offered it first. */
  open?: boolean;
}

export interface PageLabel {
  section: number;
  number: number;
}

export function pageKey(section: number, number: number): string {
  return `${section}|${number}`;
}

export interface PageStory {
  story: number;
  /** Set from where its first page left off: the index of that page. */
  continuedFrom?: number;
  /** May continue on this page (index) if it does not fit. */
  jumpTo?: { section: number; number: number };
}

export interface PlannedPage {
  section: number;
  /** Page number within the section, 1-based. */
  number: number;
  front: boolean;
  stories: PageStory[];
  ads: number[];
  /** Added to fill the last plate: no stories, a house ad. */
  padding?: boolean;
  /** A house ad where the stories left white (content grid terms), as desks fill a hole at deadline. */
  house?: { column: number; columns: number; top: number; depth: number }[];
}

export interface PageOutcome {
  /** Stories set on the page (whole or their first part). */
  placed: number[];
  jumped: number[];
  held: { story: number; reason: string }[];
  /** Grid cells left white, and lines overset. */
  white: number;
  overset: number;
  filled: boolean;
  /** The largest white rectangle no module covers, if any. */
  gap?: { column: number; columns: number; top: number; depth: number };
}

export interface PageMaker {
  makeUp(page: PlannedPage, decided: readonly PlannedPage[]): Promise<PageOutcome>;
  /** The trial of this page that was kept (any trial made before, by its plan object). */
  keep(page: PlannedPage, decided: readonly PlannedPage[], outcome: PageOutcome): void;
  /** Cells the rest of a story still needs after its first part was set on `from`. */
  continuationArea(story: number, from: number): number;
}

export interface PaginateResult {
  pages: PlannedPage[];
  outcomes: PageOutcome[];
  held: { story: number; reason: string }[];
  /** Indices of the pages made again as the last run made them (PaginateInput.pinned). */
  kept: number[];
}

/** Trials of one page: the greedy pick, then with one story more or one fewer. */
const TRIALS = 4;
/** How far down the priority list a smaller story may be taken ahead of a larger one. */
const LOOKAHEAD = 4;
/** A story that may jump goes on a page with room for this share of it (the rest continues). */
const MIN_JUMP_SHARE = 0.35;
/** Cells of white a story's photo and shape can still absorb beyond its smallest area. */
const SLACK = 40;
/** Ads booked in a section take at most this share of a page, unless the page has nothing else. */
const AD_SHARE = 0.55;

export async function paginate(input: PaginateInput): Promise<PaginateResult> {
  const full = await paginatePages(input);
  const content = full.outcomes.length;
  const padding = full.pages.length - content;
  const shorter = content - (content % input.plate);
  // More than half a plate of house-ad pages: a desk runs a plate fewer and holds what will not
  // go in, if that holds no front story, no continuation and no ad (its rest must run).
  if (padding * 2 <= input.plate || shorter < input.plate) return full;
  const counts = input.sections.map((_, s) => full.pages.filter((p) => p.section === s && !p.padding).length);
  let cut = content - shorter;
  for (let s = counts.length - 1; s >= 0 && cut > 0; s--) {
    if (input.sections[s]!.pages !== undefined) continue;
    const booked = Math.max(1, lastBookedPage(input, s));
    const take = Math.min(cut, counts[s]! - booked);
    if (take <= 0) continue;
    counts[s]! -= take;
    cut -= take;
  }
  if (cut === 0) {
    const capped = await paginatePages({
      ...input,
      sections: input.sections.map((section, s) => ({ ...section, pages: section.pages ?? counts[s]! })),
    });
    const started = (story: number) => capped.outcomes.some((o) => o.placed.includes(story));
    const fine =
      capped.pages.length === shorter &&
      capped.pages.every((p, i) => p.ads.length > 0 || capped.outcomes[i]!.placed.length > 0) &&
      capped.held.every((h) => h.story >= 0 && !input.stories[h.story]!.front && !started(h.story));
    if (fine) {
      const before = new Set(full.held.map((h) => h.story));
      for (const h of capped.held)
        if (!before.has(h.story))
          h.reason = `held to run ${shorter} pages rather than ${content + padding} with ${padding} pages of house ads (plates of ${input.plate})`;
      return capped;
    }
  }
  // The full run stands: its pages are the ones kept again.
  for (const [i, outcome] of full.outcomes.entries())
    input.maker.keep(full.pages[i]!, full.pages.slice(0, i), outcome);
  return full;
}

async function paginatePages(input: PaginateInput): Promise<PaginateResult> {
  const pages: PlannedPage[] = [];
  const outcomes: PageOutcome[] = [];
  const held: { story: number; reason: string }[] = [];
  const adsLeft = input.ads.map((_, i) => i).filter((i) => input.ads[i]!.pageNumber === undefined);
  const frontStories = input.stories.map((_, i) => i).filter((i) => input.stories[i]!.front);
  const onTheFront = new Set(frontStories);
  /** Continuations waiting for their jump page: key "section|number". */
  const pending = new Map<string, PageStory[]>();
  const keyOf = pageKey;
  const kept: number[] = [];
  // Stories and ads the last run's pages still to come hold: pages that change leave them be.
  const pins = new Map(input.pinned ?? []);
  const reservedStories = () => new Set([...pins.values()].flatMap((p) => p.stories.map((x) => x.story)));
  const reservedAds = () => new Set([...pins.values()].flatMap((p) => p.ads));
  /** Stories of the last run's pages that were not made again as they were. */
  const unsettled = new Set<number>();

  for (const [s, section] of input.sections.entries()) {
    // Front stories start on the front page (section 0's first page), not on their section's.
    const fresh = input.stories
      .map((_, i) => i)
      .filter((i) => input.stories[i]!.section === s && !onTheFront.has(i));
    const lastBooked = lastBookedPage(input, s);
    const sectionAds = adsLeft.filter((i) => input.ads[i]!.section === s);
    let number = 0;
    let refusedInARow = 0;
    for (;;) {
      number++;
      const front = pages.length === 0;
      const waiting = pending.get(keyOf(s, number)) ?? [];
      const more =
        section.pages !== undefined
          ? number <= section.pages
          : number <= lastBooked ||
            waiting.length > 0 ||
            fresh.length > 0 ||
            sectionAds.length > 0 ||
            (front && frontStories.length > 0);
      if (!more) {
        number--;
        break;
      }
      pending.delete(keyOf(s, number));
      const cells = front ? input.frontCells : input.pageCells;
      const pageAds: number[] = [];
      for (const [i, ad] of input.ads.entries()) {
        if (ad.section !== s || ad.pageNumber !== number) continue;
        // Booked together on one page beyond its size: refused, named by the edition side.
        if (pageAds.reduce((sum, a) => sum + input.ads[a]!.cells, 0) + ad.cells > cells)
          held.push({ story: -1 - i, reason: 'the ads booked on its page add up to more than the page' });
        else pageAds.push(i);
      }
      // The page's share of the ads booked in the section (not on a page): what is left of them
      // over the pages the section is expected to have left. bestTrial picks which ones.
      // Re-estimated on every page from what is left: a section that runs longer than its
      // first estimate must not pile the rest of its ads on one page.
      const remainingPages =
        section.pages !== undefined
          ? Math.max(1, section.pages - number + 1)
          : estimatePages(input, fresh, sectionAds);
      const pool = front ? [] : sectionAds;
      const share = Math.min(
        cells * AD_SHARE,
        Math.max(
          0,
          pool.reduce((sum, i) => sum + input.ads[i]!.cells, 0) / remainingPages -
            pageAds.reduce((sum, i) => sum + input.ads[i]!.cells, 0),
        ),
      );
      const candidates = front ? [...frontStories, ...fresh] : fresh;
      let pin = pins.get(keyOf(s, number));
      pins.delete(keyOf(s, number));
      // A page the stories left white is made again when a story the last run did not have (late
      // or changed), or one a page that changed let go, is waiting: it may take it.
      const reserved = reservedStories();
      const late = candidates.some(
        (c) =>
          (!input.known?.has(c) || unsettled.has(c)) &&
          !reserved.has(c) &&
          !pin?.stories.some((x) => x.story === c),
      );
      if (pin?.open && late) pin = undefined;
      const ask: PageAsk = {
        section: s,
        number,
        front,
        waiting,
        candidates,
        ads: pageAds,
        spareAds: pool,
        share,
        cells,
        last: remainingPages === 1,
        final: number === section.pages,
      };
      const again = pin && (await pinnedTrial(input, pages, pin, ask));
      let page: Trial;
      if (again) {
        page = again;
        kept.push(pages.length);
      } else {
        for (const x of pin?.stories ?? []) unsettled.add(x.story);
        // A page that changed takes what no later page of the last run holds; only if it cannot
        // fill without them does it take theirs (and those pages move too).
        const heldAds = reservedAds();
        const own = candidates.filter((c) => !reserved.has(c));
        const ownAds = pool.filter((a) => !heldAds.has(a));
        page = await bestTrial(input, pages, { ...ask, candidates: own, spareAds: ownAds });
        const short = !page.outcome.filled || page.outcome.held.length > 0;
        if (short && (own.length < candidates.length || ownAds.length < pool.length))
          page = pick([page, await bestTrial(input, pages, ask)], waiting);
      }
      for (const ad of page.page.ads) removeFrom(sectionAds, ad);
      pages.push(page.page);
      outcomes.push(page.outcome);
      input.maker.keep(page.page, pages.slice(0, -1), page.outcome);
      const index = pages.length - 1;
      // What the page set leaves the queues; what it held goes back, ahead of the rest.
      for (const story of page.outcome.placed) {
        removeFrom(fresh, story);
        removeFrom(frontStories, story);
      }
      const heldFresh = page.outcome.held.filter((h) => !waiting.some((w) => w.story === h.story));
      // Front stories the front page did not take (held, or not tried for want of room) open
      // their sections instead, in priority order.
      if (front)
        for (const story of [...frontStories].reverse())
          if (!heldFresh.some((h) => h.story === story)) heldFresh.unshift({ story, reason: '' });
      const back: number[] = [];
      for (const h of heldFresh) {
        removeFrom(frontStories, h.story);
        if (input.stories[h.story]!.section === s) {
          if (!fresh.includes(h.story) && !back.includes(h.story)) back.push(h.story);
        } else {
          // A front story of a later section that the front could not take opens its section.
          pendingFresh(pending, keyOf(input.stories[h.story]!.section, 1), h.story);
        }
      }
      // Back ahead of the rest, in priority order (the stories' order is their priority).
      fresh.unshift(...back.sort((a, b) => a - b));
      for (const story of page.outcome.jumped) {
        const slot = page.page.stories.find((p) => p.story === story)!;
        const to = slot.jumpTo!;
        const list = pending.get(keyOf(to.section, to.number)) ?? [];
        list.push({ story, continuedFrom: index });
        pending.set(keyOf(to.section, to.number), list);
      }
      // A continuation the page could not take is held where it is: its first part stands.
      for (const h of page.outcome.held) if (waiting.some((w) => w.story === h.story)) held.push(h);
      const fixed = section.pages !== undefined;
      const progress = page.outcome.placed.length > 0;
      refusedInARow = progress ? 0 : refusedInARow + 1;
      if (!fixed && refusedInARow >= 2 && fresh.length > 0) {
        // Two pages in a row took nothing: the first story fits no page; hold it, go on.
        const story = fresh.shift()!;
        held.push({ story, reason: heldReasonOf(page.outcome, story) });
        refusedInARow = 0;
      }
      if (fixed && number === section.pages) {
        for (const story of fresh.splice(0))
          held.push({ story, reason: `no room on the ${section.pages} pages of its section` });
      }
    }
    if (section.pages === undefined) await backfill(input, pages, outcomes, s, kept);
    // Ads booked in the section that found no page: on its last page's foot they would overset
    // the stories, so they are reported (the edition side turns this into an error naming the row).
    for (const i of sectionAds)
      held.push({ story: -1 - i, reason: 'no page of the section had room for the ad' });
  }
  // Continuations bound for pages that were never made (a fixed section too short) are held.
  for (const list of pending.values())
    for (const p of list)
      held.push({ story: p.story, reason: 'its jump page is past the end of its section' });
  const padded = (input.plate - (pages.length % input.plate)) % input.plate;
  const last = pages[pages.length - 1]!;
  for (let i = 1; i <= padded; i++)
    pages.push({
      section: last.section,
      number: last.number + i,
      front: false,
      stories: [],
      ads: [],
      padding: true,
    });
  return { pages, outcomes, held, kept };
}

/**
 * A page of the last run made again as it was: if the continuations waiting for it are the ones
 * it had (from the same pages), its fresh stories are still to be placed, its booked ads are the
 * ones booked now and its others still in the section's pool; and if makeup then sets them as
 * before (the same stories jump, the same are held). Else undefined: the page is decided afresh.
 */
async function pinnedTrial(
  input: PaginateInput,
  decided: readonly PlannedPage[],
  pin: PinnedPage,
  ask: PageAsk,
): Promise<Trial | undefined> {
  if (pin.front !== ask.front) return undefined;
  const sameLabel = (a: PageLabel | undefined, b: PageLabel | undefined) =>
    a?.section === b?.section && a?.number === b?.number;
  // Continuations waiting for it: the ones it had, from the same pages. (A front story the front
  // could not take waits too, without a first page: it opens its section.)
  const continued = pin.stories.filter((x) => x.continuedFrom);
  const waitingCont = ask.waiting.filter((w) => w.continuedFrom !== undefined);
  if (continued.length !== waitingCont.length) return undefined;
  for (const w of waitingCont) {
    const origin = decided[w.continuedFrom!];
    const was = continued.find((x) => x.story === w.story);
    if (!origin || !was || !sameLabel(was.continuedFrom, origin)) return undefined;
  }
  const fresh = pin.stories.filter((x) => !x.continuedFrom);
  const opening = ask.waiting.filter((w) => w.continuedFrom === undefined).map((w) => w.story);
  if (!opening.every((s) => fresh.some((x) => x.story === s))) return undefined;
  if (!fresh.every((x) => ask.candidates.includes(x.story) || opening.includes(x.story))) return undefined;
  if (!ask.ads.every((a) => pin.ads.includes(a))) return undefined;
  const extra = pin.ads.filter((a) => !ask.ads.includes(a));
  if (!extra.every((a) => ask.spareAds.includes(a))) return undefined;
  const page: PlannedPage = {
    section: ask.section,
    number: ask.number,
    front: ask.front,
    stories: pin.stories.map((x) => {
      const w = waitingCont.find((y) => y.story === x.story && x.continuedFrom);
      return {
        story: x.story,
        ...(w && { continuedFrom: w.continuedFrom }),
        ...(x.jumpTo && { jumpTo: x.jumpTo }),
      };
    }),
    ads: [...ask.ads, ...extra],
    ...(pin.house && pin.house.length > 0 && { house: pin.house.map((r) => ({ ...r })) }),
  };
  const outcome = await input.maker.makeUp(page, decided);
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (!same(outcome.jumped, pin.jumped)) return undefined;
  if (
    !same(
      outcome.held.map((h) => h.story),
      pin.held,
    )
  )
    return undefined;
  return { page, outcome };
}

/**
 * The last page of a section that did not fill: its stories are offered, one by one, to the
 * section's earlier pages that left white and jump nothing onward (so no later page moves); a
 * page that takes one with less white keeps it. A last page left with nothing is dropped.
 */
async function backfill(
  input: PaginateInput,
  pages: PlannedPage[],
  outcomes: PageOutcome[],
  s: number,
  kept: readonly number[],
): Promise<void> {
  const lastIndex = pages.length - 1;
  // A first section with nothing to set has made no page (the next section opens on the front).
  if (lastIndex < 0) return;
  const last = pages[lastIndex]!;
  // (A page kept from the last run stays as it was.)
  if (last.section !== s || last.front || outcomes[lastIndex]!.filled || kept.includes(lastIndex)) return;
  for (const slot of [...last.stories]) {
    if (slot.continuedFrom !== undefined || input.stories[slot.story]!.front) continue;
    const area = input.stories[slot.story]!.area;
    for (let i = 0; i < lastIndex; i++) {
      const page = pages[i]!;
      const o = outcomes[i]!;
      if (page.section !== s || page.front || o.filled || o.jumped.length > 0 || kept.includes(i)) continue;
      if (o.white + SLACK < area) continue;
      const trial: PlannedPage = { ...page, stories: [...page.stories, { story: slot.story }] };
      const decided = pages.slice(0, i);
      const outcome = await input.maker.makeUp(trial, decided);
      const keepsAll = trial.stories.every((t) => outcome.placed.includes(t.story));
      if (keepsAll && outcome.overset === 0 && outcome.jumped.length === 0 && outcome.white < o.white) {
        pages[i] = trial;
        outcomes[i] = outcome;
        input.maker.keep(trial, decided, outcome);
        last.stories.splice(last.stories.indexOf(slot), 1);
        break;
      }
      // The page as it was stays the one kept.
      input.maker.keep(page, decided, o);
    }
  }
  if (last.stories.length === 0 && last.ads.length === 0) {
    pages.pop();
    outcomes.pop();
  } else if (last.stories.length < outcomes[lastIndex]!.placed.length) {
    const decided = pages.slice(0, lastIndex);
    outcomes[lastIndex] = await input.maker.makeUp(last, decided);
    input.maker.keep(last, decided, outcomes[lastIndex]!);
  }
}

/** The last page of section `s` an ad is booked on (0: none). */
function lastBookedPage(input: PaginateInput, s: number): number {
  return Math.max(0, ...input.ads.filter((a) => a.section === s && a.pageNumber).map((a) => a.pageNumber!));
}

function pendingFresh(pending: Map<string, PageStory[]>, key: string, story: number): void {
  const list = pending.get(key) ?? [];
  list.push({ story });
  pending.set(key, list);
}

function removeFrom(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
}

function heldReasonOf(outcome: PageOutcome, story: number): string {
  return outcome.held.find((h) => h.story === story)?.reason ?? 'no page could take it';
}

/** Pages a section's stories and ads need, estimated from their areas. */
function estimatePages(input: PaginateInput, stories: readonly number[], ads: readonly number[]): number {
  const area =
    stories.reduce((sum, i) => sum + input.stories[i]!.area, 0) +
    ads.reduce((sum, i) => sum + input.ads[i]!.cells, 0);
  return Math.max(1, Math.ceil(area / input.pageCells));
}

interface Trial {
  page: PlannedPage;
  outcome: PageOutcome;
}

/** What one page is asked to take. */
interface PageAsk {
  section: number;
  number: number;
  front: boolean;
  /** Continuations that jump to this page. */
  waiting: readonly PageStory[];
  /** Fresh stories in priority order. */
  candidates: readonly number[];
  /** Ads booked on the page, and the section's pool it may pick from, about `share` cells of them. */
  ads: readonly number[];
  spareAds: readonly number[];
  share: number;
  cells: number;
  /** The section is expected to end with this page. */
  last: boolean;
  /** The section ends with this page (its page count is given): nothing may jump onward. */
  final: boolean;
}

/**
 * One page: continuations first (they lead, so makeup holds them last), then fresh stories in
 * priority order while their estimated areas fit; a story that would overflow goes on if it may
 * jump. Made up for real; if it left white, once more with the next story too, or without the
 * last one if it held something. The best trial is kept: fewest held, then least white.
 */
async function bestTrial(
  input: PaginateInput,
  decided: readonly PlannedPage[],
  ask: PageAsk,
): Promise<Trial> {
  const { section, number, front, waiting, candidates, ads, spareAds, share, cells } = ask;
  const lines = cells / input.columns;
  const rightHand = decided.length % 2 === 0;
  // Ads whose pyramid leaves no more steps than the page has stories to sit on them; on the
  // section's last page any that fit (else they would make a page of ads alone after it).
  const skyline = (extra: readonly number[]) => adSkyline(input, [...ads, ...extra], lines, rightHand);
  const stacks = (extra: readonly number[], stories: number) =>
    ask.last || stepsOf(skyline(extra)) <= Math.max(1, stories);
  const jumpTo = (story: number) => {
    const home = input.stories[story]!.section;
    if (!input.stories[story]!.jump) return undefined;
    if (home === section) return ask.final ? undefined : { section, number: number + 1 };
    return { section: home, number: 1 };
  };
  let free = cells - ads.reduce((sum, i) => sum + input.ads[i]!.cells, 0);
  const base: PageStory[] = waiting.map((w) => {
    free -= input.maker.continuationArea(w.story, w.continuedFrom ?? -1);
    const to = jumpTo(w.story);
    return { ...w, ...(to && { jumpTo: to }) };
  });
  const free0 = free;
  free -= share;
  const chosen: number[] = [];
  for (const [k, story] of candidates.entries()) {
    const area = input.stories[story]!.area;
    const smallest = Math.min(...candidates.slice(k).map((c) => input.stories[c]!.area));
    if (free < smallest) break;
    const empty = chosen.length === 0 && base.length === 0;
    // Priority order, but a smaller story a little further down may take the space left.
    if (chosen.length > 0 && k > candidates.indexOf(chosen[chosen.length - 1]!) + LOOKAHEAD) break;
    if (area <= free || empty || (jumpTo(story) && free >= area * MIN_JUMP_SHARE)) {
      chosen.push(story);
      free -= area;
    }
  }
  // The section's ads that close the gap between what the stories can fill and the page.
  const stories = chosen.map((c) => input.stories[c]!);
  const mayJump = chosen.some((c) => jumpTo(c) !== undefined);
  const high = free0 - stories.reduce((sum, x) => sum + x.area, 0);
  const low = mayJump ? 0 : free0 - stories.reduce((sum, x) => sum + x.maxArea, 0) - base.length * SLACK;
  const nothingElse = chosen.length === 0 && base.length === 0;
  const firstAds = pickAds(
    spareAds.map((a) => ({ ad: a, cells: input.ads[a]!.cells })),
    nothingElse ? 0 : Math.max(0, low),
    nothingElse ? free0 : high,
    nothingElse ? free0 : share,
    (extra) => nothingElse || stacks(extra, base.length + chosen.length),
  );
  const pageWith = (stories: readonly number[], extraAds: readonly number[]): PlannedPage => {
    const count = base.length + stories.length;
    const top = skyline(extraAds);
    // More steps in the ad stack than stories to sit on them: house ads square it off.
    const house = count > 0 && top && stepsOf(top) > count ? squareOff(top) : [];
    return {
      section,
      number,
      front,
      stories: [
        ...base,
        ...stories.map((story) => {
          const to = jumpTo(story);
          return { story, ...(to && { jumpTo: to }) };
        }),
      ],
      ads: [...ads, ...extraAds],
      ...(house.length > 0 && { house }),
    };
  };
  const adCellsOf = (page: PlannedPage) => page.ads.reduce((sum, a) => sum + input.ads[a]!.cells, 0);
  const trials: Trial[] = [];
  const tried = new Set<string>();
  const keyOf = (stories: readonly number[], extra: readonly number[]) =>
    `${stories.join(',')}|${extra.join(',')}`;
  const attempt = async (stories: readonly number[], extra: readonly number[] = []) => {
    const key = keyOf(stories, extra);
    if (tried.has(key) || trials.length >= TRIALS) return;
    tried.add(key);
    const page = pageWith(stories, extra);
    const outcome = await input.maker.makeUp(page, decided);
    trials.push({ page, outcome });
  };
  await attempt(chosen, firstAds);
  for (let round = 0; round < TRIALS - 1; round++) {
    const best = pick(trials, waiting);
    const o = best.outcome;
    if (o.filled && o.held.length === 0) break;
    const current = best.page.stories.slice(base.length).map((p) => p.story);
    const extra = best.page.ads.slice(ads.length);
    const unused = candidates.filter((c) => !current.includes(c));
    let nextAds = extra;
    const heldContinuation = o.held.some((h) => waiting.some((w) => w.story === h.story));
    let next: number[] | undefined;
    if ((heldContinuation || o.overset > 0) && current.length > 0) next = current.slice(0, -1);
    else if (heldContinuation && extra.length > 0) {
      // Nothing fresh to take off: the section's ads make room (they go back to the pool).
      next = current;
      nextAds = [];
    } else if (o.overset > 0) next = current;
    else if (o.held.length > 0) {
      const keep = current.filter((c) => !o.held.some((h) => h.story === c));
      const smaller = unused.find((c) => input.stories[c]!.area <= o.white + SLACK);
      next = smaller !== undefined ? [...keep, smaller] : keep;
      if (smaller === undefined && keep.length === 0 && base.length === 0 && extra.length > 0) {
        // A page of ads alone is the last resort: half the section's ads make room for its story.
        const room = extra.reduce((sum, a) => sum + input.ads[a]!.cells, 0) / 2;
        next = current;
        nextAds = pickAds(
          extra.map((a) => ({ ad: a, cells: input.ads[a]!.cells })),
          0,
          room,
          room,
          (some) => stacks(some, current.length),
        );
      }
    } else if (o.white > 0) {
      // White: a story that fits it; else one the section's ads here make room for (they go back
      // to the pool); else one that may jump; else an ad of the section about the white's size.
      const fits = unused.find((c) => input.stories[c]!.area <= o.white + SLACK);
      const adRoom = extra.reduce((sum, a) => sum + input.ads[a]!.cells, 0);
      const trade =
        adRoom > 0 ? unused.find((c) => input.stories[c]!.area <= o.white + adRoom + SLACK) : undefined;
      const jumps = unused.find((c) => jumpTo(c) !== undefined);
      const ad = spareAds
        .filter(
          (a) =>
            !extra.includes(a) &&
            input.ads[a]!.cells <= o.white + SLACK / 2 &&
            adCellsOf(best.page) + input.ads[a]!.cells <= cells &&
            stacks([...extra, a], best.page.stories.length),
        )
        .sort((a, b) => Math.abs(input.ads[a]!.cells - o.white) - Math.abs(input.ads[b]!.cells - o.white))[0];
      if (fits !== undefined) next = [...current, fits];
      else if (trade !== undefined) {
        next = [...current, trade];
        nextAds = [];
      } else if (jumps !== undefined) next = [...current, jumps];
      else if (ad !== undefined) {
        next = current;
        nextAds = [...extra, ad];
      }
    }
    if (!next || tried.has(keyOf(next, nextAds))) break;
    await attempt(next, nextAds);
  }
  // Still white: a house ad takes the largest white rectangle and the page is made up around
  // it (without the stories it held: they go on the next page); twice at most.
  for (let round = 0; round < HOUSE_ADS; round++) {
    const best = pick(trials, waiting);
    const gap = best.outcome.gap;
    const heldHere = best.outcome.held.map((h) => h.story);
    if (best.outcome.filled || best.outcome.overset > 0 || !gap) break;
    if (heldHere.some((story) => waiting.some((w) => w.story === story))) break;
    if (gap.depth < MIN_HOUSE_LINES || gap.columns * gap.depth < best.outcome.white / 2) break;
    const page = {
      ...best.page,
      stories: best.page.stories.filter((p) => !heldHere.includes(p.story)),
      house: [...(best.page.house ?? []), gap],
    };
    trials.push({ page, outcome: await input.maker.makeUp(page, decided) });
  }
  return pick(trials, waiting);
}

/** Ads a page picks from its section's pool at most: more is a page of ads. */
const MAX_PICKED_ADS = 5;

/**
 * Ads whose cells add up to between `low` and `high` and as near `target` as can be, among the
 * sets `fits` accepts (their pyramid leaves a top the page's stories can sit on): what the
 * page's stories cannot fill, the ads do. Larger ads first on a tie; the empty set if none fits.
 */
export function pickAds(
  pool: readonly { ad: number; cells: number }[],
  low: number,
  high: number,
  target: number,
  fits: (ads: readonly number[]) => boolean = () => true,
): number[] {
  const sorted = [...pool].sort((a, b) => b.cells - a.cells || a.ad - b.ad);
  const aim = Math.min(high, Math.max(target, low));
  // Short of `low` costs ten times as much as the same distance from the aim.
  const cost = (total: number) => Math.abs(total - aim) + (total < low ? (low - total) * 10 : 0);
  let best: number[] = [];
  let bestCost = cost(0);
  const set: number[] = [];
  const visit = (from: number, total: number) => {
    for (let i = from; i < sorted.length; i++) {
      const a = sorted[i]!;
      if (total + a.cells > high) continue;
      set.push(a.ad);
      const c = cost(total + a.cells);
      if (c < bestCost && fits(set)) {
        best = [...set];
        bestCost = c;
      }
      if (set.length < MAX_PICKED_ADS) visit(i + 1, total + a.cells);
      set.pop();
    }
  };
  visit(0, 0);
  return best;
}

/**
 * Where the page's free space ends in each column once its ads are placed as page makeup will
 * place them (the top of their pyramid; `lines` where a column has none), or undefined if they
 * do not all fit.
 */
function adSkyline(
  input: PaginateInput,
  ads: readonly number[],
  lines: number,
  rightHand: boolean,
): number[] | undefined {
  const placed = placeAds(
    ads.map((a): MakeupAd => {
      const ad = input.ads[a]!;
      return {
        field: '',
        label: '',
        columns: ad.columns,
        depth: ad.depth,
        ...(ad.column !== undefined && { at: { column: ad.column, top: lines - ad.depth } }),
      };
    }),
    input.columns,
    lines,
    rightHand,
    [],
  );
  if (placed.refused.length > 0) return undefined;
  const top = new Array<number>(input.columns).fill(lines);
  for (const { rect } of placed.ads)
    for (let c = rect.column; c < rect.column + rect.columns; c++) top[c] = Math.min(top[c]!, rect.top);
  return top;
}

/**
 * Steps in the top of the ads' pyramid: runs of columns whose free space ends at the same line.
 * 1 is a flat band across the page (or no ads): one story can sit on it; each step more needs a
 * module more.
 */
function stepsOf(top: readonly number[] | undefined): number {
  if (!top) return Number.POSITIVE_INFINITY;
  let steps = 1;
  for (let c = 1; c < top.length; c++) if (top[c] !== top[c - 1]) steps++;
  return steps;
}

/**
 * House ads that square off the ads' pyramid into one band across the page: one per run of
 * columns below the top of the highest ad, as a desk fills the steps of an ad stack it cannot
 * sell, so the stories above sit on a straight foot.
 */
export function squareOff(top: readonly number[]): GridRect[] {
  const band = Math.min(...top);
  const out: GridRect[] = [];
  for (let c = 0; c < top.length; ) {
    let e = c + 1;
    while (e < top.length && top[e] === top[c]) e++;
    if (top[c]! > band) out.push({ column: c, columns: e - c, top: band, depth: top[c]! - band });
    c = e;
  }
  return out;
}

/** No continuation held, fewest stories held, then least white and overset, then the earliest trial. */
function pick(trials: readonly Trial[], waiting: readonly PageStory[]): Trial {
  const cost = (t: Trial) =>
    t.outcome.held.filter((h) => waiting.some((w) => w.story === h.story)).length * 1_000_000 +
    t.outcome.held.length * 10_000 +
    t.outcome.white +
    t.outcome.overset * 20;
  return trials.reduce((best, t) => (cost(t) < cost(best) ? t : best));
}
