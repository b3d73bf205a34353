/** A small hand-made display document for the PDF tests: real fonts shaped with fontkit, a rule, a rect, photos. */
import * as fontkit from 'fontkit';
import type {
  DisplayDocument,
  DisplayGlyph,
  DisplayItem,
  FontKey,
  GlyphsItem,
} from '../../../src/display/types.js';
import { loadFontCatalog } from '../../../src/model/fontCatalog.js';

export const catalog = loadFontCatalog();
const BLACK = { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 } as const;

/** Shapes `text` with fontkit (kerning, ligatures) into a glyph run with pen at (x, y). */
export function shapeRun(
  key: FontKey,
  text: string,
  x: number,
  y: number,
  size: number,
  extra: Partial<GlyphsItem> = {},
): GlyphsItem {
  const file = catalog.files.get(key);
  if (!file) throw new Error(`no font ${key}`);
  const font = fontkit.openSync(file) as fontkit.Font;
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const glyphs: DisplayGlyph[] = run.glyphs.map((g, i) => ({
    id: g.id,
    advance: run.positions[i]!.xAdvance * scale * (extra.hScale ?? 1),
    dx: 0,
    dy: 0,
    chars: String.fromCodePoint(...g.codePoints),
  }));
  return { kind: 'glyphs', x, y, font: key, size, color: BLACK, glyphs, text, ...extra };
}

/** A tabloid-ish page (288 x 432 pt trim, 3 mm bleed) with a headline, body lines, a rule, a rect and photos. */
export function sampleDocument(
  photos: { cmyk: string; rgb: string },
  title = 'Galley & Sons test',
): DisplayDocument {
  const bleed = 8.504;
  const width = 288;
  const height = 432;
  const trim = { x: 0, y: 0, width, height };
  const box = { x: -bleed, y: -bleed, width: width + 2 * bleed, height: height + 2 * bleed };
  const items: DisplayItem[] = [
    shapeRun('Playfair Display/700', 'Harbour reopens', 18, 48, 30),
    shapeRun('Source Serif 4/400', 'The ferry office finally opened', 18, 80, 9.5),
    shapeRun('Source Serif 4/400', 'its doors on Tuesday morning.', 18, 92, 9.5, { hScale: 0.98 }),
    shapeRun('Libre Franklin/600', 'CAPTION: the quay at dawn', 18, 410, 7, {
      color: { space: 'gray', k: 0.8 },
    }),
    { kind: 'rule', from: { x: 18, y: 58 }, to: { x: 270, y: 58 }, width: 0.5, color: BLACK },
    {
      kind: 'rect',
      rect: { x: 186, y: 70, width: 84, height: 30 },
      fill: { space: 'cmyk', c: 0.2, m: 0, y: 0, k: 0 },
    },
    shapeRun('Libre Franklin/700', 'Reversed', 192, 90, 12, {
      color: { space: 'cmyk', c: 0, m: 0, y: 0, k: 0 },
    }),
    {
      kind: 'image',
      rect: { x: 18, y: 110, width: 252, height: 168 },
      source: photos.cmyk,
      crop: { x: 0, y: 0, width: 600, height: 400 },
      ppi: 171,
    },
    {
      kind: 'image',
      rect: { x: 18, y: 290, width: 120, height: 80 },
      source: photos.rgb,
      crop: { x: 0, y: 0, width: 640, height: 427 },
      ppi: 384,
    },
    { kind: 'debug', rect: { x: 0, y: 0, width: 10, height: 10 }, label: 'frame', category: 'frame' },
  ];
  return {
    title,
    date: '2026-11-29',
    pages: [
      { label: 'A1', width, height, boxes: { media: box, bleed: box, trim }, items },
      {
        label: 'A2',
        width,
        height,
        boxes: { media: box, bleed: box, trim },
        items: [shapeRun('Source Serif 4/400i', 'Page two, in italics: office', 18, 60, 12), items[7]!],
      },
    ],
  };
}
