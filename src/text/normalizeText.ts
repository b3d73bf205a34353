/**
 * Input hygiene before anything else: line breaks and tabs become spaces, control characters and
 * invisible formatting marks are removed, exotic spaces are mapped to a normal space (breakable)
 * or a no-break space. Kept on purpose: U+00AD soft hyphen (a break hint), U+200B zero-width space
 * (a break opportunity without width), U+200C/U+200D joiners (they matter to shaping).
 */

// Line and paragraph separators, tabs, newlines: word spaces.
const TO_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029\u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]/g;
// Figure space and narrow no-break space: no-break spaces.
const TO_NBSP = /[\u2007\u202F]/g;
// C0/C1 controls, BOM, bidi marks and embeddings, word joiner and invisible operators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const STRIP = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u180E]/g;

export function normalizeText(text: string): string {
  return text.replace(STRIP, '').replace(TO_SPACE, ' ').replace(TO_NBSP, '\u00A0');
}
