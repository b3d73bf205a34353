/**
 * The preview as PNG. Two engines, same picture:
 * - 'fast' (default): paper, photos, rules and boxes rasterised from SVG by sharp, text blended
 *   from cached glyph masks (drawGlyphRuns.ts), overlays composited on top; overlapping items keep
 *   their display-list order through paint layers (planLayers.ts).
 * - 'svg': the whole SVG of renderPreviewSvg rasterised by sharp (exact order; ~0.5 s per
 *   5,000-word page).
 */
import sharp from 'sharp';
import type { DisplayPage } from '../../display/types.js';
import { drawGlyphRuns } from './drawGlyphRuns.js';
import { planLayers } from './planLayers.js';
import { previewFrame } from './previewFrame.js';
import { createLru } from './previewImages.js';
import { buildPreviewSvg, loadImages, type PreviewSvgOptions } from './renderPreviewSvg.js';

export interface PreviewPngOptions extends PreviewSvgOptions {
  engine?: 'fast' | 'svg';
  /** zlib level of the PNG (default 3: watch mode wants speed more than bytes). */
  compressionLevel?: number;
  /**
   * A 256-colour (quantised) PNG at zlib level 9: about a third of the bytes of a full-colour
   * one, photos slightly dithered, ~0.5 s more. For pictures that are kept or shared (README).
   */
  palette?: boolean;
  /** Graphics layers rasterised for earlier pictures (watch mode keeps one: see createPreviewRasterCache). */
  rasterCache?: PreviewRasterCache;
}

export type PreviewRasterCache = ReturnType<typeof createLru<Buffer>>;

/**
 * The graphics layers (paper, photos, rules) of the last few pictures, by their SVG: most saves
 * in watch mode move text but not the photos and rules, and librsvg decoding every photo of the
 * page again was a third of a redraw. Four entries: a page's layers, a few redraws back.
 */
export function createPreviewRasterCache(maxEntries = 4): PreviewRasterCache {
  return createLru<Buffer>(maxEntries);
}

/** sharp's PNG options for a preview. */
export function previewPngOptions(options: { compressionLevel?: number; palette?: boolean }) {
  return options.palette
    ? { palette: true, compressionLevel: 9, effort: 7 }
    : { compressionLevel: options.compressionLevel ?? 3, adaptiveFiltering: false };
}

export async function renderPreviewPng(page: DisplayPage, options: PreviewPngOptions): Promise<Buffer> {
  const frame = previewFrame(page, options.dpi);
  const images = await loadImages(page, frame, options.imageCache);
  const png = previewPngOptions(options);
  const base = { fontFiles: options.fontFiles, pasteboard: options.pasteboard, images };
  if (options.engine === 'svg') {
    const svg = buildPreviewSvg(page, frame, { ...base, show: options.show, graphics: true, glyphs: true });
    return sharp(Buffer.from(svg), { limitInputPixels: false })
      .flatten({ background: '#ffffff' })
      .png(png)
      .toBuffer();
  }
  const layers = planLayers(page.items, options.fontFiles);
  // The first layer is RGB on white paper (text is blended into it); the others RGBA over it.
  const raster = async (svg: string, first: boolean): Promise<Buffer> => {
    const key = `${first ? 'paper' : 'over'}|${svg}`;
    const known = options.rasterCache?.get(key);
    // The paper's pixels are drawn on: the cache keeps its own copy.
    if (known) return first ? Buffer.from(known) : known;
    const input = sharp(Buffer.from(svg), { limitInputPixels: false });
    const out = first
      ? await input.flatten({ background: '#ffffff' }).raw().toBuffer()
      : await input.ensureAlpha().raw().toBuffer();
    options.rasterCache?.set(key, first ? Buffer.from(out) : out);
    return out;
  };
  let pixels: Buffer | undefined;
  for (const [k, layer] of layers.entries()) {
    const svg = buildPreviewSvg(page, frame, {
      ...base,
      items: layer.graphics,
      paper: k === 0,
      graphics: true,
      glyphs: false,
    });
    if (pixels === undefined) pixels = await raster(svg, true);
    else if (layer.graphics.length > 0) blendRgba(pixels, await raster(svg, false));
    await drawGlyphRuns(pixels, frame, layer.text, options.fontFiles);
  }
  const raw = { raw: { width: frame.widthPx, height: frame.heightPx, channels: 3 as const } };
  const wantsOverlays = (options.show?.length ?? 0) > 0;
  const overlays = wantsOverlays
    ? buildPreviewSvg(page, frame, { ...base, show: options.show, graphics: false, glyphs: false })
    : undefined;
  const out = sharp(pixels!, raw);
  if (overlays) out.composite([{ input: Buffer.from(overlays) }]);
  return out.png(png).toBuffer();
}

/** Source-over of a straight-alpha RGBA layer onto RGB pixels. */
function blendRgba(pixels: Buffer, rgba: Buffer): void {
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    const a = rgba[j + 3]!;
    if (a === 0) continue;
    const k = a / 255;
    for (let c = 0; c < 3; c++) pixels[i + c] = pixels[i + c]! + (rgba[j + c]! - pixels[i + c]!) * k + 0.5;
  }
}
