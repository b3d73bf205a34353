/** Shared fixtures of the text tests: a fake style whose numbers are easy to reason about. */
import { createFakeShaper } from '../../src/text/createFakeShaper.js';
import type { PreparedText } from '../../src/text/nodes.js';
import { prepareParagraph } from '../../src/text/prepareParagraph.js';
import type { ParagraphInput, SetLine, TextStyle } from '../../src/text/types.js';

/**
 * Size 10 pt and every glyph 0.5 em: each character is 5 pt wide. Word space 3 pt, stretching to
 * 5 pt and shrinking to 2 pt. No expansion, letter-spacing, protrusion or hyphenation unless asked.
 */
export const FAKE_STYLE: TextStyle = Object.freeze({
  font: 'Fake/400',
  italicFont: 'Fake/400i',
  boldFont: 'Fake/700',
  boldItalicFont: 'Fake/700i',
  size: 10,
  leading: 12,
  color: { space: 'gray', k: 1 },
  align: 'justify',
  tracking: 0,
  indent: 10,
  wordSpace: { min: 0.2, ideal: 0.3, max: 0.5 },
  hyphenate: false,
  hyphenMinWord: 5,
  hyphenMinLeft: 2,
  hyphenMinRight: 3,
  hyphenateCapitalized: true,
  features: {},
  uppercase: false,
  expansion: 0,
  letterSpace: 0,
  protrusion: false,
  dropCapLines: 0,
}) as TextStyle;

export const fake = createFakeShaper(0.5);

export function fakeStyle(overrides: Partial<TextStyle> = {}): TextStyle {
  return { ...FAKE_STYLE, ...overrides };
}

export function input(
  text: string,
  style: Partial<TextStyle> = {},
  extra: Partial<ParagraphInput> = {},
): ParagraphInput {
  return { runs: [{ text }], style: fakeStyle(style), language: 'en-US', indentFirstLine: false, ...extra };
}

export function prep(
  text: string,
  style: Partial<TextStyle> = {},
  extra: Partial<ParagraphInput> = {},
): PreparedText {
  return prepareParagraph(input(text, style, extra), fake);
}

/** A line as text: its runs joined by single spaces. */
export function lineText(line: SetLine): string {
  return line.runs
    .filter((r) => r.dy === 0)
    .map((r) => r.text)
    .join(' ');
}

/** Right edge of the line's last glyph. */
export function lineEnd(line: SetLine): number {
  const run = line.runs[line.runs.length - 1];
  if (!run) return 0;
  return run.x + run.glyphs.reduce((s, g) => s + g.advance, 0);
}
