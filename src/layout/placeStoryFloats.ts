/**
 * Places a story's floats before its text: the first photo across the top of the body, further
 * photos and the pull quote after the paragraph they belong to (where a first flow puts it), each
 * kept clear of the others and inside the module. A float that cannot fit is reported, not drawn.
 */
import type { ArticlePhoto, ArticlePullQuote } from '../model/article.js';
import type { Template } from '../model/template.js';
import { spanWidth } from '../model/template.js';
import type { FlowResult } from './flowBody.js';
import { type Rect, rectsOverlap } from './geometry.js';
import type { StoryPlan } from './layoutStory.js';
import { type Float, placePhoto } from './placePhoto.js';
import { placePullQuote } from './placePullQuote.js';
import type { PreparedBody } from './prepareBody.js';
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

export function placeStoryFloats(
  ctx: TypesetContext,
  t: Template,
  plan: StoryPlan,
  body: PreparedBody,
  bodyTop: number,
  bodyEnd: number,
  flowWith: (exclusions: readonly Rect[]) => FlowResult,
): StoryFloats {
  const { article, frame } = plan;
  const floats: Float[] = [];
  const photos: PhotoReport[] = [];
  const warnings: string[] = [];
  const deferred = { photos: [] as number[], quotes: [] as number[] };
  const gridTop = t.typeArea.y;
  const depthPt = (bodyEnd - bodyTop) * t.baseline;
  const colX = (c: number) => t.typeArea.x + (frame.column + c) * (t.columnWidth + t.gutter);
  const bodyMetrics = ctx.shaper.metrics(t.styles.body.font);
  // Photos align their top edge with the cap height of the first body line beside them.
  const capOffset = baselineOffset(t.baseline) - bodyMetrics.capHeight * t.styles.body.size;
  const lineTop = (l: number) => gridTop + l * t.baseline;
  const fits = (f: Float) =>
    f.rect.y + f.rect.height <= lineTop(bodyEnd) + 1e-6 &&
    !floats.some((o) => rectsOverlap(o.exclusion, f.rect) || rectsOverlap(f.exclusion, o.rect));

  /**
   * A float anchored to the `anchor`-th paragraph (subheads do not count) goes below that paragraph.
   * When the paragraph is set on another page of a jumped story, the float goes there too.
   */
  const placeAnchored = (
    anchor: number,
    span: number,
    make: (column: number, line: number) => Float | undefined,
  ): Float | 'elsewhere' | undefined => {
    const result = flowWith(floats.map((f) => f.exclusion));
    const local = blockAfterParagraph(article.body, anchor) - body.firstBlock;
    if (plan.continuesOn && result.overset && result.overset.block <= local - 1) return 'elsewhere';
    const end =
      [...result.lines].reverse().find((l) => l.block === local - 1) ??
      result.lines.find((l) => l.block >= local);
    const startColumn = end ? Math.min(end.slot.column, frame.columns - span) : frame.columns - span;
    const startLine = end ? end.slot.line + 2 : bodyTop;
    // Try below the anchor in its column, then the next columns at the top of the body.
    const tries: [number, number][] = [[startColumn, startLine]];
    for (let c = startColumn + 1; c + span <= frame.columns; c++) tries.push([c, bodyTop + 1]);
    for (let c = startColumn - 1; c >= 0; c--) tries.push([c, Math.max(bodyTop + 1, startLine)]);
    for (const [c, l] of tries) {
      for (let line = l; line < bodyEnd; line++) {
        const f = make(c, line);
        if (!f) break;
        if (f.rect.y + f.rect.height > lineTop(bodyEnd)) break;
        if (fits(f)) return f;
      }
    }
    // No room here, but the story goes on: the float goes with it to the jump page.
    return plan.continuesOn ? 'elsewhere' : undefined;
  };
  const resumed = plan.resume?.deferred ?? { photos: [], quotes: [] };
  /** On a jump page: the anchor to use, or undefined when the float was the first page's. */
  const anchorHere = (anchor: number, index: number, kind: 'photos' | 'quotes'): number | undefined => {
    if (!plan.continuedFrom) return anchor;
    if (resumed[kind].includes(index)) return Math.max(anchor, paragraphsBefore(article.body, body.firstBlock));
    return blockAfterParagraph(article.body, anchor) - body.firstBlock >= 1 ? anchor : undefined;
  };

  article.photos.forEach((photo: ArticlePhoto, i: number) => {
    const atTop = i === 0 && (photo.afterParagraph ?? 0) === 0;
    // The top photo belongs to the story's first page; a jump page carries the photos anchored in its text.
    if (!plan.photos || (plan.continuedFrom && atTop)) return;
    if (i > 0 && frame.columns < MIN_COLUMNS_FOR_MORE_PHOTOS && !plan.continuedFrom) {
      if (plan.continuesOn) {
        deferred.photos.push(i);
        return;
      }
      warnings.push(`photo ${photo.file}: not placed: a ${frame.columns}-column module takes one photo`);
      photos.push({ file: photo.file, ppi: 0, placed: false });
      return;
    }
    const info = ctx.photos.get(photo.source);
    const span = Math.min(frame.columns, photo.columns ?? defaultPhotoSpan(plan, i));
    const width = spanWidth(t, span);
    let float: Float | 'elsewhere' | undefined;
    let ppi = 0;
    if (atTop) {
      const f = placePhoto(
        ctx,
        t,
        photo,
        colX(0),
        lineTop(bodyTop) + capOffset,
        width,
        depthPt * TOP_PHOTO_DEPTH,
        gridTop,
        article.language,
      );
      if (f && fits(f)) float = f;
      ppi = f?.ppi ?? 0;
    } else {
      const anchor = anchorHere(photo.afterParagraph ?? defaultAnchor(article.body.length, i, article.photos.length), i, 'photos');
      if (anchor === undefined) return;
      float = placeAnchored(anchor, span, (c, line) => {
        const f = placePhoto(
          ctx,
          t,
          photo,
          colX(c),
          lineTop(line) + capOffset,
          width,
          depthPt * INLINE_PHOTO_DEPTH,
          gridTop,
          article.language,
        );
        if (!f) return undefined;
        ppi = f.ppi;
        // White above an inline photo, as below it.
        return {
          ...f,
          exclusion: {
            ...f.exclusion,
            y: f.exclusion.y - t.baseline,
            height: f.exclusion.height + t.baseline,
          },
        };
      });
    }
    if (float === 'elsewhere') {
      deferred.photos.push(i);
      return;
    }
    if (!info) warnings.push(`photo ${photo.file}: not loaded`);
    else if (!float) warnings.push(`photo ${photo.file}: no room in the module for a ${span}-column photo`);
    if (float) floats.push(float);
    photos.push({ file: photo.file, ppi: Math.round(ppi), placed: !!float });
  });

  const quotes = plan.role === 'brief' || frame.columns < 2 ? [] : article.pullQuotes;
  quotes.forEach((quote: ArticlePullQuote, i: number) => {
    if (i > 0) {
      warnings.push(`pull quote ${i + 1} not placed: one pull quote per story`);
      return;
    }
    const span = frame.columns >= 5 ? 2 : 1;
    const anchor = anchorHere(quote.afterParagraph ?? Math.max(1, Math.round(article.body.length / 3)), i, 'quotes');
    if (anchor === undefined) return;
    const f = placeAnchored(anchor, span, (c, line) =>
      placePullQuote(ctx, t, quote, colX(c), line, spanWidth(t, span), article.language),
    );
    if (f === 'elsewhere') {
      deferred.quotes.push(i);
      return;
    }
    if (f) floats.push(f);
    else warnings.push('pull quote not placed: no room in the module');
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

/** Paragraphs among the first `blocks` blocks of the body. */
function paragraphsBefore(blocks: readonly { kind: string }[], count: number): number {
  return blocks.slice(0, count).filter((b) => b.kind === 'paragraph').length;
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
