/**
 * Character protrusion (optical margin alignment): how far a character may hang into the margin,
 * as a fraction of its advance. Values follow microtype's defaults for text faces, rounded.
 */
const RIGHT: Readonly<Record<string, number>> = {
  '-': 0.6,
  '\u2010': 0.6,
  '\u00AD': 0.6,
  '\u2013': 0.3,
  '\u2014': 0.2,
  '.': 0.7,
  ',': 0.7,
  ':': 0.5,
  ';': 0.5,
  '!': 0.2,
  '?': 0.2,
  "'": 0.7,
  '"': 0.5,
  '\u2019': 0.7,
  '\u201D': 0.5,
  '\u203A': 0.4,
  '\u00BB': 0.4,
  '\u2026': 0.2,
  ')': 0.05,
};

const LEFT: Readonly<Record<string, number>> = {
  '\u2018': 0.7,
  '\u201C': 0.5,
  '\u201E': 0.5,
  '\u201A': 0.7,
  '\u2039': 0.4,
  '\u00AB': 0.4,
  "'": 0.7,
  '"': 0.5,
  '(': 0.05,
};

/** Fraction of the advance of `ch` that may hang into the right margin at a line's end. */
export function protrusionRight(ch: string): number {
  return RIGHT[ch] ?? 0;
}

/** Fraction of the advance of `ch` that may hang into the left margin at a line's start. */
export function protrusionLeft(ch: string): number {
  return LEFT[ch] ?? 0;
}
