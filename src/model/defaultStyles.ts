/**
 * The house style: what every template starts from. A template overrides any value of any style;
 * unset values of a style come from here, and unset values here come from `body`.
 * Sizes are tuned for a 6-column broadsheet (columns of about 128 pt, 28 to 32 characters).
 */
import type { StyleData, StyleName } from './schema/templateSchema.js';

const BLACK = { c: 0, m: 0, y: 0, k: 100 };

export const DEFAULT_STYLES: Record<StyleName, StyleData> = {
  body: {
    family: 'Source Serif 4',
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
    hyphenateCapitalized: false,
    // Newspaper measures are narrow: a generous maximum keeps total-fit from giving up, while
    // expansion and letter-spacing (below) absorb most of the slack so spaces stay near the ideal.
    wordSpace: { min: 0.2, ideal: 0.26, max: 0.45 },
    expansion: 0.02,
    letterSpace: 0.01,
    protrusion: true,
    dropCapLines: 0,
    features: { kern: true, liga: true, onum: false },
  },
  subhead: { weight: 700, size: 9.4, align: 'left', indent: 0, hyphenate: false, spaceBefore: 11 },
  headline: {
    family: 'Playfair Display',
    weight: 700,
    size: 64,
    minSize: 40,
    maxLines: 3,
    align: 'left',
    indent: 0,
    hyphenate: false,
    tracking: -0.005,
    expansion: 0,
    letterSpace: 0,
    protrusion: false,
  },
  headlineSecondary: { family: 'Playfair Display', weight: 700, size: 36, minSize: 26, maxLines: 4, align: 'left', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  headlineBrief: { family: 'Playfair Display', weight: 700, size: 20, minSize: 16, maxLines: 4, align: 'left', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  deck: { family: 'Source Serif 4', weight: 400, italic: true, size: 15, leading: 18, align: 'left', indent: 0, hyphenate: false, protrusion: false, expansion: 0, letterSpace: 0 },
  kicker: { family: 'Libre Franklin', weight: 700, size: 9, leading: 11, align: 'left', uppercase: true, tracking: 0.08, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  byline: { family: 'Libre Franklin', weight: 700, size: 8, leading: 11, align: 'left', uppercase: true, tracking: 0.04, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  caption: { family: 'Libre Franklin', weight: 400, size: 7.6, leading: 9.5, align: 'left', indent: 0, hyphenate: true, expansion: 0, letterSpace: 0, protrusion: false },
  credit: { family: 'Libre Franklin', weight: 400, size: 6.5, leading: 8, align: 'right', uppercase: true, tracking: 0.04, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  pullQuote: { family: 'Playfair Display', weight: 400, italic: true, size: 17, leading: 22, align: 'left', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: true },
  pullQuoteAttribution: { family: 'Libre Franklin', weight: 700, size: 7.5, leading: 11, align: 'left', uppercase: true, tracking: 0.06, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  folio: { family: 'Libre Franklin', weight: 600, size: 7.5, leading: 11, align: 'left', uppercase: true, tracking: 0.06, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  flag: { family: 'Playfair Display', weight: 900, size: 96, leading: 96, align: 'center', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  flagLine: { family: 'Libre Franklin', weight: 600, size: 8, leading: 11, align: 'center', uppercase: true, tracking: 0.12, indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  jump: { family: 'Libre Franklin', weight: 400, italic: false, size: 7.5, leading: 11, align: 'right', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  jumpHeadline: { family: 'Playfair Display', weight: 700, size: 22, minSize: 16, maxLines: 2, align: 'left', indent: 0, hyphenate: false, expansion: 0, letterSpace: 0, protrusion: false },
  adLabel: { family: 'Libre Franklin', weight: 600, size: 7, leading: 11, align: 'center', uppercase: true, tracking: 0.15, indent: 0, hyphenate: false, color: { c: 0, m: 0, y: 0, k: 60 }, expansion: 0, letterSpace: 0, protrusion: false },
};
