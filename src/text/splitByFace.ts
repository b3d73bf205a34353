/**
 * Missing glyphs: splits a text into parts shaped in the wanted face, or in the first other face
 * of the shaper that has the character (same family first). Every fallback, and every character
 * no face has, is reported once in `warnings`.
 */
import type { FontKey, Shaper } from './types.js';

export interface FacePart {
  text: string;
  font: FontKey;
}

/** Characters that never need a glyph (formatting, joiners, variation selectors). */
function isIgnorable(cp: number): boolean {
  return cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f);
}

function family(key: FontKey): string {
  return key.slice(0, key.lastIndexOf('/'));
}

function fallbackFace(shaper: Shaper, font: FontKey, cp: number): FontKey | undefined {
  const faces = shaper.faces ?? [];
  const fam = family(font);
  for (const f of faces) if (f !== font && family(f) === fam && shaper.hasChar(f, cp)) return f;
  for (const f of faces) if (family(f) !== fam && shaper.hasChar(f, cp)) return f;
  return undefined;
}

export function splitByFace(text: string, font: FontKey, shaper: Shaper, warnings: string[]): FacePart[] {
  const parts: FacePart[] = [];
  let current = '';
  let currentFont = font;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let use = font;
    if (!isIgnorable(cp) && !shaper.hasChar(font, cp)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      const fb = fallbackFace(shaper, font, cp);
      if (fb) {
        use = fb;
        const w = `missing glyph U+${hex} "${ch}" in ${font}: set in ${fb}`;
        if (!warnings.includes(w)) warnings.push(w);
      } else {
        const w = `missing glyph U+${hex} "${ch}" in ${font} and every fallback face`;
        if (!warnings.includes(w)) warnings.push(w);
      }
    }
    if (use !== currentFont && current) {
      parts.push({ text: current, font: currentFont });
      current = '';
    }
    currentFont = use;
    current += ch;
  }
  if (current) parts.push({ text: current, font: currentFont });
  return parts;
}
