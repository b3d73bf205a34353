/**
 * Fast text for the PNG preview. librsvg spends ~10 us per SVG element plus the curve fill, about
 * 0.5 s for a 5,000-word page with one <use> per glyph; editors need well under that. So glyph
 * runs are not rasterised as SVG: every distinct glyph (font, id, pixel size, subpixel phase) is
 * rasterised once by librsvg, all of them in one atlas SVG, kept as an alpha mask for the life of
 * the process and on disk for later runs (maskStore.ts), and blended into the page's RGB pixels here. Same outlines, same anti-aliasing, and
 * positions within 1/4 px of the SVG.
 */
import sharp from 'sharp';
import type { FontKey, GlyphsItem } from '../../display/types.js';
import { type FaceMasks, faceMasks, type Mask } from './maskStore.js';
import { toRgb } from './previewColor.js';
import { fontForKey, glyphPathData, type PreviewFont } from './previewFonts.js';
import type { PreviewFrame } from './previewFrame.js';

/** Subpixel positions: 4 horizontal phases (stems look even), 4 vertical phases. */
const PHASES = 4;
/** Width of the atlas in pixels (shelf packing). */
const ATLAS_WIDTH = 2048;
/** Masks kept per face; beyond this its cache starts again (a whole edition uses far fewer). */
const MAX_MASKS = 100_000;

interface Wanted {
  masks: FaceMasks;
  key: string;
  font: PreviewFont;
  glyphId: number;
  sx: number;
  sy: number;
  phaseX: number;
  phaseY: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Placement {
  masks: FaceMasks;
  key: string;
  x: number;
  y: number;
  rgb: readonly [number, number, number];
}

/** Blends the glyph runs into `pixels` (RGB, 3 bytes per pixel, frame.widthPx x frame.heightPx). */
export async function drawGlyphRuns(
  pixels: Buffer,
  frame: PreviewFrame,
  runs: readonly GlyphsItem[],
  fontFiles: ReadonlyMap<FontKey, string>,
): Promise<void> {
  const placements: Placement[] = [];
  const wanted = new Map<string, Wanted>();
  const touched = new Set<FaceMasks>();
  const { scale, viewBox } = frame;
  for (const run of runs) {
    const font = fontForKey(fontFiles, run.font);
    const masks = faceMasks(font.path);
    // A full face starts again, but only before this draw has placed any of its masks.
    if (!touched.has(masks)) {
      if (masks.size >= MAX_MASKS) masks.clear();
      touched.add(masks);
    }
    // The key must fix the mask exactly: masks outlive the draw (and the process), so a key that
    // two sizes share would make a page's pixels depend on which size was drawn first. Sizes are
    // rounded to 1/10,000 px per em and the glyph is rasterised at the rounded size.
    const emPx = Math.round(run.size * scale * 1e4) / 1e4;
    const hScale = Math.round((run.hScale ?? 1) * 1e4) / 1e4;
    const sy = emPx / font.unitsPerEm;
    const sx = sy * hScale;
    const sizeKey = `${emPx}:${hScale}`;
    const rgb = toRgb(run.color);
    const baseY = (run.y - viewBox.y) * scale;
    let pen = (run.x - viewBox.x) * scale;
    for (const g of run.glyphs) {
      const qx = Math.round((pen + g.dx * scale) * PHASES);
      const qy = Math.round((baseY + g.dy * scale) * PHASES);
      pen += g.advance * scale;
      const ix = Math.floor(qx / PHASES);
      const iy = Math.floor(qy / PHASES);
      const phaseX = qx - ix * PHASES;
      const phaseY = qy - iy * PHASES;
      const key = `${sizeKey}:${g.id}:${phaseX}:${phaseY}`;
      const wantedKey = `${font.id}|${key}`;
      if (!masks.has(key) && !wanted.has(wantedKey)) {
        const w = wantMask(masks, key, font, g.id, sx, sy, phaseX / PHASES, phaseY / PHASES);
        if (w === undefined) continue;
        wanted.set(wantedKey, w);
      }
      placements.push({ masks, key, x: ix, y: iy, rgb });
    }
  }
  if (wanted.size > 0) await rasteriseMasks([...wanted.values()]);
  blend(pixels, frame.widthPx, frame.heightPx, placements);
}

function wantMask(
  masks: FaceMasks,
  key: string,
  font: PreviewFont,
  glyphId: number,
  sx: number,
  sy: number,
  phaseX: number,
  phaseY: number,
): Wanted | undefined {
  if (glyphPathData(font, glyphId) === '') {
    masks.set(key, { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) });
    return undefined;
  }
  const bbox = font.font.getGlyph(glyphId).bbox;
  const left = Math.floor(bbox.minX * sx + phaseX) - 1;
  const right = Math.ceil(bbox.maxX * sx + phaseX) + 1;
  const top = Math.floor(-bbox.maxY * sy + phaseY) - 1;
  const bottom = Math.ceil(-bbox.minY * sy + phaseY) + 1;
  return {
    masks,
    key,
    font,
    glyphId,
    sx,
    sy,
    phaseX,
    phaseY,
    left,
    top,
    width: right - left,
    height: bottom - top,
  };
}

