/**
 * Recommended body-text values for newspaper columns (the templates may start from them): the
 * defaults the breaker was tuned with in bench/text.ts.
 */
import type { TextStyle } from './types.js';

export const BODY_TEXT_STYLE: Readonly<TextStyle> = Object.freeze({
  font: 'Source Serif 4/400',
  italicFont: 'Source Serif 4/400i',
  boldFont: 'Source Serif 4/700',
  boldItalicFont: 'Source Serif 4/700i',
  size: 9.5,
  leading: 11.5,
  color: Object.freeze({ space: 'cmyk', c: 0, m: 0, y: 0, k: 1 }) as TextStyle['color'],
  align: 'justify',
  tracking: 0,
  indent: 9.5,
  /** Source Serif's own space is 0.25 em; narrow columns need room to shrink and to stretch. */
  wordSpace: Object.freeze({ min: 0.2, ideal: 0.25, max: 0.45 }),
  hyphenate: true,
  hyphenMinWord: 5,
  hyphenMinLeft: 2,
  hyphenMinRight: 3,
  /** TeX's default (\uchyph=1): narrow columns full of names need them; templates may turn it off. */
  hyphenateCapitalized: true,
  features: Object.freeze({ kern: true, liga: true }),
  uppercase: false,
  /** pdfTeX/microtype's usual 2%: invisible at 9.5 pt, a lot of give in a 128 pt column. */
  expansion: 0.02,
  /**
   * Two hundredths of an em per glyph either way (8% of a word space, inside the -5%..+10% of a
   * space that newspaper H&J settings allow): in a 128 pt column this is what brings the spread
   * of word spaces under 60% of greedy's (0.01 em leaves it at about 69%; see bench/text.ts).
   */
  letterSpace: 0.02,
  protrusion: true,
  dropCapLines: 0,
});

/** The body style with some values replaced. */
export function bodyTextStyle(overrides: Partial<TextStyle> = {}): TextStyle {
  return { ...BODY_TEXT_STYLE, ...overrides };
}
