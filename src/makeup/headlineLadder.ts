/**
 * The headline ladder: the size a story's headline starts from, by its rank on the page and the
 * width of its module. Wider modules carry larger heads; the lead's is the largest on the page;
 * each rank below steps down, so two stories side by side do not shout at the same size.
 * Sizes come from the template's headline styles; headline fitting may still take a long
 * headline down from there (layoutStoryHeader).
 */
import type { Template } from '../model/template.js';

/** Share of the style's size by module width in columns (1, 2, 3, 4 and more). */
const WIDTH_SHARE = [0.62, 0.76, 0.88, 1];
/** Each rank below the second steps down by this share, to at most MAX_RANK_STEPS steps. */
const RANK_STEP = 0.08;
const MAX_RANK_STEPS = 4;

export function headlineLadder(t: Template, rank: number, columns: number, brief: boolean): number {
  const share = WIDTH_SHARE[Math.min(columns, WIDTH_SHARE.length) - 1]!;
  if (brief) return Math.max(t.styles.headlineBrief.minSize, t.styles.headlineBrief.size * share);
  if (rank === 0) return Math.max(t.styles.headline.minSize, t.styles.headline.size * share);
  const style = t.styles.headlineSecondary;
  const step = 1 - RANK_STEP * Math.min(MAX_RANK_STEPS, rank - 1);
  return Math.max(style.minSize * 0.8, style.size * share * step);
}
