/** Hand-built display pages for the preview tests (text shaped with fontkit directly). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Font, openSync } from 'fontkit';
import sharp from 'sharp';
import type { Color, DisplayItem, DisplayPage, GlyphsItem } from '../../../src/display/types.js';
import { loadFontCatalog } from '../../../src/model/fontCatalog.js';

export const catalog = loadFontCatalog();
export const fontFiles = catalog.files;
export const BLACK: Color = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 };

const fonts = new Map<string, Font>();
function font(key: string): Font {
  let f = fonts.get(key);
  if (!f) {
    const opened = openSync(fontFiles.get(key)!);
    f = ('fonts' in opened ? opened.fonts[0] : opened) as Font;
    fonts.set(key, f);
  }
  return f;
}

/** A glyph run of `text` with its pen at (x, y) on the baseline. */
export function run(
  text: string,
  x: number,
  y: number,
  size: number,
  key = 'Source Serif 4/400',
  color = BLACK,
): GlyphsItem {
  const f = font(key);
  const s = size / f.unitsPerEm;
  const shaped = f.layout(text);
  return {
    kind: 'glyphs',
    x,
    y,
    font: key,
    size,
    color,
    text,
    glyphs: shaped.glyphs.map((g, i) => ({
      id: g.id,
      advance: shaped.positions[i]!.xAdvance * s,
      dx: shaped.positions[i]!.xOffset * s,
      dy: -shaped.positions[i]!.yOffset * s,
      chars: String.fromCodePoint(...g.codePoints),
    })),
  };
}

export function runWidth(r: GlyphsItem): number {
  return r.glyphs.reduce((w, g) => w + g.advance, 0);
}

/** A page of `width` x `height` pt with `bleed` pt of bleed (media = bleed box). */
export function page(items: DisplayItem[], width = 288, height = 360, bleed = 0, label = '1'): DisplayPage {
  const trim = { x: 0, y: 0, width, height };
  const box = { x: -bleed, y: -bleed, width: width + 2 * bleed, height: height + 2 * bleed };
  return { label, width, height, boxes: { media: box, bleed: box, trim }, items };
}

/** A test photo: left half red, right half blue (1200 x 800 px JPEG), written once per process. */
let photoPath: string | undefined;
export async function testPhoto(): Promise<string> {
  if (photoPath) return photoPath;
  const dir = mkdtempSync(join(tmpdir(), 'galley-preview-'));
  const path = join(dir, 'photo.jpg');
  const half = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ff0000' } })
    .composite([{ input: half, left: 600, top: 0 }])
    .jpeg({ quality: 95 })
    .toFile(path);
  photoPath = path;
  return path;
}

/** RGB of the pixel at (x, y) in a PNG. */
export async function pixels(
  png: Buffer,
): Promise<{ width: number; height: number; at(x: number, y: number): [number, number, number] }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at(x, y) {
      const i = (Math.round(y) * info.width + Math.round(x)) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}
