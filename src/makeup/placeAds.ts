/**
 * Ads first: booked positions are kept exactly; the others stack in a pyramid from the bottom
 * outside corner (the right on a right-hand page, the left on a left-hand one): widest first,
 * each in the lowest free place nearest that edge, resting on the page foot or on ads across its
 * width, so the stack steps up toward the outside and stories sit on top as clean rectangles.
 */
import type { GridRect, MakeupAd } from './types.js';

export interface AdPlacement {
  ads: { ad: number; rect: GridRect }[];
  /** Ads that fit nowhere (the booking is larger than the free page): their indices. */
  refused: number[];
}

export function placeAds(
  ads: readonly MakeupAd[],
  columns: number,
  lines: number,
  rightHand: boolean,
  taken: readonly GridRect[],
): AdPlacement {
  const occupied: GridRect[] = [...taken];
  const placed: { ad: number; rect: GridRect }[] = [];
  const refused: number[] = [];
  const free = (r: GridRect) =>
    r.column >= 0 &&
    r.column + r.columns <= columns &&
    r.top >= 0 &&
    r.top + r.depth <= lines &&
    !occupied.some((o) => overlaps(o, r));
  for (const [i, ad] of ads.entries()) {
    if (!ad.at) continue;
    const rect = { column: ad.at.column, columns: ad.columns, top: ad.at.top, depth: ad.depth };
    if (free(rect)) {
      occupied.push(rect);
      placed.push({ ad: i, rect });
    } else refused.push(i);
  }
  const open = ads
    .map((ad, i) => ({ ad, i }))
    .filter(({ ad }) => !ad.at)
    .sort((a, b) => b.ad.columns - a.ad.columns || b.ad.depth - a.ad.depth || a.i - b.i);
  for (const { ad, i } of open) {
    let best: GridRect | undefined;
    // Lowest place first, then nearest the outside edge.
    for (let top = lines - ad.depth; top >= 0 && !best; top--) {
      for (let k = 0; k + ad.columns <= columns; k++) {
        const column = rightHand ? columns - ad.columns - k : k;
        const rect = { column, columns: ad.columns, top, depth: ad.depth };
        if (free(rect) && restsOnSomething(rect, occupied, lines)) {
          best = rect;
          break;
        }
      }
    }
    if (best) {
      occupied.push(best);
      placed.push({ ad: i, rect: best });
    } else refused.push(i);
  }
  placed.sort((a, b) => a.ad - b.ad);
  return { ads: placed, refused };
}

/** An ad sits on the page foot or on other ads across its whole width (no ad floats mid-page). */
function restsOnSomething(r: GridRect, occupied: readonly GridRect[], lines: number): boolean {
  const bottom = r.top + r.depth;
  if (bottom === lines) return true;
  for (let c = r.column; c < r.column + r.columns; c++) {
    if (!occupied.some((o) => o.top === bottom && o.column <= c && c < o.column + o.columns)) return false;
  }
  return true;
}

export function overlaps(a: GridRect, b: GridRect): boolean {
  return (
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns &&
    a.top < b.top + b.depth &&
    b.top < a.top + a.depth
  );
}
