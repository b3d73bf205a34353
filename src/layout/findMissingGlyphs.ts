/**
 * No tofu: every character of a story and of a template's own text, checked against the families
 * of the style that will set it, before anything is laid out. A character that no family of its
 * style has would print as the font's .notdef box, which is lost text: the input edge turns each
 * finding into an input error (or, when the user allows missing glyphs, a warning).
 */
import type { Article } from '../model/article.js';
import type { StyleName } from '../model/schema/templateSchema.js';
import type { ResolvedStyle, Template } from '../model/template.js';
import { normalizeText } from '../text/normalizeText.js';
import { faceOf, upper } from '../text/prepareParagraph.js';
import { missingCharacters } from '../text/splitByFace.js';
import type { InlineRun, Shaper } from '../text/types.js';

export interface MissingGlyph {
  /** The field as the input names it: "headline", "body[3]", "images[0].caption". */
  field: string;
  /** The same, in words for a reader: "body paragraph 4", "caption of photo 1". */
  label: string;
  char: string;
  style: StyleName;
  /** The style's families, in the order they were tried. */
  families: readonly string[];
}

/** The characters of a run no face of the style's chain for that run's face can set. */
function missingIn(
  text: string,
  style: ResolvedStyle,
  run: InlineRun,
  language: string,
  shaper: Shaper,
): string[] {
  const font = faceOf(style, run);
  // As the text engine will see it: controls and bidi marks gone, exotic spaces mapped, cased.
  const normal = normalizeText(text);
  const cased = style.uppercase ? upper(normal, language) : normal;
  return missingCharacters(cased, font, style.fallbacks?.[font] ?? [], shaper);
}

/** The headline may be set in any of these, depending on the story's role and page. */
const HEADLINE_STYLES: readonly StyleName[] = [
  'headline',
  'headlineSecondary',
  'headlineBrief',
  'jumpHeadline',
];

export function findMissingGlyphs(article: Article, template: Template, shaper: Shaper): MissingGlyph[] {
  const found: MissingGlyph[] = [];
  const lang = article.language;
  const check = (field: string, label: string, runs: readonly InlineRun[], styleName: StyleName) => {
    const style = template.styles[styleName];
    for (const run of runs) {
      for (const char of missingIn(run.text, style, run, lang, shaper)) {
        if (!found.some((f) => f.field === field && f.char === char))
          found.push({ field, label, char, style: styleName, families: style.families });
      }
    }
  };
  const plain = (text: string | undefined): InlineRun[] => (text ? [{ text }] : []);
  check('kicker', 'kicker', plain(article.kicker), 'kicker');
  for (const name of HEADLINE_STYLES) check('headline', 'headline', plain(article.headline), name);
  check('deck', 'deck', plain(article.deck), 'deck');
  check('byline', 'byline', plain(article.byline), 'byline');
  check('dateline', 'dateline', article.dateline ? [{ text: article.dateline, bold: true }] : [], 'body');
  for (const [i, block] of article.body.entries()) {
    if (block.kind === 'subhead')
      check(`body[${i}]`, `subhead (body block ${i + 1})`, plain(block.text), 'subhead');
    else check(`body[${i}]`, `body paragraph ${i + 1}`, block.runs, 'body');
  }
  for (const [i, q] of article.pullQuotes.entries()) {
    check(`pullQuotes[${i}].text`, `pull quote ${i + 1}`, plain(q.text), 'pullQuote');
    check(
      `pullQuotes[${i}].attribution`,
      `attribution of pull quote ${i + 1}`,
      plain(q.attribution),
      'pullQuoteAttribution',
    );
  }
  for (const [i, p] of article.photos.entries()) {
    check(`images[${i}].caption`, `caption of photo ${i + 1}`, plain(p.caption), 'caption');
    check(`images[${i}].credit`, `credit of photo ${i + 1}`, plain(p.credit), 'credit');
  }
  return found;
}

/** Words a page's plan brings (folio, date bar, ad labels): each in the style that sets it. */
export interface PlanText {
  field: string;
  text: string;
  style: StyleName;
}

export function findMissingPlanGlyphs(
  texts: readonly PlanText[],
  template: Template,
  shaper: Shaper,
): MissingGlyph[] {
  const found: MissingGlyph[] = [];
  for (const { field, text, style: styleName } of texts) {
    const style = template.styles[styleName];
    for (const char of missingIn(text, style, { text }, 'en', shaper))
      found.push({ field, label: field, char, style: styleName, families: style.families });
  }
  return found;
}

/** The template's own words: the flag, its tagline and the folio's texts. */
export function findMissingTemplateGlyphs(template: Template, shaper: Shaper): MissingGlyph[] {
  const texts: PlanText[] = [
    { field: 'flag.title', text: template.flag?.title ?? '', style: 'flag' },
    { field: 'flag.tagline', text: template.flag?.tagline ?? '', style: 'flagLine' },
    { field: 'folio.newspaper', text: template.folio.newspaper ?? '', style: 'folio' },
    { field: 'folio.edition', text: template.folio.edition ?? '', style: 'folio' },
  ];
  return findMissingPlanGlyphs(texts, template, shaper);
}

export function describeMissingGlyph(m: MissingGlyph): string {
  const cp = m.char.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `a lone UTF-16 surrogate U+${hex} in the ${m.label}: the text is corrupt (half of a character was lost); fix its encoding`;
  return (
    `U+${hex} "${m.char}" in the ${m.label} has no glyph in the ${m.style} style's fonts ` +
    `(${m.families.join(', ')}): add a family that has it to the style (a template's fontCatalog ` +
    'can bring one), or pass --allow-missing-glyphs to print it as a box and have it reported'
  );
}
