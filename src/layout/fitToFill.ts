/**
 * Head lines that leave no white hole: for page makeup, a headline or deck is set at the size
 * (within a range around the one asked for) at which every line reaches into the module's last
 * column, so no column of the head stands empty for a line or more. Tried from the largest size
 * down in half points; undefined when no size does (the caller falls back to plain fitting).
 */
import type { ResolvedStyle } from '../model/template.js';
import { type TextExtent, textExtent } from '../text/textExtent.js';
import type { SetLine } from '../text/types.js';
import type { Pt } from './geometry.js';
import { lineInkWidth, prepareText, setText, type TypesetContext } from './TypesetContext.js';

/** A line covers a column when it runs this share of the column into it (as tools/holes.py counts). */
const REACH_SHARE = 0.35;
const SIZE_STEP = 0.5;
/** Rounding room for the bounds below (justifyLines calls a line overfull 0.01 pt past its measure). */
const SLACK: Pt = 0.02;

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
  // Widths grow with the size: the text's extent at the largest size, scaled, rules most sizes
  // out without breaking the text (`resize` changes size and leading only).
  const extent = textExtent(prepareText(ctx, text, resize(style, sizes.max), language));
  for (let size = sizes.max; size >= sizes.min - 1e-6; size -= SIZE_STEP) {
    if (extent && cannotFill(extent, size / sizes.max, width, reach, sizes.maxLines)) continue;
    const sized = resize(style, size);
    const lines = setText(ctx, text, sized, width, language);
    if (lines.length > sizes.maxLines || lines.some((l) => l.overfull)) continue;
    if (lines.every((l) => lineInkWidth(l) >= reach)) return { lines, style: sized };
  }
  return undefined;
}

/**
 * Whether no setting of ragged text with this extent (scaled by `k`) can have at most `maxLines`
 * lines, none overfull, each reaching `reach`: then breaking it would only confirm the loop's
 * `continue`. Any such setting has at least `fewest` lines (the words alone fill that many
 * measures), and its lines' ink together is at most the whole text on one line plus a hyphen per
 * break, which must cover `reach` on every line.
 */
function cannotFill(e: TextExtent, k: number, width: Pt, reach: Pt, maxLines: number): boolean {
  const fewest = Math.max(1, Math.ceil((e.boxes * k) / (width + e.protrusion * k + SLACK) - 1e-9));
  if (fewest > maxLines) return true;
  const hyphen = e.hyphen * k;
  return reach > hyphen && fewest * reach - (fewest - 1) * hyphen > (e.boxes + e.spaces) * k + SLACK;
}
