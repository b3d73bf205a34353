/**
 * Complex scripts are shaped by HarfBuzz (harfbuzzjs: HarfBuzz compiled to WebAssembly), the
 * shaper of browsers, LibreOffice and LuaTeX. fontkit shapes Latin well, and galley keeps it there
 * (same glyphs as the PDF's own font object, output unchanged), but its Khmer shaping differs from
 * HarfBuzz's on real text: "គ្រួសារ" gets the plain vowel sign where the font asks for the
 * variant under a coeng (test/text/khmerShaping.test.ts compares every run with hb-shape).
 * HarfBuzz reads the same font bytes fontkit opened, so glyph ids are the same numbering.
 */
import * as hb from 'harfbuzzjs';
import type { FeatureSet, ShapedGlyph } from './types.js';

/** HarfBuzz fonts by their file's bytes (one per face, kept for the process). */
const fonts = new WeakMap<Uint8Array, hb.Font>();

function fontFor(bytes: Uint8Array): hb.Font {
  let font = fonts.get(bytes);
  if (!font) {
    font = new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
    fonts.set(bytes, font);
  }
  return font;
}

/**
 * Shapes `text` in the face whose file bytes are given, scaled to em. Each glyph carries the text
 * of its cluster (the first glyph of a cluster; the others none), so glyphs map back to the text.
 */
export function shapeWithHarfBuzz(
  bytes: Uint8Array,
  unitsPerEm: number,
  text: string,
  features: FeatureSet | undefined,
): ShapedGlyph[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  const wanted = Object.entries(features ?? {}).map(([tag, on]) => new hb.Feature(tag, on ? 1 : 0));
  hb.shape(fontFor(bytes), buffer, wanted);
  const out = buffer.getGlyphInfosAndPositions();
  // Cluster starts in text order; a cluster's text runs to the next start.
  const starts = [...new Set(out.map((g) => g.cluster))].sort((a, b) => a - b);
  const end = (cluster: number) => starts.find((s) => s > cluster) ?? text.length;
  const seen = new Set<number>();
  const scale = 1 / unitsPerEm;
  return out.map((g) => {
    const first = !seen.has(g.cluster);
    seen.add(g.cluster);
    return Object.freeze({
      id: g.codepoint,
      advance: (g.xAdvance ?? 0) * scale,
      dx: (g.xOffset ?? 0) * scale,
      dy: -(g.yOffset ?? 0) * scale,
      chars: first ? text.slice(g.cluster, end(g.cluster)) : '',
    });
  });
}