/** One SVG with every wanted glyph in its own cell, rasterised once; alpha cut into masks. */
async function rasteriseMasks(list: Wanted[]): Promise<void> {
  const cells: { w: Wanted; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const w of list) {
    if (x + w.width > ATLAS_WIDTH && x > 0) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    cells.push({ w, x, y });
    x += w.width;
    rowHeight = Math.max(rowHeight, w.height);
  }
  const width = Math.max(1, Math.min(ATLAS_WIDTH, Math.max(...cells.map((c) => c.x + c.w.width))));
  const height = Math.max(1, y + rowHeight);
  const defs = new Map<string, string>();
  let body = '';
  for (const { w, x: cx, y: cy } of cells) {
    const id = `${w.font.id}-${w.glyphId}`;
    if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${glyphPathData(w.font, w.glyphId)}"/>`);
    const ox = cx - w.left + w.phaseX;
    const oy = cy - w.top + w.phaseY;
    body += `<use xlink:href="#${id}" transform="matrix(${w.sx} 0 0 ${-w.sy} ${ox} ${oy})"/>`;
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<defs>${[...defs.values()].join('')}</defs>${body}</svg>`;
  const alpha = await sharp(Buffer.from(svg), { limitInputPixels: false }).extractChannel(3).raw().toBuffer();
  for (const { w, x: cx, y: cy } of cells) {
    const mask = new Uint8Array(w.width * w.height);
    for (let r = 0; r < w.height; r++) {
      const from = (cy + r) * width + cx;
      mask.set(alpha.subarray(from, from + w.width), r * w.width);
    }
    w.masks.set(w.key, { left: w.left, top: w.top, width: w.width, height: w.height, alpha: mask });
  }
}

function blend(pixels: Buffer, width: number, height: number, placements: readonly Placement[]): void {
  for (const p of placements) {
    const m: Mask | undefined = p.masks.get(p.key);
    if (!m || m.width === 0) continue;
    const [r, g, b] = p.rgb;
    const x0 = p.x + m.left;
    const y0 = p.y + m.top;
    const c0 = Math.max(0, -x0);
    const c1 = Math.min(m.width, width - x0);
    for (let row = Math.max(0, -y0); row < m.height && y0 + row < height; row++) {
      let src = row * m.width + c0;
      let dst = ((y0 + row) * width + x0 + c0) * 3;
      for (let col = c0; col < c1; col++, src++, dst += 3) {
        const a = m.alpha[src]!;
        if (a === 0) continue;
        if (a === 255) {
          pixels[dst] = r;
          pixels[dst + 1] = g;
          pixels[dst + 2] = b;
        } else {
          const k = a / 255;
          const pr = pixels[dst]!;
          const pg = pixels[dst + 1]!;
          const pb = pixels[dst + 2]!;
          pixels[dst] = pr + (r - pr) * k + 0.5;
          pixels[dst + 1] = pg + (g - pg) * k + 0.5;
          pixels[dst + 2] = pb + (b - pb) * k + 0.5;
        }
      }
    }
  }
}
