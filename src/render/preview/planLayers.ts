/**
 * Paint order for the fast PNG engine, which blends text separately from the SVG graphics. Items
 * are split into layers [graphics 0, text 0, graphics 1, text 1, ...] such that every pair of
 * items whose ink overlaps keeps its display-list order. A graphic goes above the text layer of
 * any earlier run it touches; layers only ever rise along the list, so order among graphics is
 * kept too. A normal page (photos and rules under or beside text) is one layer.
 */
import type { DisplayItem, FontKey, GlyphsItem } from '../../display/types.js';
import type { Rect } from '../../layout/geometry.js';
import { fontForKey, glyphBounds } from './previewFonts.js';

export interface PaintLayer {
  graphics: DisplayItem[];
  text: GlyphsItem[];
}

export function planLayers(
  items: readonly DisplayItem[],
  fontFiles: ReadonlyMap<FontKey, string>,
): PaintLayer[] {
  const layers: PaintLayer[] = [{ graphics: [], text: [] }];
  const runs: { box: Rect; layer: number }[] = [];
  let current = 0;
  for (const item of items) {
    if (item.kind === 'debug') continue;
    if (item.kind === 'glyphs') {
      layers[current]!.text.push(item);
      runs.push({ box: runBounds(item, fontFiles), layer: current });
      continue;
    }
    for (const area of inkAreas(item))
      for (const run of runs) if (run.layer >= current && overlaps(run.box, area)) current = run.layer + 1;
    if (!layers[current]) layers[current] = { graphics: [], text: [] };
    layers[current]!.graphics.push(item);
  }
  return layers;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The ink box of a run from the glyphs' outline bounds. */
function runBounds(run: GlyphsItem, fontFiles: ReadonlyMap<FontKey, string>): Rect {
  const font = fontForKey(fontFiles, run.font);
  const s = run.size / font.unitsPerEm;
  const sx = s * (run.hScale ?? 1);
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  let pen = run.x;
  for (const g of run.glyphs) {
    const b = glyphBounds(font, g.id);
    if (b) {
      x0 = Math.min(x0, pen + g.dx + b.minX * sx);
      x1 = Math.max(x1, pen + g.dx + b.maxX * sx);
      y0 = Math.min(y0, run.y + g.dy - b.maxY * s);
      y1 = Math.max(y1, run.y + g.dy - b.minY * s);
    }
    pen += g.advance;
  }
  if (x0 > x1) return { x: run.x, y: run.y, width: 0, height: 0 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** What a graphic paints: its area, or only the four edges of a box that is stroked, not filled. */
function inkAreas(item: Exclude<DisplayItem, GlyphsItem>): Rect[] {
  if (item.kind === 'rule') {
    const h = item.width / 2;
    const x = Math.min(item.from.x, item.to.x) - h;
    const y = Math.min(item.from.y, item.to.y) - h;
    return [
      {
        x,
        y,
        width: Math.abs(item.to.x - item.from.x) + 2 * h,
        height: Math.abs(item.to.y - item.from.y) + 2 * h,
      },
    ];
  }
  if (item.kind === 'rect' && !item.fill) {
    if (!item.stroke) return [];
    const { x, y, width: w, height: hh } = item.rect;
    const s = item.stroke.width / 2;
    return [
      { x: x - s, y: y - s, width: w + 2 * s, height: 2 * s },
      { x: x - s, y: y + hh - s, width: w + 2 * s, height: 2 * s },
      { x: x - s, y: y - s, width: 2 * s, height: hh + 2 * s },
      { x: x + w - s, y: y - s, width: 2 * s, height: hh + 2 * s },
    ];
  }
  return [item.rect];
}
