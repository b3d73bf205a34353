/**
 * StoryMeasurer over the real layout: a shape is measured by laying the story out once in a
 * module as deep as the page (its natural depth is how far down its columns reach), and kept;
 * the search then asks thousands of times at no cost. `settle` lays out the chosen module and
 * searches the photo depth that fills it, also kept.
 */

import { WARN_BELOW_PPI } from '../images/resolution.js';
import { createSetLinesCache } from '../layout/flowBody.js';
import { contentTop, frameOnPage } from '../layout/layoutPage.js';
import { layoutStory, type StoryLayout, type StoryPlan } from '../layout/layoutStory.js';
import { layoutStoryHeader, type StoryRole } from '../layout/layoutStoryHeader.js';
import { photoLinesRange } from '../layout/placePhoto.js';
import { baselineOffset } from '../layout/stackLines.js';
import {
  createLayoutMemo,
  type LayoutMemo,
  type PreparedBodies,
  type TypesetContext,
} from '../layout/TypesetContext.js';
import type { Article } from '../model/article.js';
import { spanWidth, type Template } from '../model/template.js';
import { headlineLadder } from './headlineLadder.js';
import {
  contentDepth,
  HOLE_LINES,
  type Settled,
  type StoryMeasurer,
  type StoryShape,
} from './StoryMeasurer.js';
import type { GridRect, MakeupStory } from './types.js';

/** Legs of type shorter than this look like a mistake (MAKEUP.md, rule short-legs). */
export const MIN_LEG_LINES = 4;
/** A story that jumps keeps at least this many lines in each column of its first page. */
const MIN_JUMP_LEG = 6;
/** Lines overset that the breaker's looseness may still take back (one tighter paragraph each). */
const SETTLE_TRIES = 8;
/**
 * Photo depths tried shallower than the deepest that takes the story, looking for columns that
 * end even. Measured on the makeup bench, the sample budget and the makeup sample: of 103 such
 * searches, the 10 that found better all found it 3 lines shallower; trying 8 cost up to five
 * layouts a search for nothing.
 */
const SHALLOWER_PHOTO_TRIES = 3;
/** A photo that found no room counts as this many lines overset. */
const LOST_PHOTO_LINES = 10;
/** Paragraphs tried, longest first, when the breaker's looseness fills a module. */
const LOOSEN_TRIES = 24;
/** Characters of a paragraph long enough to be set a line looser (about five lines of a column). */
const LOOSE_PARAGRAPH_CHARS = 220;
/** Share of such paragraphs that do give a line within the tolerance (measured on the corpus: most). */
const LOOSEN_YIELD = 0.7;

/**
 * What one template's measurers keep for the run: a story is measured on every page pagination
 * tries it on, and again when the page is set; its shapes and settled modules are the same each
 * time (they depend on the story and the module, not on the page's other stories), so they are
 * kept by article and everything else they depend on. A pure cache: the pages come out the same
 * without it.
 */
export interface MeasureCache {
  /** Prepared bodies (a page's paragraph breaks are its own: kept for every page, they took 2x the memory). */
  bodies: PreparedBodies;
  /** Short texts (heads, decks, captions) prepared and set: the same on every page of the template. */
  texts: Map<string, unknown>;
  shapes: WeakMap<Article, Map<string, StoryShape[]>>;
  settled: WeakMap<Article, Map<string, Settled>>;
}

export function createMeasureCache(): MeasureCache {
  return { bodies: new WeakMap(), texts: new Map(), shapes: new WeakMap(), settled: new WeakMap() };
}

/** Everything but the article a story's shapes depend on (the page's other stories do not count). */
function storyKey(story: MakeupStory, front: boolean): string {
  return [
    front,
    roleOf(story),
    story.brief,
    story.photos,
    story.jump ?? '',
    story.continuedFrom ?? '',
    story.resume ? JSON.stringify(story.resume) : '',
  ].join('|');
}

function byArticle<T>(cache: WeakMap<Article, Map<string, T>>, article: Article): Map<string, T> {
  let known = cache.get(article);
  if (!known) {
    known = new Map();
    cache.set(article, known);
  }
  return known;
}

