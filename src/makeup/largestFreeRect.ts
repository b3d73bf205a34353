/**
 * The largest rectangle of grid cells no module covers: where a page's white is, so a house ad
 * can take exactly that space. The classic histogram sweep, row by row (a page grid is a few
 * hundred lines by a few columns: microseconds).
 */
import type { GridRect } from './types.js';

export function largestFreeRect(
  columns: number,
  lines: number,
  taken: readonly GridRect[],
): GridRect | undefined {
  const covered = coveredCells(columns, lines, taken);
  const height = new Array<number>(columns).fill(0);
  let best: GridRect | undefined;
  let bestArea = 0;
  for (let y = 0; y < lines; y++) {
    for (let x = 0; x < columns; x++) height[x] = covered[y * columns + x] ? 0 : height[x]! + 1;
    // Every run of columns, at the lowest height in it (columns are few: the quadratic sweep is fine).
    for (let x0 = 0; x0 < columns; x0++) {
      let h = Number.POSITIVE_INFINITY;
      for (let x1 = x0; x1 < columns; x1++) {
        h = Math.min(h, height[x1]!);
        if (h === 0) break;
        const area = h * (x1 - x0 + 1);
        // Ties: the lower one (nearer the foot, where ads go), then the one further left.
        if (area > bestArea || (area === bestArea && best && y > best.top + best.depth - 1)) {
          bestArea = area;
          best = { column: x0, columns: x1 - x0 + 1, top: y - h + 1, depth: h };
        }
      }
    }
  }
  return best;
}

/** The grid, row by row: 1 where a rectangle of `taken` covers the cell (clipped to the grid). */
export function coveredCells(columns: number, lines: number, taken: readonly GridRect[]): Uint8Array {
  const covered = new Uint8Array(columns * lines);
  for (const r of taken)
    for (let y = Math.max(0, r.top); y < Math.min(lines, r.top + r.depth); y++)
      for (let x = Math.max(0, r.column); x < Math.min(columns, r.column + r.columns); x++)
        covered[y * columns + x] = 1;
  return covered;
}
