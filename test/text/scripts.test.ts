import { describe, expect, it } from 'vitest';
import {
  allowsLetterSpacing,
  dictionaryBreaks,
  isUnhyphenated,
  needsComplexShaping,
} from '../../src/text/scripts.js';
import { segmentWord } from '../../src/text/segmentWord.js';

const pieces = (text: string, offsets: readonly number[]) => {
  const out: string[] = [];
  let from = 0;
  for (const o of [...offsets, text.length]) {
    out.push(text.slice(from, o));
    from = o;
  }
  return out;
};

const OPTIONS = { hyphenate: true, language: 'km', minWord: 5, minLeft: 2, minRight: 3, capitalized: true };

describe('scripts', () => {
  it('finds the words of Khmer, which writes no space between them (ICU dictionary)', () => {
    const text = 'មនុស្សទាំងអស់កើតមកមានសេរីភាព';
    expect(pieces(text, dictionaryBreaks(text))).toEqual(['មនុស្ស', 'ទាំងអស់', 'កើតមក', 'មាន', 'សេរីភាព']);
  });

  it('never breaks before Khmer punctuation: the khan (។) stays with its word', () => {
    const text = 'និងសិទ្ធិ។';
    expect(pieces(text, dictionaryBreaks(text))).toEqual(['និង', 'សិទ្ធិ។']);
  });

  it('finds Thai words the same way, and none in Latin text', () => {
    expect(dictionaryBreaks('สวัสดีครับ').length).toBeGreaterThan(0);
    expect(dictionaryBreaks('typesetting is fun')).toEqual([]);
  });

  it('segments a Khmer word at dictionary breaks with no hyphen, and never hyphenates it', () => {
    const seg = segmentWord('មនុស្សទាំងអស់កើតមក', OPTIONS);
    expect(seg.breaks.map((b) => b.kind)).toEqual(['word', 'word']);
    expect(
      segmentWord('typesetting', { ...OPTIONS, language: 'en-US' }).breaks.every((b) => b.kind === 'hyphen'),
    ).toBe(true);
  });

  it('takes the word boundaries a Khmer text marks with zero-width spaces instead of the dictionary', () => {
    // ICU's dictionary reads ជាសកល ("universal") as ជាស|កល; the editor's marks say ជា|សកល.
    const dictionary = segmentWord('ប្រកាសជាសកល', OPTIONS);
    expect(
      pieces(
        dictionary.text,
        dictionary.breaks.map((b) => b.offset),
      ),
    ).toEqual(['ប្រកាស', 'ជាស', 'កល']);
    const marked = segmentWord('ប្រកាស\u200Bជា\u200Bសកល', OPTIONS);
    expect(
      pieces(
        marked.text,
        marked.breaks.map((b) => b.offset),
      ),
    ).toEqual(['ប្រកាស', 'ជា', 'សកល']);
    expect(marked.breaks.map((b) => b.kind)).toEqual(['word', 'word']);
  });

  it('knows which scripts are never hyphenated, letter-spaced, or extracted glyph by glyph', () => {
    expect(isUnhyphenated('ភាសាខ្មែរ')).toBe(true);
    expect(isUnhyphenated('日本語')).toBe(true);
    expect(isUnhyphenated('Sprache')).toBe(false);
    expect(allowsLetterSpacing('ស្ត្រី')).toBe(false);
    expect(allowsLetterSpacing('office')).toBe(true);
    expect(needsComplexShaping('ស្ត្រី')).toBe(true);
    expect(needsComplexShaping('office')).toBe(false);
  });
});
