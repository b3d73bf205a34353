/**
 * Printer's marks outside the trim: crop marks, registration targets and a slug line. All of them
 * sit beyond the bleed, so nothing of them survives the guillotine.
 */
import type { FontKey } from '../../display/types.js';
import type { Rect } from '../../layout/geometry.js';
import { REGISTRATION, strokeColorOp } from './colors.js';
import { num } from './contentOps.js';
import { drawLabel, type FontRegistry } from './drawGlyphs.js';
import type { InternalDoc } from './pdfkitInternals.js';

/** Gap between the bleed edge and a crop mark, the mark's length, its line width (points). */
export const MARK_GAP = 3;
export const MARK_LENGTH = 15;
export const MARK_WIDTH = 0.25;
const TARGET_RADIUS = 5;
const SLUG_SIZE = 6;

/** How far beyond the trim the marks reach: the media box must extend at least this far. */
export function marksMargin(bleed: number): number {
  return bleed + MARK_GAP + MARK_LENGTH + SLUG_SIZE;
}

export interface MarksInput {
  trim: Rect;
  bleed: number;
  slug?: string;
  slugFont?: FontKey;
}

export function drawMarks(
  doc: InternalDoc,
  fonts: FontRegistry,
  input: MarksInput,
  overprintGs: string,
): void {
  const { trim, bleed } = input;
  const l = trim.x;
  const t = trim.y;
  const r = trim.x + trim.width;
  const b = trim.y + trim.height;
  const near = bleed + MARK_GAP;
  const far = near + MARK_LENGTH;
  const ops: string[] = [
    'q',
    `/${overprintGs} gs`,
    `${num(MARK_WIDTH)} w`,
    '0 J',
    strokeColorOp(REGISTRATION),
  ];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    ops.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  // Crop marks: two per corner, on the trim lines, starting beyond the bleed.
  for (const [x, sx] of [
    [l, -1],
    [r, 1],
  ] as const) {
    for (const [y, sy] of [
      [t, -1],
      [b, 1],
    ] as const) {
      line(x + sx * near, y, x + sx * far, y);
      line(x, y + sy * near, x, y + sy * far);
    }
  }
  // Registration targets: a circle with a cross at the middle of three sides (the slug takes the foot).
  const mid = near + MARK_LENGTH / 2;
  for (const [cx, cy] of [
    [(l + r) / 2, t - mid],
    [l - mid, (t + b) / 2],
    [r + mid, (t + b) / 2],
  ] as const) {
    ops.push(circle(cx, cy, TARGET_RADIUS));
    line(cx - TARGET_RADIUS - 2, cy, cx + TARGET_RADIUS + 2, cy);
    line(cx, cy - TARGET_RADIUS - 2, cx, cy + TARGET_RADIUS + 2);
  }
  ops.push('Q');
  doc.addContent(ops.join('\n'));
  if (input.slug && input.slugFont) {
    drawLabel(
      doc,
      fonts,
      input.slugFont,
      input.slug,
      l + 6,
      b + near + SLUG_SIZE + 2,
      SLUG_SIZE,
      overprintGs,
    );
  }
}

/** A stroked circle from four Bézier arcs. */
function circle(cx: number, cy: number, radius: number): string {
  const k = 0.5523 * radius;
  const p = (x: number, y: number) => `${num(cx + x)} ${num(cy + y)}`;
  return [
    `${p(radius, 0)} m`,
    `${p(radius, k)} ${p(k, radius)} ${p(0, radius)} c`,
    `${p(-k, radius)} ${p(-radius, k)} ${p(-radius, 0)} c`,
    `${p(-radius, -k)} ${p(-k, -radius)} ${p(0, -radius)} c`,
    `${p(k, -radius)} ${p(radius, -k)} ${p(radius, 0)} c`,
    'S',
  ].join(' ');
}
