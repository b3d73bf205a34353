/**
 * Stacks set lines of any size from a grid line downwards and says how many whole grid lines they
 * take, so that the body below resumes on the baseline grid. The first line's cap height touches
 * the top of the block, as a headline's does in a compositor's hands.
 */
import type { SetLine, Shaper, TextStyle } from '../text/types.js';
import type { Pt } from './geometry.js';
import type { PlacedLine } from './types.js';

export interface StackedBlock {
  lines: PlacedLine[];
  /** Grid lines taken, including `gapAfter`. */
  gridLines: number;
}

export function stackLines(
  lines: readonly SetLine[],
  style: Pick<TextStyle, 'font' | 'size' | 'leading'>,
  shaper: Shaper,
  x: Pt,
  top: Pt,
  baseline: Pt,
  gapAfter: Pt = 0,
): StackedBlock {
  if (lines.length === 0) return { lines: [], gridLines: 0 };
  const m = shaper.metrics(style.font);
  const cap = m.capHeight * style.size;
  // Small type (bylines, captions) sits on the grid like body text; display type hangs from the top.
  const onGrid = style.leading <= baseline + 1e-6;
  const firstBaseline = onGrid ? top + baselineOffset(baseline) : top + cap;
  const placed = lines.map((line, i) => ({ x, y: firstBaseline + i * style.leading, line }));
  const bottom = placed[placed.length - 1]!.y - m.descender * style.size;
  const gridLines = Math.max(1, Math.ceil((bottom - top + gapAfter) / baseline - 1e-6));
  return { lines: placed, gridLines };
}

/** Where a body baseline sits inside its grid line: near the bottom, leaving room for descenders. */
export function baselineOffset(baseline: Pt): Pt {
  return baseline * 0.78;
}
