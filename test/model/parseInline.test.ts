import { describe, expect, it } from 'vitest';
import { parseInline, plainText } from '../../src/model/parseInline.js';

describe('parseInline', () => {
  it('reads *italic* and **bold** runs', () => {
    expect(parseInline('a *b* **c** ***d*** e')).toEqual([
      { text: 'a ' },
      { text: 'b', italic: true },
      { text: ' ' },
      { text: 'c', bold: true },
      { text: ' ' },
      { text: 'd', italic: true, bold: true },
      { text: ' e' },
    ]);
  });

  it('keeps an unmatched asterisk as text, so nothing typed is lost', () => {
    expect(plainText(parseInline('5 * 3 = 15'))).toBe('5 * 3 = 15');
    expect(plainText(parseInline('footnote*'))).toBe('footnote*');
  });

  it('reads \\* as a literal asterisk', () => {
    expect(parseInline('a \\*b\\* c')).toEqual([{ text: 'a *b* c' }]);
  });
});
