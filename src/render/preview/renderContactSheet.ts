/**
 * The edition contact sheet: every page as a thumbnail with its label under it, in page order,
 * laid out as a newspaper is read: page 1 alone on the right (a front page), then 2-3, 4-5, ... as
 * facing pairs, the last even page alone on the left; several spreads to a row.
 */
import sharp from 'sharp';
import type { DisplayPage, FontKey } from '../../display/types.js';
import { loadFontCatalog } from '../../model/fontCatalog.js';
import { glyphPathData, openPreviewFont } from './previewFonts.js';
import { previewPngOptions, renderPreviewPng } from './renderPreviewPng.js';

export interface ContactSheetPage {
  label: string;
  /** A rendered preview (any size; scaled to the thumbnail width) or a page to render. */
  png: Buffer | DisplayPage;
}

export interface ContactSheetOptions {
  /** Needed when pages are given as DisplayPages. */
  fontFiles?: ReadonlyMap<FontKey, string>;
  /** Width of one page thumbnail in pixels (default 180). */
  thumbWidth?: number;
  /** Spreads per row (default 4, i.e. 8 pages). */
  spreadsPerRow?: number;
  /** Font file for the labels (default: the catalogue's Libre Franklin 600). */
  labelFont?: string;
  /** A 256-colour PNG (see PreviewPngOptions.palette). */
  palette?: boolean;
}

export interface SheetCell {
  index: number;
  label: string;
  /** Thumbnail position and size in sheet pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SheetLayout {
  width: number;
  height: number;
  cells: SheetCell[];
}

const MARGIN = 24;
/** Between the two pages of a spread: they touch, like facing pages, but a fold line remains. */
const FOLD = 2;
const SPREAD_GAP = 28;
const ROW_GAP = 16;
const LABEL_HEIGHT = 22;
const LABEL_SIZE = 13;
const BACKGROUND = '#5a5f66';
const LABEL_COLOR = '#ffffff';

/** Pure geometry of the sheet from page sizes in pixels (thumbnails already scaled). */
export function layoutContactSheet(
  pages: readonly { label: string; width: number; height: number }[],
  spreadsPerRow = 4,
): SheetLayout {
  const slotW = Math.max(1, ...pages.map((p) => p.width));
  const slotH = Math.max(1, ...pages.map((p) => p.height));
  const spreadW = 2 * slotW + FOLD;
  const rowH = slotH + LABEL_HEIGHT + ROW_GAP;
  const cells = pages.map((p, index) => {
    // Spread 0 holds page 1 on its right; spread k holds pages 2k (left) and 2k+1 (right).
    const pageNumber = index + 1;
    const spread = Math.floor(pageNumber / 2);
    const right = pageNumber % 2 === 1;
    const col = spread % spreadsPerRow;
    const row = Math.floor(spread / spreadsPerRow);
    const slotX = MARGIN + col * (spreadW + SPREAD_GAP) + (right ? slotW + FOLD : 0);
    // Align each page to the fold so spreads read as one piece when sizes differ.
    const x = right ? slotX : slotX + slotW - p.width;
    return { index, label: p.label, x, y: MARGIN + row * rowH, width: p.width, height: p.height };
  });
  const spreads = pages.length === 0 ? 1 : Math.floor(pages.length / 2) + 1;
  const cols = Math.min(spreads, spreadsPerRow);
  const rows = Math.ceil(spreads / spreadsPerRow);
  return {
    width: 2 * MARGIN + cols * spreadW + (cols - 1) * SPREAD_GAP,
    height: 2 * MARGIN + rows * rowH - ROW_GAP,
    cells,
  };
}

export async function renderContactSheet(
  pages: readonly ContactSheetPage[],
  options: ContactSheetOptions = {},
): Promise<Buffer> {
  const thumbWidth = options.thumbWidth ?? 180;
  const thumbs = await Promise.all(pages.map((p) => thumbnail(p.png, thumbWidth, options)));
  const metas = await Promise.all(thumbs.map((t) => sharp(t).metadata()));
  const layout = layoutContactSheet(
    pages.map((p, i) => ({
      label: p.label,
      width: metas[i]!.width ?? thumbWidth,
      height: metas[i]!.height ?? 1,
    })),
    options.spreadsPerRow,
  );
  const labels = labelSvg(layout, options.labelFont);
  return sharp({
    create: { width: layout.width, height: layout.height, channels: 3, background: BACKGROUND },
  })
    .composite([
      ...layout.cells.map((c) => ({ input: thumbs[c.index]!, left: c.x, top: c.y })),
      { input: Buffer.from(labels), left: 0, top: 0 },
    ])
    .png(options.palette ? previewPngOptions(options) : { compressionLevel: 6 })
    .toBuffer();
}

async function thumbnail(
  png: Buffer | DisplayPage,
  width: number,
  options: ContactSheetOptions,
): Promise<Buffer> {
  if (Buffer.isBuffer(png))
    return sharp(png).resize({ width }).flatten({ background: '#ffffff' }).png().toBuffer();
  if (!options.fontFiles) throw new Error('renderContactSheet: fontFiles are needed to render DisplayPages');
  // Render straight at the thumbnail's resolution (no full-size page, no downscale).
  const dpi = (width * 72) / png.boxes.media.width;
  return renderPreviewPng(png, { fontFiles: options.fontFiles, dpi });
}

/** Labels as glyph outlines (no system fonts: the sheet looks the same on every machine). */
function labelSvg(layout: SheetLayout, labelFont?: string): string {
  const path = labelFont ?? loadFontCatalog().files.get('Libre Franklin/600');
  let body = '';
  const defs = new Map<string, string>();
  if (path !== undefined) {
    const font = openPreviewFont(path);
    const s = LABEL_SIZE / font.unitsPerEm;
    for (const cell of layout.cells) {
      const run = font.font.layout(cell.label);
      const width = run.advanceWidth * s;
      const x0 = cell.x + (cell.width - width) / 2;
      const y0 = cell.y + cell.height + LABEL_HEIGHT - 6;
      let pen = 0;
      let uses = '';
      run.glyphs.forEach((g, i) => {
        const id = `${font.id}-${g.id}`;
        const d = glyphPathData(font, g.id);
        if (d !== '') {
          if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${d}"/>`);
          uses += `<use xlink:href="#${id}" x="${Math.round(pen + (run.positions[i]?.xOffset ?? 0))}"/>`;
        }
        pen += run.positions[i]?.xAdvance ?? g.advanceWidth;
      });
      body += `<g transform="matrix(${s} 0 0 ${-s} ${x0.toFixed(2)} ${y0})">${uses}</g>`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}">` +
    `<defs>${[...defs.values()].join('')}</defs><g fill="${LABEL_COLOR}">${body}</g></svg>`
  );
}
