/**
 * Fallback chains: splits a text into parts, each set in the first face of [font, ...chain] that
 * has every character of a grapheme cluster (a Khmer consonant with its coeng and vowels goes to
 * one face whole, never split between two). A cluster no face has is kept in the wanted face (it
 * would print the font's .notdef box) and reported: the input edge refuses such text before layout
 * unless the user allows missing glyphs, so what reaches here is reported, never silent.
 */
import type { FontKey, Shaper } from './types.js';

export interface FacePart {
  text: string;
  font: FontKey;
}

/** Characters that never need a glyph (formatting, joiners, variation selectors). */
export function isIgnorable(cp: number): boolean {
  return cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f);
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function hasAll(shaper: Shaper, font: FontKey, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isIgnorable(cp) && !shaper.hasChar(font, cp)) return false;
  }
  return true;
}

/** The face that sets a cluster: the first of the chain that has all of it, or undefined. */
function faceFor(
  shaper: Shaper,
  font: FontKey,
  chain: readonly FontKey[],
  cluster: string,
): FontKey | undefined {
  if (hasAll(shaper, font, cluster)) return font;
  for (const f of chain) if (hasAll(shaper, f, cluster)) return f;
  return undefined;
}

export function missingGlyphWarning(ch: string, font: FontKey): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `missing glyph U+${hex} "${ch}" in ${font} and every fallback face`;
}

/**
 * The characters of `text` that no face of the chain can set, each once, in order of appearance.
 * A cluster is missing as a whole when no single face has all of it; the characters reported are
 * those the wanted face lacks.
 */
export function missingCharacters(
  text: string,
  font: FontKey,
  chain: readonly FontKey[],
  shaper: Shaper,
): string[] {
  if (hasAll(shaper, font, text)) return [];
  const out: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (faceFor(shaper, font, chain, segment)) continue;
    for (const ch of segment) {
      const cp = ch.codePointAt(0)!;
      if (!isIgnorable(cp) && !shaper.hasChar(font, cp) && !out.includes(ch)) out.push(ch);
    }
  }
  return out;
}

export function splitByFace(
  text: string,
  font: FontKey,
  chain: readonly FontKey[],
  shaper: Shaper,
  warnings: string[],
): FacePart[] {
  if (hasAll(shaper, font, text)) return [{ text, font }];
  const parts: FacePart[] = [];
  let current = '';
  let currentFont = font;
  for (const { segment } of graphemes.segment(text)) {
    let use = faceFor(shaper, font, chain, segment);
    if (!use) {
      use = font;
      for (const ch of segment) {
        const cp = ch.codePointAt(0)!;
        if (isIgnorable(cp) || shaper.hasChar(font, cp)) continue;
        const w = missingGlyphWarning(ch, font);
        if (!warnings.includes(w)) warnings.push(w);
      }
    }
    if (use !== currentFont && current) {
      parts.push({ text: current, font: currentFont });
      current = '';
    }
    currentFont = use;
    current += segment;
  }
  if (current) parts.push({ text: current, font: currentFont });
  return parts;
}