export function createLayoutMeasurer(
  ctx: TypesetContext,
  t: Template,
  front: boolean,
  stories: readonly MakeupStory[],
  cache: MeasureCache = createMeasureCache(),
): StoryMeasurer & { memo: LayoutMemo } {
  const lines = t.gridLines - contentTop(t, front);
  const keys = stories.map((story) => storyKey(story, front));
  const shapesKnown = stories.map((story) => byArticle(cache.shapes, story.article));
  const settled = stories.map((story) => byArticle(cache.settled, story.article));
  const bodyMetrics = ctx.shaper.metrics(t.styles.body.font);
  const capOffset = baselineOffset(t.baseline) - bodyMetrics.capHeight * t.styles.body.size;

  const planFor = (
    s: number,
    rect: GridRect,
    shape: StoryShape,
    photoLines?: number,
    jumps = false,
    looseness?: Record<number, number>,
  ) => {
    const story = stories[s]!;
    const plan: StoryPlan = {
      article: story.article,
      frame: frameOnPage(t, front, { ...rect, column: rect.column }),
      role: roleOf(story),
      headlineColumns: rect.columns,
      // Without the top photo, no photo at all: the others would stand in for it unasked.
      photos: shape.photo,
      headlineSize: shape.headlineSize,
      topPhotoColumns: rect.columns,
      pullQuotes: shape.quote,
      ...(shape.photo && photoLines !== undefined ? { topPhotoLines: photoLines } : {}),
      ...(!shape.photo && { topPhotoLines: 0 }),
      ...(jumps && story.jump && { continuesOn: story.jump }),
      ...(story.continuedFrom && { continuedFrom: story.continuedFrom }),
      ...(story.resume && { resume: story.resume }),
      ...(looseness && { looseness }),
    };
    return plan;
  };
  // One memo for every layout of the page's stories: bodies prepared once, paragraphs broken once
  // per measure, heads and captions set once per width for the run. A context that brings its own
  // memo (a watching workspace keeps one across redraws) has it used instead.
  const memoCtx: TypesetContext = ctx.memo
    ? ctx
    : { ...ctx, memo: createLayoutMemo(createSetLinesCache, cache.bodies, cache.texts) };
  const lay = (plan: StoryPlan): StoryLayout => layoutStory(memoCtx, t, plan);

  return {
    // The page's own layout, right after its makeup, finds its modules' breaks here.
    memo: memoCtx.memo!,
    shapes(s, columns) {
      const story = stories[s]!;
      const headlineSize = headlineLadder(t, story.rank, columns, story.brief);
      const key = `${keys[s]}|${columns}|${headlineSize}`;
      const known = shapesKnown[s]!.get(key);
      if (known) return known;
      const out: StoryShape[] = [];
      const width = spanWidth(t, columns);
      const head = layoutStoryHeader(
        memoCtx,
        t,
        story.article,
        roleOf(story),
        0,
        0,
        width,
        story.continuedFrom,
        headlineSize,
      ).gridLines;
      const photo = story.continuedFrom ? undefined : topPhoto(ctx, story);
      const photoChoices =
        story.photos === 'none' || !photo ? [false] : story.photos === 'required' ? [true] : [true, false];
      if (story.photos === 'required' && !photo) {
        shapesKnown[s]!.set(key, out);
        return out;
      }
      const quoteChoices =
        story.article.pullQuotes.length > 0 && !story.brief && columns >= 2 ? [true, false] : [false];
      for (const withPhoto of photoChoices) {
        // A photo is kept to the depths where it prints at WARN_BELOW_PPI or better. At a width
        // where even its shallowest is coarser, it is still offered, marked low-res: the score
        // makes leaving it out the better choice wherever that fills the page too.
        const rangeAt = (minPpi: number) =>
          photoLinesRange(memoCtx, t, photo!, width, capOffset, story.article.language, minPpi);
        let range = withPhoto ? rangeAt(WARN_BELOW_PPI) : undefined;
        const lowRes = range !== undefined && range.min > range.max;
        if (lowRes) range = rangeAt(0);
        if (range && range.min > range.max) continue;
        for (const quote of quoteChoices) {
          const shape: StoryShape = {
            columns,
            photo: withPhoto,
            quote,
            headlineSize,
            headLines: head,
            ...(range && { photoLines: range }),
            ...(lowRes && { lowResPhoto: true }),
            photosSet: 0,
          };
          const layout = lay(planFor(s, { column: 0, columns, top: 0, depth: lines }, shape, range?.min));
          shape.photosSet = layout.report.photos.filter((p) => p.placed).length;
          const overset = layout.report.oversetLines > 0;
          const natural = Math.max(...layout.feet);
          const photoLines = range?.min ?? 0;
          const leg = natural - head - photoLines;
          if (!overset && leg >= MIN_LEG_LINES) {
            // Deeper by the photo's give, and by the lines the breaker's looseness can add: about
            // one per long paragraph, spread over the columns (settle finds out exactly).
            const give = range ? range.max - range.min : 0;
            const loose = Math.floor((loosenable(story) * LOOSEN_YIELD) / columns);
            shape.fill = { min: natural, max: Math.min(lines, natural + give + 1 + loose) };
          }
          if (story.jump && !story.continuedFrom) {
            const min = head + photoLines + MIN_JUMP_LEG;
            const max = overset ? lines : natural - 1;
            if (min <= max) shape.jump = { min, max };
          }
          if (shape.fill || shape.jump) out.push(shape);
        }
      }
      shapesKnown[s]!.set(key, out);
      return out;
    },

    settle(s, rect, shape) {
      const depth = contentDepth(rect);
      const jumps = !(shape.fill && depth >= shape.fill.min && depth <= shape.fill.max);
      const key = `${keys[s]}|${rect.columns}|${depth}|${rect.top > 0}|${shape.headlineSize}|${shape.photo}|${shape.quote}|${jumps}`;
      const known = settled[s]!.get(key);
      if (known) return known;
      const at = { ...rect, column: 0 };
      const page = frameOnPage(t, front, at);
      // Each photo depth laid out once (the search below comes back to the same depths).
      const byDepth = new Map<number | undefined, Trial>();
      const check = (photoLines?: number, looseness?: Record<number, number>): Trial => {
        const known = looseness ? undefined : byDepth.get(photoLines);
        if (known) return known;
        const trial = measure(photoLines, looseness);
        if (!looseness) byDepth.set(photoLines, trial);
        return trial;
      };
      const measure = (photoLines?: number, looseness?: Record<number, number>): Trial => {
        const layout = lay(planFor(s, at, shape, photoLines, jumps, looseness));
        // A photo the shape counted on that found no room is as bad as text that found none.
        const lost = shape.photosSet - layout.report.photos.filter((p) => p.placed).length;
        return {
          photoLines,
          looseness,
          overset: layout.report.oversetLines + Math.max(0, lost) * LOST_PHOTO_LINES,
          hole: Math.max(...layout.feet.map((f) => page.depth - f)),
        };
      };
      const base = {
        columns: rect.columns,
        depth: rect.depth,
        quote: shape.quote,
        headlineSize: shape.headlineSize,
        jumps,
      };
      let best: Trial;
      let tighter: Trial | undefined;
      if (!shape.photo || !shape.photoLines) best = check();
      else if (jumps) best = check(shape.photoLines.min);
      else {
        // A deeper photo leaves less room for text: the deepest photo that still takes the whole
        // story, or a line or a few shallower, where the columns' keeps come out even.
        let lo = shape.photoLines.min;
        let hi = shape.photoLines.max;
        let deepest = lo;
        // First guess: the photo deepened by the lines the module has beyond the shape's natural
        // depth (the text stays as it was). Where that takes the story and a line more does
        // not, it is the deepest; else the search finds it.
        const guess = shape.fill ? Math.min(hi, Math.max(lo, lo + depth - shape.fill.min)) : lo;
        if (check(guess).overset === 0 && (guess === hi || check(guess + 1).overset > 0)) {
          deepest = guess;
          lo = hi + 1;
        }
        while (lo <= hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (check(mid).overset > 0) hi = mid - 1;
          else {
            deepest = mid;
            lo = mid + 1;
          }
        }
        best = check(deepest);
        if (deepest < shape.photoLines.max) tighter = check(deepest + 1);
        for (
          let p = deepest - 1;
          p >= Math.max(shape.photoLines.min, deepest - SHALLOWER_PHOTO_TRIES) && best.hole >= HOLE_LINES;
          p--
        ) {
          const r = check(p);
          if (r.overset === 0 && r.hole < best.hole) best = r;
        }
      }
      const paragraphs = paragraphsByLength(stories[s]!);
      if (!jumps && best.hole >= HOLE_LINES) {
        const from = best;
        best = loosen(from, 1, (l) => check(from.photoLines, l), paragraphs);
      }
      if (
        !jumps &&
        best.hole >= HOLE_LINES &&
        tighter &&
        tighter.overset > 0 &&
        tighter.overset <= SETTLE_TRIES
      ) {
        const start = tighter;
        const tight = loosen(start, -1, (l) => check(start.photoLines, l), paragraphs);
        if (tight.overset === 0 && tight.hole < best.hole) best = tight;
      }
      const result: Settled = {
        choice: {
          ...base,
          ...(best.photoLines !== undefined && { photoLines: best.photoLines }),
          ...(best.looseness && { looseness: best.looseness }),
        },
        hole: best.hole,
        overset: best.overset,
      };
      settled[s]!.set(key, result);
      return result;
    },
  };
}

