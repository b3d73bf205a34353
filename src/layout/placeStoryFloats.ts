/**
 * Places a story's floats before its text: the first photo across the top of the body, further
 * photos and the pull quote after the paragraph they belong to (where a first flow puts it), each
 * kept clear of the others and inside the module. A float that cannot fit is reported, not drawn;
 * in a story that jumps it goes to the jump page instead, so every float is set on one page.
 */
import type { ArticlePhoto, ArticlePullQuote } from '../model/article.js';
import type { Template } from '../model/template.js';
import { columnX, gridY, spanWidth } from '../model/template.js';
import type { FlowResult } from './flowBody.js';
import { type Rect, rectsOverlap } from './geometry.js';
import type { StoryPlan } from './layoutStory.js';
import { type Float, type PhotoFloat, placePhoto } from './placePhoto.js';
import { placePullQuote } from './placePullQuote.js';
import type { PreparedBody } from './prepareBody.js';
import { shiftFloat } from './shiftElements.js';
import { baselineOffset } from './stackLines.js';
import type { TypesetContext } from './TypesetContext.js';
import type { PhotoReport } from './types.js';

export interface StoryFloats {
  floats: Float[];
  photos: PhotoReport[];
  warnings: string[];
  /** Floats left for the jump page: anchored beyond this page's text, or with no room here. */
  deferred: { photos: number[]; quotes: number[] };
}

/** The top photo may take at most this share of the body's depth. */
const TOP_PHOTO_DEPTH = 0.45;
const INLINE_PHOTO_DEPTH = 0.3;
/** A second photo in a narrow module would leave no room for the story itself. */
const MIN_COLUMNS_FOR_MORE_PHOTOS = 3;
/** Positions tried for a float that pushes text out before deciding there is no room for it. */
const MAX_PUSH_TRIES = 12;

