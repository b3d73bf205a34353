/**
 * A photo with its credit and caption, as a float: the frame is as wide as its columns, as deep as
 * the photo's proportions allow within limits, and the whole float (photo, credit, caption) is
 * rounded up to whole grid lines so that the body resumes on the grid below it.
 */
import { cropForFrame } from '../images/cropForFrame.js';
import type { ArticlePhoto } from '../model/article.js';
import type { Template } from '../model/template.js';
import type { Pt, Rect } from './geometry.js';
import { setText, type TypesetContext } from './TypesetContext.js';
import type { PlacedElement, PlacedLine } from './types.js';

export interface Float {
  /** The float's own box (what it draws in). */
  rect: Rect;
  /** What the body must keep clear of: the box and the white around it. */
  exclusion: Rect;
  elements: PlacedElement[];
  gridLines: number;
}

/** Photos are never shallower than 45% of their width nor deeper than 125% (no slivers, no towers). */
const MIN_ASPECT = 0.45;
const MAX_ASPECT = 1.25;
const CREDIT_GAP = 2;
const CAPTION_GAP = 2.5;

/**
 * The grid lines a photo float `width` wide can take at the top of a body whose first line starts
 * `offset` below a grid line: from the shallowest crop the aspect limits allow to the deepest.
 * (What page makeup may choose; placePhoto with `exactLines` sets it.)
 */
export function photoLinesRange(
  ctx: TypesetContext,
  t: Template,
  photo: ArticlePhoto,
  width: Pt,
  offset: Pt,
  language: string,
  /** Leave out depths that would set the photo below this resolution (deeper crops are coarser). */
  minPpi = 0,
): { min: number; max: number } {
  const place = (lines: number) =>
    placePhoto(ctx, t, photo, 0, offset, width, Number.POSITIVE_INFINITY, 0, language, lines);
  const probe = (lines: number) => place(lines) !== undefined;
  const guess = Math.floor((width * MIN_ASPECT + offset) / t.baseline);
  let min = Math.max(1, guess);
  while (!probe(min) && min < guess + 200) min++;
  let max = min;
  while (probe(max + 1)) max++;
  while (max >= min && (place(max)?.ppi ?? 0) < minPpi) max--;
  return { min, max };
}

export interface PhotoFloat extends Float {
  ppi: number;
}

/**
 * Lays out a photo `width` wide whose top is at grid line top `y` (already offset to the body's cap
 * height by the caller); `maxHeight` bounds the photo itself.
 */
export function placePhoto(
  ctx: TypesetContext,
  t: Template,
  photo: ArticlePhoto,
  x: Pt,
  y: Pt,
  width: Pt,
  maxHeight: Pt,
  gridTop: Pt,
  language: string,
  /** Page makeup: the float takes exactly this many grid lines (photo, credit and caption). */
  exactLines?: number,
): PhotoFloat | undefined {
  const info = ctx.photos.get(photo.source);
  if (!info) return undefined;
  const credit = t.styles.credit;
  const caption = t.styles.caption;
  const creditLines = photo.credit ? setText(ctx, photo.credit, credit, width, language) : [];
  const captionLines = photo.caption ? setText(ctx, photo.caption, caption, width, language) : [];
  const capMetrics = ctx.shaper.metrics(caption.font);
  const creditMetrics = ctx.shaper.metrics(credit.font);
  const creditBlock = creditLines.length
    ? CREDIT_GAP +
      (creditLines.length - 1) * credit.leading +
      (creditMetrics.capHeight - creditMetrics.descender) * credit.size
    : 0;
  const captionBlock = captionLines.length
    ? CAPTION_GAP +
      (captionLines.length - 1) * caption.leading +
      (capMetrics.ascender - capMetrics.descender) * caption.size
    : 0;
  const natural = width * (info.height / info.width);
  const wanted = Math.min(Math.max(natural, width * MIN_ASPECT), width * MAX_ASPECT, maxHeight);
  // Round the whole float to the grid by deepening the photo (the crop follows the frame).
  const below = creditBlock + captionBlock;
  const topLine = Math.floor((y - gridTop) / t.baseline + 1e-6);
  const bottom =
    exactLines === undefined
      ? gridTop + Math.ceil((y - gridTop + wanted + below) / t.baseline - 1e-6) * t.baseline
      : gridTop + (topLine + exactLines) * t.baseline;
  const height = bottom - y - below;
  if (height < width * MIN_ASPECT * 0.8 || height <= 0) return undefined;
  if (exactLines !== undefined && (height < width * MIN_ASPECT - 1e-6 || height > width * MAX_ASPECT + 1e-6))
    return undefined;
  const crop = cropForFrame(info.width, info.height, width, height, photo.focus);
  const ppi = crop.width / (width / 72);
  const elements: PlacedElement[] = [
    { kind: 'photo', rect: { x, y, width, height }, source: photo.source, crop, ppi },
  ];
  const lines: PlacedLine[] = [];
  let baseline = y + height + CREDIT_GAP + creditMetrics.capHeight * credit.size;
  for (const line of creditLines) {
    lines.push({ x, y: baseline, line });
    baseline += credit.leading;
  }
  baseline = y + height + creditBlock + CAPTION_GAP + capMetrics.ascender * caption.size;
  for (const line of captionLines) {
    lines.push({ x, y: baseline, line });
    baseline += caption.leading;
  }
  if (lines.length) elements.push({ kind: 'lines', lines });
  const rect = { x, y, width, height: bottom - y };
  const gridLines = Math.round((bottom - gridTop) / t.baseline);
  return {
    rect,
    exclusion: {
      x: x - t.gutter / 2,
      y: y - 1,
      width: width + t.gutter,
      height: bottom - y + t.baseline + 1,
    },
    elements: [
      ...elements,
      { kind: 'debug', rect, label: `photo ${Math.round(ppi)} ppi`, category: 'frame' },
    ],
    gridLines,
    ppi,
  };
}
