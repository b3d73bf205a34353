/**
 * A shaper for tests: every character is one glyph of the same width, no kerning, no ligatures,
 * so breaker tests get exact numbers. Glyph ids are the code points. Characters listed in
 * `missing` are reported absent (to test fallback chains); every face name is answered.
 */
import type { FontKey, FontMetrics, ShapedGlyph, Shaper } from './types.js';

export interface FakeShaperOptions {
  /** Characters that a face lacks, by face. */
  missing?: Readonly<Record<FontKey, string>>;
}

const FAKE_METRICS: FontMetrics = Object.freeze({
  ascender: 0.8,
  descender: -0.2,
  capHeight: 0.7,
  xHeight: 0.5,
});

export function createFakeShaper(widthEm = 0.5, options: FakeShaperOptions = {}): Shaper {
  const missing = options.missing ?? {};
  return {
    shape(text) {
      const glyphs: ShapedGlyph[] = [];
      for (const ch of text) {
        glyphs.push({ id: ch.codePointAt(0)!, advance: widthEm, dx: 0, dy: 0, chars: ch });
      }
      return glyphs;
    },
    metrics() {
      return FAKE_METRICS;
    },
    hasChar(font, codePoint) {
      return !(missing[font] ?? '').includes(String.fromCodePoint(codePoint));
    },
  };
}
