/**
 * The house style: what every template starts from. A template overrides any value of any style;
 * unset values of a style come from here, and unset values here come from `body`.
 * Sizes are tuned for a 6-column broadsheet (columns of about 128 pt, 28 to 32 characters).
 */
import type { StyleData, StyleName } from './schema/templateSchema.js';

const BLACK = { c: 0, m: 0, y: 0, k: 100 };

/**
 * Families in fallback order: each character is set in the first that has its glyph, so the Khmer
 * of a story (or a Khmer word in an English one) is set in the Khmer face that suits the style.
 */
const SERIF = ['Source Serif 4', 'Noto Serif Khmer'];
const DISPLAY = ['Playfair Display', 'Noto Serif Khmer'];
const SANS = ['Libre Franklin', 'Noto Sans Khmer'];

/** Display and small type is set as it comes: no indent, no hyphens, no justification aids. */
const SET_AS_IS: StyleData = {
  align: 'left',
  indent: 0,
  hyphenate: false,
  expansion: 0,
  letterSpace: 0,
  protrusion: false,
};
/** Headlines: the display serif, fitted between `minSize` and `size` in at most `maxLines`. */
const HEAD: StyleData = { ...SET_AS_IS, family: DISPLAY, weight: 700 };
/** Labels (kickers, bylines, folios): the sans in spaced capitals on the grid. */
const LABEL: StyleData = { ...SET_AS_IS, family: SANS, leading: 11, uppercase: true };

export const DEFAULT_STYLES: Record<StyleName, StyleData> = {
  body: {
    family: SERIF,
    weight: 400,
    italic: false,
    size: 9.4,
    leading: 11,
    align: 'justify',
    tracking: 0,
    color: BLACK,
    uppercase: false,
    indent: 9,
    spaceBefore: 0,
    spaceAfter: 0,
    hyphenate: true,
    hyphenateCapitalized: true,
    // Newspaper measures are narrow: a generous maximum keeps total-fit from giving up, while
    // expansion and letter-spacing (below) absorb most of the slack so spaces stay near the ideal.
    wordSpace: { min: 0.2, ideal: 0.25, max: 0.45 },
    expansion: 0.02,
    letterSpace: 0.02,
    protrusion: true,
    dropCapLines: 0,
    features: { kern: true, liga: true, onum: false },
  },
  subhead: { weight: 700, size: 9.4, align: 'left', indent: 0, hyphenate: false, spaceBefore: 11 },
  headline: { ...HEAD, size: 64, minSize: 40, maxLines: 3, tracking: -0.005 },
  headlineSecondary: { ...HEAD, size: 36, minSize: 26, maxLines: 4 },
  headlineBrief: { ...HEAD, size: 20, minSize: 16, maxLines: 4 },
  jumpHeadline: { ...HEAD, size: 22, minSize: 16, maxLines: 2 },
  deck: { ...SET_AS_IS, family: SERIF, weight: 400, italic: true, size: 15, leading: 18 },
  kicker: { ...LABEL, weight: 700, size: 9, tracking: 0.08 },
  byline: { ...LABEL, weight: 700, size: 8, tracking: 0.04 },
  caption: { ...SET_AS_IS, family: SANS, weight: 400, size: 7.6, leading: 9.5, hyphenate: true },
  credit: { ...LABEL, weight: 400, size: 6.5, leading: 8, align: 'right', tracking: 0.04 },
  pullQuote: {
    ...SET_AS_IS,
    family: DISPLAY,
    weight: 400,
    italic: true,
    size: 15,
    leading: 18,
    protrusion: true,
  },
  pullQuoteAttribution: { ...LABEL, weight: 700, size: 7.5, tracking: 0.06 },
  folio: { ...LABEL, weight: 600, size: 7.5, tracking: 0.06 },
  flag: { ...HEAD, weight: 900, size: 96, leading: 96, align: 'center' },
  flagLine: { ...LABEL, weight: 600, size: 8, align: 'center', tracking: 0.12 },
  jump: {
    ...SET_AS_IS,
    family: SANS,
    weight: 400,
    italic: false,
    size: 7.5,
    leading: 11,
    align: 'right',
  },
  adLabel: {
    ...LABEL,
    weight: 600,
    size: 7,
    align: 'center',
    tracking: 0.15,
    color: { c: 0, m: 0, y: 0, k: 60 },
  },
};