/**
 * The breaker's looseness as a last means of filling: paragraphs, longest first (they have the
 * most spaces to give), set one line longer (`step` 1, the columns end short) or shorter (-1, a
 * few lines overset), one at a time, each kept only if it brings the columns nearer their foot.
 * Each paragraph stays within its tolerance: one the breaker cannot loosen keeps its optimum.
 */
function loosen(
  from: Trial,
  step: 1 | -1,
  check: (looseness: Record<number, number>) => Trial,
  paragraphs: readonly number[],
): Trial {
  let best = from;
  const looseness: Record<number, number> = {};
  for (const p of paragraphs.slice(0, LOOSEN_TRIES)) {
    const trial = check({ ...looseness, [p]: step });
    // A line added may not show in the deepest hole until the columns rebalance: keep it unless
    // it makes things worse.
    const better =
      step === 1
        ? trial.overset === 0 && trial.hole <= best.hole
        : trial.overset < best.overset || (trial.overset === 0 && trial.hole <= best.hole);
    if (!better) continue;
    looseness[p] = step;
    best = trial;
    if (best.overset === 0 && best.hole < HOLE_LINES) break;
  }
  return best;
}

interface Trial {
  photoLines: number | undefined;
  looseness: Record<number, number> | undefined;
  overset: number;
  hole: number;
}

