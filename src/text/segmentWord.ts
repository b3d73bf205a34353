/**
 * The break opportunities inside one word (a stretch of text between spaces):
 * - soft hyphens U+00AD (removed from the text; a hyphen appears only if the break is taken) —
 *   a word with soft hyphens is not hyphenated by patterns, as in TeX;
 * - zero-width spaces U+200B (removed; break without hyphen);
 * - URLs and e-mail addresses: after `/ . @ - _ ? & = # ~ :` (never a hyphen: it would change the address);
 * - after an explicit hyphen, en dash, em dash or slash between letters or digits (no hyphen added);
 * - between dictionary words of Khmer, Thai, Lao and Myanmar, which write no space between words
 *   (a zero-width break: no hyphen and no space, justified or not); where the text marks
 *   its word boundaries with zero-width spaces, as Khmer typists do, those are the breaks;
 * - Liang hyphenation of each run of letters, when the style hyphenates (never in scripts that
 *   are not hyphenated).
 */
import { type HyphenateOptions, hyphenate } from './hyphenate.js';
import { dictionaryBreaks, hasDictionaryScript, isUnhyphenated } from './scripts.js';

export type BreakKind = 'hyphen' | 'soft' | 'explicit' | 'url' | 'word';

export interface WordBreak {
  /** Offset in `text` where the word may be broken. */
  offset: number;
  kind: BreakKind;
}

export interface SegmentedWord {
  /** The word without soft hyphens and zero-width spaces. */
  text: string;
  breaks: WordBreak[];
}

export interface SegmentOptions extends HyphenateOptions {
  hyphenate: boolean;
  language: string;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|^[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const URL_BREAK_AFTER = '/.@-_?&=#~:';
const EXPLICIT = '-\u2010\u2013\u2014/';
const WORDLIKE = /[\p{L}\p{N}]/u;
const LETTERS = /\p{L}[\p{L}\p{M}]*/gu;

export function segmentWord(raw: string, options: SegmentOptions): SegmentedWord {
  const breaks: WordBreak[] = [];
  let text = raw;
  const hasSoft = raw.includes('\u00AD');
  const hasZwsp = raw.includes('\u200B');
  // Khmer typists mark word boundaries with zero-width spaces: where they did, their breaks are
  // the words (set like the dictionary's, as zero-width glue), and the dictionary is not asked.
  const marked = hasZwsp && hasDictionaryScript(raw);
  if (hasSoft || hasZwsp) {
    text = '';
    for (const ch of raw) {
      if (ch === '\u00AD' || ch === '\u200B') {
        if (text.length > 0)
          breaks.push({ offset: text.length, kind: ch === '\u00AD' ? 'soft' : marked ? 'word' : 'url' });
      } else text += ch;
    }
  }
  const end = text.length;
  if (URL_LIKE.test(text)) {
    for (let i = 1; i < end - 1; i++) {
      const ch = text[i]!;
      if (URL_BREAK_AFTER.includes(ch) && !(ch === '/' && text[i + 1] === '/') && text[i + 1] !== ch) {
        breaks.push({ offset: i + 1, kind: 'url' });
      }
    }
  } else {
    for (let i = 1; i < end - 1; i++) {
      if (EXPLICIT.includes(text[i]!) && WORDLIKE.test(text[i - 1]!) && WORDLIKE.test(text[i + 1]!)) {
        breaks.push({ offset: i + 1, kind: 'explicit' });
      }
    }
    if (!marked) for (const offset of dictionaryBreaks(text)) breaks.push({ offset, kind: 'word' });
    if (options.hyphenate && !hasSoft && end >= options.minWord) {
      for (const m of text.matchAll(LETTERS)) {
        if (isUnhyphenated(m[0])) continue;
        for (const o of hyphenate(m[0], options.language, options)) {
          breaks.push({ offset: m.index + o, kind: 'hyphen' });
        }
      }
    }
  }
  breaks.sort((a, b) => a.offset - b.offset);
  return {
    text,
    breaks: breaks.filter((b, i) => b.offset > 0 && b.offset < end && breaks[i - 1]?.offset !== b.offset),
  };
}
