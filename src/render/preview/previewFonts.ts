/**
 * Fonts for the preview: every file opened once per process (fontkit parses lazily, so opening is
 * cheap and glyph outlines are decoded on first use) and glyph outlines converted to SVG path data
 * once per glyph. The same TTF files the PDF backend embeds, so the glyph ids of the display list
 * index the same outlines.
 */
import { type Font, openSync } from 'fontkit';
import type { FontKey } from '../../display/types.js';

export interface PreviewFont {
  path: string;
  font: Font;
  unitsPerEm: number;
  /** Short stable id for SVG element ids (f0, f1, ...), in order of first use in the process. */
  id: string;
}

const fonts = new Map<string, PreviewFont>();
const pathData = new Map<string, string>();

export function openPreviewFont(path: string): PreviewFont {
  let entry = fonts.get(path);
  if (!entry) {
    const opened = openSync(path);
    const font = 'fonts' in opened ? opened.fonts[0] : opened;
    if (!font) throw new Error(`font file has no faces: ${path}`);
    entry = { path, font, unitsPerEm: font.unitsPerEm, id: `f${fonts.size}` };
    fonts.set(path, entry);
  }
  return entry;
}

export function fontForKey(fontFiles: ReadonlyMap<FontKey, string>, key: FontKey): PreviewFont {
  const path = fontFiles.get(key);
  if (path === undefined) throw new Error(`preview: no font file for "${key}"`);
  return openPreviewFont(path);
}

/** SVG path data of a glyph in font units (y up), '' for glyphs without outline (space). */
export function glyphPathData(font: PreviewFont, glyphId: number): string {
  const key = `${font.id}:${glyphId}`;
  let d = pathData.get(key);
  if (d === undefined) {
    d = font.font.getGlyph(glyphId).path.toSVG();
    pathData.set(key, d);
  }
  return d;
}

const bounds = new Map<string, { minX: number; minY: number; maxX: number; maxY: number } | null>();

/** Outline bounds of a glyph in font units (y up), null for glyphs without outline. */
export function glyphBounds(font: PreviewFont, glyphId: number) {
  const key = `${font.id}:${glyphId}`;
  let b = bounds.get(key);
  if (b === undefined) {
    if (glyphPathData(font, glyphId) === '') b = null;
    else {
      const { minX, minY, maxX, maxY } = font.font.getGlyph(glyphId).bbox;
      b = { minX, minY, maxX, maxY };
    }
    bounds.set(key, b);
  }
  return b;
}
