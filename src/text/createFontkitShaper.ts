/**
 * The real shaper: fontkit's OpenType layout (kerning, ligatures, the style's features), in em;
 * text in a complex script (Khmer, Thai, Indic...) goes to HarfBuzz (shapeWithHarfBuzz.ts).
 * Results are cached by (face, features, text); the text engine shapes word by word, so the cache
 * turns most shaping into one Map lookup. The cache is a memo of a pure function: same answers.
 * With a ShapeStore the cache starts from the words earlier runs shaped in the same face.
 */
import type * as fontkit from 'fontkit';
import type { ShapeStore } from '../model/shapeStore.js';
import { needsComplexShaping } from './scripts.js';
import { shapeWithHarfBuzz } from './shapeWithHarfBuzz.js';
import type { FeatureSet, FontKey, FontMetrics, ShapedGlyph, Shaper } from './types.js';

/** Entries kept per face before the cache is dropped and refilled (bounds memory on long runs). */
const MAX_CACHE_ENTRIES = 200_000;

interface Face {
  font: fontkit.Font;
  unitsPerEm: number;
  metrics: FontMetrics;
  shaped: Map<string, readonly ShapedGlyph[]>;
  chars: Map<number, boolean>;
}

/** Where the shaper finds a face: a map of opened fonts, or a loader that opens them on demand. */
export interface FontSource {
  get(key: FontKey): fontkit.Font | undefined;
}

/** The bytes fontkit read the face from (its stream's buffer), for HarfBuzz to read the same face. */
function bytesOf(font: fontkit.Font): Uint8Array {
  return (font as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
}

/** `store`: words shaped by earlier runs, kept on disk (shapeStore.ts); none by default. */
export function createFontkitShaper(fonts: FontSource, store?: ShapeStore): Shaper {
  const faces = new Map<FontKey, Face>();
  const open = (key: FontKey): Face | undefined => {
    const font = fonts.get(key);
    if (!font) return undefined;
    const upm = font.unitsPerEm;
    const face: Face = {
      font,
      unitsPerEm: upm,
      metrics: {
        ascender: font.ascent / upm,
        descender: font.descent / upm,
        capHeight: font.capHeight / upm,
        xHeight: font.xHeight / upm,
      },
      shaped: store ? store.open(bytesOf(font)) : new Map(),
      chars: new Map(),
    };
    faces.set(key, face);
    return face;
  };
  const featureKeys = new WeakMap<FeatureSet, string>();
  const featureKey = (features: FeatureSet | undefined): string => {
    if (!features) return '';
    let key = featureKeys.get(features);
    if (key === undefined) {
      key = Object.keys(features)
        .sort()
        .map((tag) => `${tag}${features[tag] ? '+' : '-'}`)
        .join(',');
      featureKeys.set(features, key);
    }
    return key;
  };
  const face = (key: FontKey): Face => {
    const found = faces.get(key) ?? open(key);
    if (!found) throw new Error(`createFontkitShaper: no font loaded for "${key}"`);
    return found;
  };

  return {
    shape(text, font, features) {
      const f = face(font);
      const key = `${featureKey(features)}\u0000${text}`;
      const hit = f.shaped.get(key);
      if (hit) return hit;
      if (needsComplexShaping(text)) {
        const shaped = Object.freeze(shapeWithHarfBuzz(bytesOf(f.font), f.unitsPerEm, text, features));
        if (f.shaped.size >= MAX_CACHE_ENTRIES) f.shaped.clear();
        f.shaped.set(key, shaped);
        return shaped;
      }
      const run = f.font.layout(text, features ? { ...features } : undefined);
      const scale = 1 / f.unitsPerEm;
      const glyphs: ShapedGlyph[] = new Array(run.glyphs.length);
      for (let i = 0; i < run.glyphs.length; i++) {
        const g = run.glyphs[i]!;
        const p = run.positions[i]!;
        glyphs[i] = Object.freeze({
          id: g.id,
          advance: p.xAdvance * scale,
          dx: p.xOffset * scale,
          dy: -p.yOffset * scale,
          chars: String.fromCodePoint(...g.codePoints),
        });
      }
      Object.freeze(glyphs);
      if (f.shaped.size >= MAX_CACHE_ENTRIES) f.shaped.clear();
      f.shaped.set(key, glyphs);
      return glyphs;
    },
    metrics(font) {
      return face(font).metrics;
    },
    hasChar(font, codePoint) {
      const f = face(font);
      let has = f.chars.get(codePoint);
      if (has === undefined) {
        has = f.font.hasGlyphForCodePoint(codePoint);
        f.chars.set(codePoint, has);
      }
      return has;
    },
  };
}
