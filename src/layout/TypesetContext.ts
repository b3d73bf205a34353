/**
 * Everything layout needs from outside, passed explicitly: the shaper (fonts opened once at load
 * time), the text engines (total-fit or greedy) and photo sizes probed at load time.
 */
import type { BreakParams, Engines, InlineRun, SetLine, Shaper, TextStyle } from '../text/types.js';
import type { Pt } from './geometry.js';

export interface PhotoInfo {
  /** Pixel size after EXIF orientation. */
  width: number;
  height: number;
}

export interface TypesetContext {
  shaper: Shaper;
  engines: Engines;
  params?: Partial<BreakParams>;
  /** Probed photos by absolute path; a photo missing here is reported, not placed. */
  photos: ReadonlyMap<string, PhotoInfo>;
}

/** Sets a short piece of text (a headline, a caption) at one width. */
export function setText(
  ctx: TypesetContext,
  text: string | readonly InlineRun[],
  style: TextStyle,
  width: Pt,
  language = 'en-US',
): SetLine[] {
  const runs = typeof text === 'string' ? [{ text }] : text;
  const prepared = ctx.engines.prepare({ runs, style, language, indentFirstLine: false }, ctx.shaper);
  return ctx.engines.setLines(prepared, { width: () => width }, ctx.params);
}

/** The natural width of a set line: the right edge of its last glyph. */
export function lineInkWidth(line: SetLine): Pt {
  let right = 0;
  for (const run of line.runs) {
    let x = run.x;
    for (const g of run.glyphs) x += g.advance;
    right = Math.max(right, x);
  }
  return right;
}
