/**
 * The body's line slots: one per grid line of each column of a module, in reading order (down the
 * first column, then the next). Exclusions (photos, pull quotes) cut into them: a slot an exclusion
 * covers is dropped, a slot it only partly covers keeps the wider side, so text wraps beside it.
 */
import type { Pt, Rect } from './geometry.js';
import { baselineOffset } from './stackLines.js';

export interface Slot {
  /** Column within the module, 0-based. */
  column: number;
  /** Grid line of the page's type area (0 = top). */
  line: number;
  x: Pt;
  width: Pt;
  /** Top of the grid line and the baseline within it. */
  top: Pt;
  baseline: Pt;
}

export interface SlotGrid {
  /** Left edge of each column. */
  columnX: readonly Pt[];
  columnWidth: Pt;
  /** y of grid line 0 and the grid increment. */
  gridTop: Pt;
  baseline: Pt;
  /** Grid lines [firstLine, endLine) of the body. */
  firstLine: number;
  endLine: number;
}

/** A slot narrower than this share of its column is not worth a line of text. */
export const MIN_SLOT_SHARE = 0.4;

export function buildSlots(grid: SlotGrid, exclusions: readonly Rect[]): Slot[] {
  const slots: Slot[] = [];
  grid.columnX.forEach((x0, column) => {
    for (let line = grid.firstLine; line < grid.endLine; line++) {
      const top = grid.gridTop + line * grid.baseline;
      let left = x0;
      let right = x0 + grid.columnWidth;
      for (const ex of exclusions) {
        // Only exclusions that overlap this line's band and this column matter.
        if (ex.y >= top + grid.baseline - 1e-6 || ex.y + ex.height <= top + 1e-6) continue;
        if (ex.x >= right - 1e-6 || ex.x + ex.width <= left + 1e-6) continue;
        const spaceLeft = ex.x - left;
        const spaceRight = right - (ex.x + ex.width);
        if (spaceLeft >= spaceRight) right = ex.x;
        else left = ex.x + ex.width;
      }
      if (right - left < grid.columnWidth * MIN_SLOT_SHARE) continue;
      slots.push({
        column,
        line,
        x: left,
        width: right - left,
        top,
        baseline: top + baselineOffset(grid.baseline),
      });
    }
  });
  return slots;
}
