/**
 * No tofu: every field of a story is checked against the fonts of the style that sets it, and a
 * character none of them has is named with its field, its code and the style.
 */
import { describe, expect, it } from 'vitest';
import {
  describeMissingGlyph,
  findMissingGlyphs,
  findMissingPlanGlyphs,
  findMissingTemplateGlyphs,
} from '../../src/layout/findMissingGlyphs.js';
import type { Article } from '../../src/model/article.js';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import { createFontkitShaper } from '../../src/text/createFontkitShaper.js';
import { loadFonts } from '../../src/text/loadFonts.js';

const shaper = createFontkitShaper(loadFonts());
const t = loadTemplate('broadsheet');
/** No shipped family has the emoji. */
const TOFU = '😀';

const story = (fields: Partial<Article>): Article => ({
  file: 'story.json',
  id: 's',
  language: 'en',
  headline: 'Plain headline',
  body: [{ kind: 'paragraph', runs: [{ text: 'Plain text.' }] }],
  pullQuotes: [],
  photos: [],
  ...fields,
});
const photo = { source: '/p.jpg', file: 'p.jpg', caption: 'A caption', credit: 'A credit' };

describe('findMissingGlyphs', () => {
  it('finds nothing in text every style can set, Khmer included', () => {
    expect(findMissingGlyphs(story({ headline: 'សេចក្ដីប្រកាស', kicker: 'ខ្មែរ' }), t, shaper)).toEqual([]);
  });

  const cases: [string, string, string, Partial<Article>][] = [
    ['kicker', 'kicker', 'kicker', { kicker: `K ${TOFU}` }],
    ['headline', 'headline', 'headline', { headline: `H ${TOFU}` }],
    ['deck', 'deck', 'deck', { deck: `D ${TOFU}` }],
    ['byline', 'byline', 'byline', { byline: `By ${TOFU}` }],
    ['dateline', 'dateline', 'body', { dateline: `City ${TOFU}` }],
    [
      'body[1]',
      'body paragraph 2',
      'body',
      {
        body: [
          { kind: 'paragraph', runs: [{ text: 'Fine.' }] },
          { kind: 'paragraph', runs: [{ text: TOFU, italic: true }] },
        ],
      },
    ],
    ['body[0]', 'subhead (body block 1)', 'subhead', { body: [{ kind: 'subhead', text: TOFU }] }],
    ['pullQuotes[0].text', 'pull quote 1', 'pullQuote', { pullQuotes: [{ text: TOFU }] }],
    [
      'pullQuotes[0].attribution',
      'attribution of pull quote 1',
      'pullQuoteAttribution',
      { pullQuotes: [{ text: 'Q', attribution: TOFU }] },
    ],
    ['images[0].caption', 'caption of photo 1', 'caption', { photos: [{ ...photo, caption: TOFU }] }],
    ['images[0].credit', 'credit of photo 1', 'credit', { photos: [{ ...photo, credit: TOFU }] }],
  ];
  for (const [field, label, style, fields] of cases) {
    it(`names the ${label}: field ${field}, style ${style}`, () => {
      const [first, ...rest] = findMissingGlyphs(story(fields), t, shaper);
      expect(rest.filter((m) => m.field !== field)).toEqual([]);
      expect(first).toMatchObject({ field, label, char: TOFU, style });
      expect(describeMissingGlyph(first!)).toMatch(
        new RegExp(
          `^U\\+1F600 "${TOFU}" in the ${label.replace(/[()]/g, '\\$&')} has no glyph in the ${style} style's fonts \\(`,
        ),
      );
    });
  }

  it("checks the words of a page's plan: folio texts and ad labels, each in its style", () => {
    const found = findMissingPlanGlyphs(
      [
        { field: 'sections[0].name', text: `Front ${TOFU}`, style: 'folio' },
        { field: 'sections[0].pages[0].ads[0].label', text: 'Ad', style: 'adLabel' },
      ],
      t,
      shaper,
    );
    expect(found.map((m) => `${m.field} ${m.style}`)).toEqual(['sections[0].name folio']);
  });

  it("checks the template's own words: the flag and the folio", () => {
    const odd = { ...t, flag: { title: `Times ${TOFU}`, depth: 8 }, folio: { newspaper: 'Fine' } };
    expect(findMissingTemplateGlyphs(odd, shaper).map((m) => `${m.field} ${m.style}`)).toEqual([
      'flag.title flag',
    ]);
  });
});
