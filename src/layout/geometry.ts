/**
 * Geometry shared by layout, display and every backend.
 * Units are PostScript points (1/72 in) everywhere inside the pipeline; millimetres and inches
 * exist only at the input edge (see model/units.ts). The origin is the top-left corner of the
 * page's trim box and y grows downwards, as a reader scans a page; the PDF backend flips it.
 */
export type Pt = number;

export interface Point {
  x: Pt;
  y: Pt;
}

export interface Rect {
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
}

export function rectRight(r: Rect): Pt {
  return r.x + r.width;
}

export function rectBottom(r: Rect): Pt {
  return r.y + r.height;
}

/** True when the interiors of two rectangles overlap (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect, epsilon = 1e-6): boolean {
  return (
    a.x < rectRight(b) - epsilon &&
    b.x < rectRight(a) - epsilon &&
    a.y < rectBottom(b) - epsilon &&
    b.y < rectBottom(a) - epsilon
  );
}

/** True when `inner` lies within `outer` (edges may touch). */
export function rectContains(outer: Rect, inner: Rect, epsilon = 1e-6): boolean {
  return (
    inner.x >= outer.x - epsilon &&
    inner.y >= outer.y - epsilon &&
    rectRight(inner) <= rectRight(outer) + epsilon &&
    rectBottom(inner) <= rectBottom(outer) + epsilon
  );
}
