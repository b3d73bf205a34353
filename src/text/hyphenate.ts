/**
 * Liang hyphenation with the patterns of the `hyphen` package, chosen by the article's BCP 47
 * language ("en-US" → en-us, "en-GB" → en-gb, "de" → de-1996, "fr" → fr, ...). Unknown languages
 * hyphenate nothing. TeX's minimums are enforced here (the en-us patterns allow two-letter tails).
 * Pattern modules are loaded lazily, once per language; results are memoised per language (a memo of
 * a pure function). `word` must be letters only (the caller splits off punctuation and digits).
 */
import { createRequire } from 'node:module';

export interface HyphenateOptions {
  /** Shortest word hyphenated at all (TeX: none; newspapers: 5). */
  minWord: number;
  /** Letters kept before a break (TeX's \lefthyphenmin). */
  minLeft: number;
  /** Letters carried after a break (TeX's \righthyphenmin). */
  minRight: number;
  /** Whether words starting with a capital (names) may be hyphenated. */
  capitalized: boolean;
}

/** Pattern modules shipped by `hyphen` 1.14. */
const PATTERNS = new Set(
  (
    'af as be bg bn ca cop cs cu cy da de-1901 de-1996 de-ch-1901 el-monoton el-polyton en-gb en-us es et eu ' +
    'fi fi-x-school fr fur ga gl grc gu hi hr hsb hu hy ia id is it ka kmr kn la la-x-classic la-x-liturgic lt ' +
    'lv mk ml mn-cyrl mn-cyrl-x-lmc mr mul-ethi nb nl nn no oc or pa pi pl pms pt rm ro ru sa sh-cyrl sh-latn ' +
    'sk sl sq sr-cyrl sv ta te th tk tr uk zh-latn-pinyin'
  ).split(' '),
);

/** BCP 47 tags (lower-case) whose pattern module is not simply the tag or its primary subtag. */
const ALIASES: Record<string, string> = {
  en: 'en-us',
  'en-au': 'en-gb',
  'en-nz': 'en-gb',
  'en-ie': 'en-gb',
  'en-za': 'en-gb',
  'en-in': 'en-gb',
  de: 'de-1996',
  'de-de': 'de-1996',
  'de-at': 'de-1996',
  'de-ch': 'de-ch-1901',
  el: 'el-monoton',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  'sr-latn': 'sh-latn',
  'pt-br': 'pt',
  'pt-pt': 'pt',
};

/** The `hyphen` pattern module for a BCP 47 tag, or undefined (no hyphenation). */
export function patternsFor(language: string): string | undefined {
  const tag = language.trim().toLowerCase().replace(/_/g, '-');
  if (!tag) return 'en-us';
  if (ALIASES[tag]) return ALIASES[tag];
  if (PATTERNS.has(tag)) return tag;
  const primary = tag.split('-')[0]!;
  if (ALIASES[primary]) return ALIASES[primary];
  return PATTERNS.has(primary) ? primary : undefined;
}

type Hyphenator = (text: string) => string;
const require = createRequire(import.meta.url);
const hyphenators = new Map<string, Hyphenator | null>();
const memo = new Map<string, Map<string, readonly number[]>>();
const MAX_MEMO = 100_000;
const NONE: readonly number[] = Object.freeze([]);

function hyphenatorFor(module: string): Hyphenator | null {
  let h = hyphenators.get(module);
  if (h === undefined) {
    try {
      const createHyphenator = require('hyphen/hyphen.js') as (p: unknown, o: object) => Hyphenator;
      const patterns = require(`hyphen/patterns/${module}.js`) as unknown;
      h = createHyphenator(patterns, { hyphenChar: '\u00AD', html: false, minWordLength: 1 });
    } catch {
      h = null;
    }
    hyphenators.set(module, h);
  }
  return h;
}

/** Liang's break points of a word, before the minimums: offsets where a hyphen may go. */
function patternBreaks(word: string, module: string): readonly number[] {
  let cache = memo.get(module);
  if (!cache) {
    cache = new Map();
    memo.set(module, cache);
  }
  const hit = cache.get(word);
  if (hit) return hit;
  const h = hyphenatorFor(module);
  const offsets: number[] = [];
  if (h) {
    const marked = h(word);
    let at = 0;
    for (const ch of marked) {
      if (ch === '\u00AD') offsets.push(at);
      else at += ch.length;
    }
  }
  const result = offsets.length ? Object.freeze(offsets) : NONE;
  if (cache.size >= MAX_MEMO) cache.clear();
  cache.set(word, result);
  return result;
}

/**
 * Offsets (UTF-16) inside `word` where a hyphen may be inserted, ascending. Minimums count
 * characters (code points), as TeX counts letters.
 */
export function hyphenate(word: string, language: string, options: HyphenateOptions): readonly number[] {
  const module = patternsFor(language);
  if (!module) return NONE;
  const letters = [...word];
  if (letters.length < Math.max(options.minWord, options.minLeft + options.minRight)) return NONE;
  if (!options.capitalized && /^\p{Lu}/u.test(word)) return NONE;
  const breaks = patternBreaks(word, module);
  if (breaks.length === 0) return NONE;
  // Convert minimums (in code points) to UTF-16 offsets.
  let left = 0;
  for (let i = 0; i < options.minLeft; i++) left += letters[i]!.length;
  let right = word.length;
  for (let i = 0; i < options.minRight; i++) right -= letters[letters.length - 1 - i]!.length;
  return breaks.filter((o) => o >= left && o <= right);
}
