import { describe, expect, it } from 'vitest';
import { type HyphenateOptions, hyphenate, patternsFor } from '../../src/text/hyphenate.js';

const TEX: HyphenateOptions = { minWord: 5, minLeft: 2, minRight: 3, capitalized: true };

function show(word: string, language = 'en-US', options: HyphenateOptions = TEX): string {
  const points = hyphenate(word, language, options);
  let out = '';
  let from = 0;
  for (const p of points) {
    out += `${word.slice(from, p)}-`;
    from = p;
  }
  return out + word.slice(from);
}

describe('hyphenate (Liang patterns of the hyphen package, TeX minimums)', () => {
  it('hyphenates English words as TeX does', () => {
    expect(show('hyphenation')).toBe('hy-phen-ation');
    expect(show('typesetting')).toBe('type-set-ting');
    expect(show('newspaper')).toBe('news-pa-per');
    expect(show('international')).toBe('in-ter-na-tional');
  });

  it('enforces the minimums: word length, letters before and after the break', () => {
    expect(hyphenate('paper', 'en-US', { ...TEX, minWord: 6 })).toEqual([]);
    // en-us patterns allow "bot-tle"? The right minimum of 3 forbids a two-letter tail.
    for (const word of ['hyphenation', 'typesetting', 'newspaper', 'relative', 'covered']) {
      for (const p of hyphenate(word, 'en-US', TEX)) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(word.length - p).toBeGreaterThanOrEqual(3);
      }
    }
    expect(show('hyphenation', 'en-US', { ...TEX, minLeft: 3, minRight: 4 })).toBe('hyphen-ation');
  });

  it('leaves capitalised words alone when asked', () => {
    expect(hyphenate('Typesetting', 'en-US', { ...TEX, capitalized: false })).toEqual([]);
    expect(show('Typesetting')).toBe('Type-set-ting');
  });

  it('maps BCP 47 tags to pattern modules; unknown languages hyphenate nothing', () => {
    expect(patternsFor('en-US')).toBe('en-us');
    expect(patternsFor('en')).toBe('en-us');
    expect(patternsFor('en-GB')).toBe('en-gb');
    expect(patternsFor('de')).toBe('de-1996');
    expect(patternsFor('de-CH')).toBe('de-ch-1901');
    expect(patternsFor('fr-CA')).toBe('fr');
    expect(patternsFor('pt-BR')).toBe('pt');
    expect(patternsFor('xx-YY')).toBeUndefined();
    expect(hyphenate('typesetting', 'xx', TEX)).toEqual([]);
    expect(show('Zeitungspapier', 'de')).toContain('-');
    expect(show('typographie', 'fr')).toContain('-');
  });
  it('hyphenates each article language from its own patterns: en, fr, de, es, pt, nl, it', () => {
    const at = (word: string, language: string) => {
      const breaks = hyphenate(word, language, { minWord: 5, minLeft: 2, minRight: 3, capitalized: true });
      return breaks.reduce((w, b, i) => `${w.slice(0, b + i)}-${w.slice(b + i)}`, word);
    };
    expect(at('typesetting', 'en-US')).toBe('type-set-ting');
    expect(at('typographie', 'fr')).toBe('ty-po-gra-phie');
    expect(at('Silbentrennung', 'de')).toBe('Sil-ben-tren-nung');
    expect(at('tipografía', 'es')).toBe('ti-po-gra-fía');
    expect(at('tipografia', 'pt-BR')).toBe('ti-po-gra-fia');
    expect(at('woordafbreking', 'nl')).toBe('woord-af-bre-king');
    expect(at('tipografia', 'it')).toBe('ti-po-gra-fia');
    // Khmer, Thai's neighbours and CJK are never hyphenated: no patterns are looked up.
    expect(at('ភាសាខ្មែរ', 'km')).toBe('ភាសាខ្មែរ');
  });
});
