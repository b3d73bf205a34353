/**
 * Input hygiene before anything else: line breaks and tabs become spaces, control characters and
 * invisible formatting marks are removed, exotic spaces are mapped to a normal space (breakable)
 * or a no-break space. Kept on purpose: U+00AD soft hyphen (a break hint), U+200B zero-width space
 * (a break opportunity without width), U+200C/U+200D joiners (they matter to shaping).
 */

/** Tabs, line and paragraph separators, and the breakable spaces of Unicode: a word space. */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** C0/C1 controls, BOM, bidi marks and embeddings, word joiner and invisible operators. */
function isStripped(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xfeff ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x180e
  );
}

/** Figure space and narrow no-break space become no-break spaces. */
function isNoBreakSpace(c: number): boolean {
  return c === 0x2007 || c === 0x202f;
}

export function normalizeText(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c >= 0x1680) {
      clean = false;
      break;
    }
  }
  if (clean) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) out += ' ';
    else if (isNoBreakSpace(c)) out += '\u00A0';
    else if (!isStripped(c)) out += text[i];
  }
  return out;
}
