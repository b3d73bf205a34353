/**
 * Glyph runs drawn at the positions layout computed, through pdfkit's embedded-font subset (pdfkit
 * has no public glyph API: this file is the one place that feeds glyph ids to it; see STACK trap 12).
 * Each glyph's `chars` go to the font's ToUnicode map so text extraction returns the words.
 */
import type { FontKey, GlyphsItem } from '../../display/types.js';
import { openedFontBytes, openFontFile } from '../../model/openFontFile.js';
import { needsComplexShaping } from '../../text/scripts.js';
import { fillColorOp, isPureBlack } from './colors.js';
import { num } from './contentOps.js';
import { currentEmbeddedFont, type InternalDoc, type PdfEmbeddedFont } from './pdfkitInternals.js';
import { fastSubsetFor } from './trueTypeSubset.js';

export interface FontRegistry {
  /** The embedded font for a key, registered as a resource of the current page. */
  use(key: FontKey): PdfEmbeddedFont;
}

export function createFontRegistry(doc: InternalDoc, files: ReadonlyMap<FontKey, string>): FontRegistry {
  const fonts = new Map<FontKey, PdfEmbeddedFont>();
  return {
    use(key) {
      let font = fonts.get(key);
      if (!font) {
        const file = files.get(key);
        if (!file) throw new Error(`renderPdf: font "${key}" is not in the font catalogue`);
        // pdfkit 0.20 takes a parsed fontkit font (PDFFontFactory.open checks for `layout`); its
        // types only know paths and buffers. Covered by the embedding tests.
        const face = openFontFile(file);
        doc.font(face as unknown as Buffer, key);
        font = currentEmbeddedFont(doc, `${key} (${file})`);
        // Same bytes as pdfkit's fontkit subset, from glyphs kept across pages (trueTypeSubset.ts).
        const fast = fastSubsetFor(face, openedFontBytes(file)!);
        if (fast) font.subset = fast();
        fonts.set(key, font);
      }
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
      return font;
    },
  };
}

/** Subset glyph id for a font glyph, recording its width and the characters it stands for. */
function includeGlyph(font: PdfEmbeddedFont, glyphId: number, chars: string): number {
  const gid = font.subset.includeGlyph(glyphId);
  if (font.widths[gid] == null) font.widths[gid] = font.font.getGlyph(glyphId).advanceWidth * font.scale;
  const known = font.unicode[gid];
  // The first non-empty mapping wins (a glyph reached from two spellings keeps the first). The
  // code points are only worked out when they are kept: most glyphs on a page were met before.
  if (known == null || (known.length === 0 && chars.length > 0))
    font.unicode[gid] = [...chars].map((c) => c.codePointAt(0)!);
  return gid;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** `<gid>` as a TJ string operand, made once per subset glyph id for the process. */
const glyphOperands: string[] = [];
const glyphOperand = (gid: number): string => (glyphOperands[gid] ??= `<${hex4(gid)}>`);

function utf16beHex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out.toUpperCase();
}

/**
 * Writes one run. `advance` is the final pen advance on the page (hScale included); `dx`/`dy` offset
 * one glyph from the pen in display space (y down). Pure-black runs overprint via `overprintGs`.
 */
export function drawGlyphs(
  doc: InternalDoc,
  fonts: FontRegistry,
  item: GlyphsItem,
  overprintGs: string,
  allowNotdef = false,
): void {
  if (item.glyphs.length === 0) return;
  const font = fonts.use(item.font);
  const size = item.size;
  const h = item.hScale ?? 1;
  const emToPt = (size * h) / 1000; // text-space thousandths to points along the baseline
  // Where glyphs are reordered or fused (a Khmer vowel drawn before its consonant, a coeng under
  // it), glyph-by-glyph ToUnicode cannot give back the text in its order: the run carries its
  // source text as ActualText, which extraction (pdftotext, copy and paste) reads instead.
  const withActualText = needsComplexShaping(item.text);
  const out: string[] = withActualText
    ? [`/Span <</ActualText <FEFF${utf16beHex(item.text)}>>> BDC`, 'q']
    : ['q'];
  if (isPureBlack(item.color)) out.push(`/${overprintGs} gs`);
  out.push(fillColorOp(item.color), 'BT', `/${font.id} ${num(size)} Tf`);
  if (h !== 1) out.push(`${num(h * 100)} Tz`);
  // Text space flipped back upright inside pdfkit's top-left user space.
  const tm = (x: number, y: number) => `1 0 0 -1 ${num(x)} ${num(y)} Tm`;
  out.push(tm(item.x, item.y));

  let tj: string[] = [];
  const flush = () => {
    if (tj.length > 0) out.push(`[${tj.join('')}] TJ`);
    tj = [];
  };
  let ideal = item.x; // where layout puts the pen
  let actual = item.x; // where the PDF pen is after what was written
  for (const g of item.glyphs) {
    if (g.id === 0 && !allowNotdef)
      throw new Error(
        `renderPdf: "${item.text.slice(0, 40)}" in ${item.font} would print the font's .notdef box (a glyph the font lacks); ` +
          'the input check should have refused it (allowMissingGlyphs prints it)',
      );
    const gid = includeGlyph(font, g.id, g.chars);
    const width = font.widths[gid]!; // 1/1000 em
    if (g.dx !== 0 || g.dy !== 0) {
      flush();
      out.push(tm(ideal + g.dx, item.y + g.dy), `${glyphOperand(gid)} Tj`);
      ideal += g.advance;
      out.push(tm(ideal, item.y));
      actual = ideal;
      continue;
    }
    ideal += g.advance;
    // TJ number: thousandths of an em subtracted from the glyph's own width, chosen so the pen lands
    // on the ideal position (rounding never accumulates along the line).
    const adjust = Math.round((width - (ideal - actual) / emToPt) * 100) / 100;
    tj.push(glyphOperand(gid));
    if (adjust !== 0) tj.push(num(adjust, 2));
    actual += (width - adjust) * emToPt;
  }
  flush();
  out.push('ET', 'Q');
  if (withActualText) out.push('EMC');
  // As bytes: pdfkit turns a string into bytes one character at a time in JavaScript (and adds the
  // newline); Buffer's latin1 encoder writes the same bytes natively.
  doc.addContent(Buffer.from(`${out.join('\n')}\n`, 'latin1'));
}

/** Shapes a short label (slug line) with the font's own layout and draws it: backend-made text only. */
export function drawLabel(
  doc: InternalDoc,
  fonts: FontRegistry,
  key: FontKey,
  text: string,
  x: number,
  y: number,
  size: number,
  overprintGs: string,
): void {
  const font = fonts.use(key);
  const run = font.font.layout(text);
  const k = size / font.font.unitsPerEm;
  const chars = [...text];
  const glyphs = run.glyphs.map((g, i) => ({
    id: g.id,
    advance: run.positions[i]!.xAdvance * k,
    dx: 0,
    dy: 0,
    chars: g.codePoints.length > 0 ? String.fromCodePoint(...g.codePoints) : (chars[i] ?? ''),
  }));
  drawGlyphs(
    doc,
    fonts,
    { kind: 'glyphs', x, y, font: key, size, color: { space: 'cmyk', c: 0, m: 0, y: 0, k: 1 }, glyphs, text },
    overprintGs,
    true, // job information outside the trim, cut off: a box there loses nothing
  );
}
