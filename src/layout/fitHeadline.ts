/**
 * Headline fitting: the largest size in the style's range that sets the headline in at most
 * `maxLines` lines without an overfull line, then the narrowest measure that keeps that line
 * count, so the lines come out balanced instead of one long line over a short one.
 */
import type { ResolvedStyle } from '../model/template.js';
import type { SetLine } from '../text/types.js';
import type { Pt } from './geometry.js';
import { lineInkWidth, setText, type TypesetContext } from './TypesetContext.js';

export interface FittedHeadline {
  lines: SetLine[];
  style: ResolvedStyle;
  /** False when even the style's smallest size needs more lines than allowed (reported as a warning). */
  fits: boolean;
}

const SIZE_STEP = 1;
const BALANCE_STEPS = 8;
/** Headlines are set a little tighter than 120%: display type needs less leading. */
const HEADLINE_LEADING = 1.06;
/** The smallest size an over-long headline is shrunk to before it is set as it comes. */
const EMERGENCY_FLOOR = 12;

export function fitHeadline(
  ctx: TypesetContext,
  text: string,
  style: ResolvedStyle,
  width: Pt,
  language: string,
): FittedHeadline {
  const at = (size: Pt, w: Pt) => setText(ctx, text, sized(style, size), w, language);
  let size = style.size;
  let lines = at(size, width);
  while (
    (lines.length > style.maxLines || lines.some((l) => l.overfull)) &&
    size - SIZE_STEP >= style.minSize - 1e-6
  ) {
    size -= SIZE_STEP;
    lines = at(size, width);
  }
  const fits = lines.length <= style.maxLines && !lines.some((l) => l.overfull);
  // A headline too long for its style still has to stay inside its module: below the style's
  // minimum, it goes on shrinking (reported) rather than running down the page.
  while (lines.length > style.maxLines && size / 2 ** 0.25 >= EMERGENCY_FLOOR) {
    size /= 2 ** 0.25;
    lines = at(size, width);
  }
  if (lines.length > 1) lines = balance(lines, (w) => at(size, w), width);
  return { lines, style: sized(style, size), fits };
}

/** Binary search for the narrowest measure that keeps the line count: balanced ragged lines. */
function balance(lines: SetLine[], setAt: (w: Pt) => SetLine[], width: Pt): SetLine[] {
  const count = lines.length;
  let lo = Math.max(...lines.map(lineInkWidth)) * 0.5;
  let hi = width;
  let best = lines;
  for (let i = 0; i < BALANCE_STEPS; i++) {
    const mid = (lo + hi) / 2;
    const trial = setAt(mid);
    if (trial.length <= count && !trial.some((l) => l.overfull)) {
      best = trial;
      hi = mid;
    } else lo = mid;
  }
  // Set at the balanced measure but keep the frame's width, so alignment stays relative to the frame.
  return best.map((l) => ({ ...l, runs: l.runs, width }));
}

export function sized(style: ResolvedStyle, size: Pt): ResolvedStyle {
  return { ...style, size, leading: Math.round(size * HEADLINE_LEADING * 10) / 10 };
}