export function roleOf(story: MakeupStory): StoryRole {
  return story.brief ? 'brief' : story.rank === 0 ? 'lead' : 'secondary';
}

/** Paragraphs long enough (about five lines or more) for the breaker to give a line more. */
function loosenable(story: MakeupStory): number {
  const from = story.resume?.block ?? 0;
  return story.article.body.filter(
    (b, i) =>
      i >= from &&
      b.kind === 'paragraph' &&
      b.runs.reduce((n, r) => n + r.text.length, 0) >= LOOSE_PARAGRAPH_CHARS,
  ).length;
}

/** The story's paragraphs set on this page (by body index), the longest first. */
function paragraphsByLength(story: MakeupStory): number[] {
  const from = story.resume?.block ?? 0;
  return story.article.body
    .map((b, i) => ({ i, words: b.kind === 'paragraph' ? b.runs.reduce((n, r) => n + r.text.length, 0) : 0 }))
    .filter((b) => b.i >= from && b.words > 0)
    .sort((a, b) => b.words - a.words || a.i - b.i)
    .map((b) => b.i);
}

/** The photo makeup may set across the top of the module: the first, when it belongs at the top. */
function topPhoto(ctx: TypesetContext, story: MakeupStory) {
  const first = story.article.photos[0];
  if (!first || (first.afterParagraph ?? 0) !== 0 || !ctx.photos.has(first.source)) return undefined;
  return first;
}
