import { describe, expect, it } from 'vitest';
import { type SegmentOptions, segmentWord } from '../../src/text/segmentWord.js';

const OPTIONS: SegmentOptions = {
  hyphenate: true,
  language: 'en-US',
  minWord: 5,
  minLeft: 2,
  minRight: 3,
  capitalized: true,
};

const kinds = (raw: string, options = OPTIONS) => {
  const { text, breaks } = segmentWord(raw, options);
  return { text, breaks: breaks.map((b) => `${text.slice(0, b.offset)}|${b.kind}`) };
};

describe('segmentWord', () => {
  it('hyphenates the letters of a word, keeping punctuation out of the count', () => {
    expect(kinds('typesetting,').breaks).toEqual(['type|hyphen', 'typeset|hyphen']);
    expect(kinds('\u201Cnewspaper\u201D').breaks).toEqual(['\u201Cnews|hyphen', '\u201Cnewspa|hyphen']);
  });

  it('honours soft hyphens, removes them, and then uses no patterns', () => {
    expect(kinds('type\u00ADsetting')).toEqual({ text: 'typesetting', breaks: ['type|soft'] });
    expect(kinds('co\u00ADop\u00ADer\u00ADate', { ...OPTIONS, hyphenate: false }).breaks).toEqual([
      'co|soft',
      'coop|soft',
      'cooper|soft',
    ]);
  });

  it('breaks after explicit hyphens and dashes without adding a hyphen', () => {
    expect(kinds('well-known').breaks).toEqual(['well-|explicit']);
    expect(kinds('1990\u20132000').breaks).toEqual(['1990\u2013|explicit']);
    expect(kinds('and/or', { ...OPTIONS, hyphenate: false }).breaks).toEqual(['and/|explicit']);
  });

  it('breaks URLs and e-mail addresses after / . @ - and never hyphenates them', () => {
    const url = kinds('https://www.example.com/news-today');
    expect(url.breaks.every((b) => b.endsWith('|url'))).toBe(true);
    expect(url.breaks).toContain('https://|url');
    expect(url.breaks).toContain('https://www.|url');
    expect(url.breaks).toContain('https://www.example.com/|url');
    expect(url.breaks).toContain('https://www.example.com/news-|url');
    expect(url.breaks).not.toContain('https:/|url');
    const mail = kinds('editor@galley.news');
    expect(mail.breaks).toEqual(['editor@|url', 'editor@galley.|url']);
  });

  it('turns zero-width spaces into breaks without width', () => {
    expect(kinds('long\u200Bword', { ...OPTIONS, hyphenate: false })).toEqual({
      text: 'longword',
      breaks: ['long|url'],
    });
  });

  it('does not hyphenate short words or when the style says no', () => {
    expect(kinds('paper').breaks).toEqual(['pa|hyphen']);
    expect(kinds('paper', { ...OPTIONS, minWord: 6 }).breaks).toEqual([]);
    expect(kinds('typesetting', { ...OPTIONS, hyphenate: false }).breaks).toEqual([]);
  });
});
