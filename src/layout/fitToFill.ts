/**
 * Head lines that leave no white hole: for page makeup, a headline or deck is set at the size
 * (within a range around the one asked for) at which every line reaches into the module's last
 * column, so no column of the head stands empty for a line or more. Tried from the largest size
 * down in half points; undefined when no size does (the caller falls back to plain fitting).
 */
import type { ResolvedStyle } from '../model/template.js';
import type { SetLine } from '../text/types.js';
import type { Pt } from './geometry.js';
import { lineInkWidth, setText, type TypesetContext } from './TypesetContext.js';

/** A line covers a column when it runs this share of the column into it (as tools/holes.py counts). */
const REACH_SHARE = 0.35;
const SIZE_STEP = 0.5;

export function fitToFill(
  ctx: TypesetContext,
  text: string,
  style: ResolvedStyle,
  width: Pt,
  columnWidth: Pt,
  sizes: { min: Pt; max: Pt; maxLines: number },
  language: string,
  resize: (style: ResolvedStyle, size: Pt) => ResolvedStyle,
): { lines: SetLine[]; style: ResolvedStyle } | undefined {
  const reach = width - columnWidth * (1 - REACH_SHARE);
  for (let size = sizes.max; size >= sizes.min - 1e-6; size -= SIZE_STEP) {
    const sized = resize(style, size);
    const lines = setText(ctx, text, sized, width, language);
    if (lines.length > sizes.maxLines || lines.some((l) => l.overfull)) continue;
    if (lines.every((l) => lineInkWidth(l) >= reach)) return { lines, style: sized };
  }
  return undefined;
}