export function placeStoryFloats(
  ctx: TypesetContext,
  t: Template,
  plan: StoryPlan,
  body: PreparedBody,
  bodyTop: number,
  bodyEnd: number,
  /** The body flowed (and balanced) around the exclusions: where its paragraphs fall. */
  flowWith: (exclusions: readonly Rect[]) => FlowResult,
  /**
   * Whether the body oversets around the exclusions. Balancing never changes that (it only
   * shortens columns that already hold everything), so this is one flow where flowWith is several.
   */
  oversetsWith: (exclusions: readonly Rect[]) => boolean = (ex) => !!flowWith(ex).overset,
): StoryFloats {
  const { article, frame } = plan;
  const floats: Float[] = [];
  const photos: PhotoReport[] = [];
  const warnings: string[] = [];
  const deferred = { photos: [] as number[], quotes: [] as number[] };
  const gridTop = t.typeArea.y;
  const depthPt = (bodyEnd - bodyTop) * t.baseline;
  const colX = (c: number) => columnX(t, frame.column + c);
  const bodyMetrics = ctx.shaper.metrics(t.styles.body.font);
  // Photos align their top edge with the cap height of the first body line beside them.
  const capOffset = baselineOffset(t.baseline) - bodyMetrics.capHeight * t.styles.body.size;
  const lineTop = (l: number) => gridY(t, l);
  const exclusions = () => floats.map((f) => f.exclusion);
  const fits = (f: Float) =>
    f.rect.y + f.rect.height <= lineTop(bodyEnd) + 1e-6 &&
    !floats.some((o) => rectsOverlap(o.exclusion, f.rect) || rectsOverlap(f.exclusion, o.rect));
  // Every float is set on one page only. A jump page sets exactly what the first page left to it.
  const wanted = (kind: 'photos' | 'quotes', index: number) =>
    !plan.continuedFrom || (plan.resume?.deferred?.[kind] ?? []).includes(index);

  /**
   * A float anchored to the `anchor`-th paragraph (subheads do not count) goes below that paragraph,
   * else as near to it as there is room. Undefined: no room.
   */
  const placeAnchored = (
    kind: 'photos' | 'quotes',
    anchor: number,
    span: number,
    make: (column: number, line: number) => Float | undefined,
  ): Float | undefined => {
    const result = flowWith(exclusions());
    const local = blockAfterParagraph(article.body, anchor) - body.firstBlock;
    // On the story's first page, a float whose paragraph is set on the jump page goes there.
    if (plan.continuesOn && result.overset && result.overset.block <= local - 1) return undefined;
    const end =
      [...result.lines].reverse().find((l) => l.block === local - 1) ??
      result.lines.find((l) => l.block >= local);
    // A float whose paragraph was set on an earlier page opens this page's part of the story.
    const before = local < 1;
    const startColumn = end && !before ? Math.min(end.slot.column, frame.columns - span) : 0;
    const startLine = end && !before ? end.slot.line + 2 : bodyTop;
    // Nearest to the anchor first: below it in its column, then higher up, then the other columns.
    // A photo of a story that jumps never moves above its paragraph: it would push that paragraph
    // (and more of the story) off the page; a pull quote may.
    const allowAbove = !plan.continuesOn || kind === 'quotes';
    const columns = [
      startColumn,
      ...range(startColumn + 1, frame.columns - span + 1),
      ...range(0, startColumn).reverse(),
    ];
    const lines = range(allowAbove ? bodyTop + 1 : startLine, bodyEnd).sort(
      (a, b) => rank(a, startLine) - rank(b, startLine),
    );
    if (before) lines.unshift(bodyTop);
    // A float must not push the text of a story that fits out of its module: a dropped photo is
    // reported, lost words are worse. A few such tries mean there is no room anywhere.
    let pushTries = MAX_PUSH_TRIES;
    const pushesTextOut = (f: Float) => !result.overset && oversetsWith([...exclusions(), f.exclusion]);
    for (const c of columns) {
      const base = pushTries > 0 ? make(c, startLine) : undefined;
      if (!base) continue;
      for (const line of lines) {
        const f = shiftFloat(base, (line - startLine) * t.baseline);
        if (!fits(f)) continue;
        if (!pushesTextOut(f)) return f;
        if (--pushTries <= 0) break;
      }
    }
    return undefined;
  };

  /** Not placed: left to the jump page when the story continues, else reported. */
  const notPlaced = (kind: 'photos' | 'quotes', index: number, why: string) => {
    if (plan.continuesOn) deferred[kind].push(index);
    else warnings.push(why);
  };

  article.photos.forEach((photo: ArticlePhoto, i: number) => {
    if (!plan.photos || !wanted('photos', i)) return;
    const atTop = i === 0 && (photo.afterParagraph ?? 0) === 0 && !plan.continuedFrom;
    // Page makeup decides the top photo's span and depth (0: none); the others go inline.
    if (atTop && plan.topPhotoLines === 0) {
      photos.push({ file: photo.file, ppi: 0, placed: false });
      return;
    }
    const span = Math.min(
      frame.columns,
      (atTop && plan.topPhotoColumns) || photo.columns || defaultPhotoSpan(plan, i),
    );
    if (!ctx.photos.has(photo.source)) {
      warnings.push(`photo ${photo.file}: not loaded`);
      photos.push({ file: photo.file, ppi: 0, placed: false });
      return;
    }
    let float: PhotoFloat | undefined;
    if (i > 0 && frame.columns < MIN_COLUMNS_FOR_MORE_PHOTOS) {
      notPlaced(
        'photos',
        i,
        `photo ${photo.file}: not placed: a ${frame.columns}-column module takes one photo`,
      );
    } else {
      const place = (c: number, line: number, maxShare: number, exactLines?: number) =>
        placePhoto(
          ctx,
          t,
          photo,
          colX(c),
          lineTop(line) + capOffset,
          spanWidth(t, span),
          depthPt * maxShare,
          gridTop,
          article.language,
          exactLines,
        );
      if (atTop) {
        // A top photo narrower than the module goes to the right: the story starts at the top of
        // the first column beside it and reads on under it, never jumping back up the page.
        const f = place(
          frame.columns - span,
          bodyTop,
          plan.topPhotoLines === undefined ? TOP_PHOTO_DEPTH : Number.POSITIVE_INFINITY,
          plan.topPhotoLines,
        );
        if (f && fits(f)) float = f;
      } else {
        const anchor = photo.afterParagraph ?? defaultAnchor(article.body.length, i, article.photos.length);
        float = placeAnchored('photos', anchor, span, (c, line) => {
          const f = place(c, line, INLINE_PHOTO_DEPTH);
          // White above an inline photo, as below it.
          return (
            f && {
              ...f,
              exclusion: {
                ...f.exclusion,
                y: f.exclusion.y - t.baseline,
                height: f.exclusion.height + t.baseline,
              },
            }
          );
        }) as PhotoFloat | undefined;
      }
      if (!float)
        notPlaced('photos', i, `photo ${photo.file}: no room in the module for a ${span}-column photo`);
    }
    if (float) floats.push(float);
    if (float || !plan.continuesOn)
      photos.push({ file: photo.file, ppi: Math.round(float?.ppi ?? 0), placed: !!float });
  });

  const quotes =
    plan.role === 'brief' || frame.columns < 2 || plan.pullQuotes === false ? [] : article.pullQuotes;
  quotes.forEach((quote: ArticlePullQuote, i: number) => {
    if (!wanted('quotes', i)) return;
    if (i > 0) {
      warnings.push(`pull quote ${i + 1} not placed: one pull quote per story`);
      return;
    }
    const span = frame.columns >= 5 ? 2 : 1;
    const anchor = quote.afterParagraph ?? Math.max(1, Math.round(article.body.length / 3));
    const f = placeAnchored('quotes', anchor, span, (c, line) =>
      placePullQuote(ctx, t, quote, colX(c), line, spanWidth(t, span), article.language),
    );
    if (f) floats.push(f);
    else notPlaced('quotes', i, 'pull quote not placed: no room in the module');
  });
  return { floats, photos, warnings, deferred };
}

function defaultPhotoSpan(plan: StoryPlan, index: number): number {
  if (index > 0) return 2;
  if (plan.role === 'lead') return plan.frame.columns >= 5 ? plan.frame.columns - 1 : plan.frame.columns;
  if (plan.role === 'secondary') return Math.min(plan.frame.columns, 2);
  return 1;
}

/** Spread further photos through the story: photo i of n after paragraph i/n of the way in. */
function defaultAnchor(paragraphs: number, index: number, count: number): number {
  return Math.max(1, Math.round((paragraphs * index) / count));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** Lines at or below the anchor come first, nearest first; then lines above it, nearest first. */
function rank(line: number, anchor: number): number {
  return line >= anchor ? line - anchor : 10_000 + anchor - line;
}

/** Index of the block that follows the n-th paragraph (1-based); 0 for n = 0. */
function blockAfterParagraph(blocks: readonly { kind: string }[], n: number): number {
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (seen === n) return i;
    if (blocks[i]!.kind === 'paragraph') seen++;
  }
  return blocks.length;
}
