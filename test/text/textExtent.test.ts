import { describe, expect, it } from 'vitest';
import { prepareParagraph } from '../../src/text/prepareParagraph.js';
import { textExtent } from '../../src/text/textExtent.js';
import { fake, fakeStyle } from './helpers.js';

const prepared = (text: string, style = {}) =>
  prepareParagraph(
    { runs: [{ text }], style: fakeStyle(style), language: 'en-US', indentFirstLine: false },
    fake,
  );

describe('textExtent: the room a ragged text takes at any measure', () => {
  it('sums its words and its spaces, and knows its widest hyphen', () => {
    const e = textExtent(prepared('aaa bb extraordinary', { align: 'left', hyphenate: true }))!;
    expect(e.boxes).toBeCloseTo((3 + 2 + 13) * 5);
    expect(e.spaces).toBeCloseTo(2 * 3);
    expect(e.hyphen).toBeCloseTo(5);
    expect(e.protrusion).toBe(0);
  });

  it('counts how far a line may hang into its margins', () => {
    expect(
      textExtent(prepared('"aaa bb."', { align: 'left', protrusion: true }))!.protrusion,
    ).toBeGreaterThan(0);
  });

  it('bounds nothing for justified text, which stretches and shrinks', () => {
    expect(textExtent(prepared('aaa bb'))).toBeUndefined();
  });
});
