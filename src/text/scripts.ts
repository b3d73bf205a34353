/**
 * What the text engine needs to know of a script: whether its words are found by a dictionary
 * (Khmer, Thai, Lao and Myanmar write no space between words; ICU's dictionaries behind
 * Intl.Segmenter find them), whether it is ever hyphenated, whether its glyphs may be spaced
 * one by one (not where marks stack on a base: HarfBuzz-shaped text is spaced between clusters
 * instead), and whether shaping reorders it (HarfBuzz, ActualText).
 */

interface DictionaryScript {
  /** A run of the script's letters and marks. */
  run: RegExp;
  segmenter: Intl.Segmenter;
}

const DICTIONARY_SCRIPTS: readonly DictionaryScript[] = [
  ['Khmer', 'km'],
  ['Thai', 'th'],
  ['Lao', 'lo'],
  ['Myanmar', 'my'],
].map(([script, locale]) => ({
  run: new RegExp(`[\\p{Script=${script}}\\u200C\\u200D]+`, 'gu'),
  segmenter: new Intl.Segmenter(locale, { granularity: 'word' }),
}));

const DICTIONARY_ANY = /[\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}]/u;
/** Scripts set without hyphens: the dictionary ones and CJK. */
const UNHYPHENATED =
  /[\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Marks that stack on their base, and scripts that join: no letter-spacing. */
const NO_LETTER_SPACING =
  /[\p{M}\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tibetan}]/u;

export function hasDictionaryScript(text: string): boolean {
  return DICTIONARY_ANY.test(text);
}

export function isUnhyphenated(text: string): boolean {
  return UNHYPHENATED.test(text);
}

export function allowsLetterSpacing(text: string): boolean {
  return !NO_LETTER_SPACING.test(text);
}

/**
 * Offsets inside `text` where a dictionary word ends and another begins, within runs of a
 * dictionary script: only between two word-like segments, so none before punctuation (Khmer
 * "។" stays with its word), none inside a word, none at the run's edges (a space or the word's
 * end is there).
 */
export function dictionaryBreaks(text: string): number[] {
  if (!hasDictionaryScript(text)) return [];
  const out: number[] = [];
  for (const { run, segmenter } of DICTIONARY_SCRIPTS) {
    for (const m of text.matchAll(run)) {
      const start = m.index;
      const segments = [...segmenter.segment(m[0])];
      for (let i = 1; i < segments.length; i++) {
        if (!segments[i]!.isWordLike || !segments[i - 1]!.isWordLike) continue;
        out.push(start + segments[i]!.index);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/** Scripts whose glyphs shaping reorders or fuses (a Khmer vowel drawn before its consonant). */
const REORDERED =
  /[\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Lao}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Tibetan}\p{Script=Sinhala}]/u;

/**
 * Text in a script whose shaping reorders glyphs: HarfBuzz shapes it (fontkit is not trusted
 * there, see shapeWithHarfBuzz.ts), it is spaced between clusters, and the PDF gives it back as
 * ActualText (glyph by glyph, extraction would return it in visual order).
 */
export function needsComplexShaping(text: string): boolean {
  return REORDERED.test(text);
}
