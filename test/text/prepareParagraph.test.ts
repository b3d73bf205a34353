import { describe, expect, it } from 'vitest';
import { createFakeShaper } from '../../src/text/createFakeShaper.js';
import type { BoxNode, GlueNode, PenaltyNode } from '../../src/text/nodes.js';
import { prepareParagraph } from '../../src/text/prepareParagraph.js';
import { fakeStyle, input, prep } from './helpers.js';

const boxes = (text: string, style = {}) =>
  prep(text, style)
    .nodes.filter((n): n is BoxNode => n.type === 'box')
    .map((b) => b.text);

describe('prepareParagraph', () => {
  it('turns words into boxes, spaces into glue, and ends with a forced break', () => {
    const p = prep('aaa  bb');
    expect(p.nodes.map((n) => n.type)).toEqual(['box', 'glue', 'box', 'penalty']);
    const glue = p.nodes[1] as GlueNode;
    expect(glue.width).toBeCloseTo(3);
    expect(glue.stretch).toBeCloseTo(2);
    expect(glue.shrink).toBeCloseTo(1);
    expect(glue.breakable).toBe(true);
    expect((p.nodes[0] as BoxNode).width).toBe(15);
    expect((p.nodes[3] as PenaltyNode).kind).toBe('end');
    expect(p.words).toEqual(['aaa', 'bb']);
    expect(p.wordCount).toBe(2);
  });

  it('gives no material for empty, whitespace-only or control-only paragraphs', () => {
    for (const text of ['', '   ', '\n\t', '\u0000\u0007', '\u200B']) {
      const p = prep(text);
      expect(p.nodes).toEqual([]);
      expect(p.wordCount).toBe(0);
    }
  });

  it('splits hyphenatable words into boxes with hyphen penalties, width-independent', () => {
    const p = prep('typesetting', { hyphenate: true });
    expect(
      p.nodes.map((n) => (n.type === 'box' ? n.text : n.type === 'penalty' ? `|${n.kind}` : ' ')),
    ).toEqual(['type', '|hyphen', 'set', '|hyphen', 'ting', '|end']);
    const hyphen = p.nodes[1] as PenaltyNode;
    expect(hyphen.width).toBe(5);
    expect(hyphen.hyphen?.glyphs.map((g) => g.chars).join('')).toBe('-');
  });

  it('removes unused soft hyphens from the text', () => {
    const p = prep('co\u00ADop');
    expect(p.words).toEqual(['coop']);
    expect(boxes('co\u00ADop')).toEqual(['co', 'op']);
  });

  it('ties no-break spaces: glue that is not a break point', () => {
    const p = prep('Mr. Smith');
    const glue = p.nodes.find((n) => n.type === 'glue') as GlueNode;
    expect(glue.breakable).toBe(false);
  });

  it('upper-cases caps styles before shaping', () => {
    expect(boxes('kicker text', { uppercase: true })).toEqual(['KICKER', 'TEXT']);
  });

  it('sets inline emphasis in the style faces', () => {
    const p = prepareParagraph(
      {
        ...input(''),
        runs: [{ text: 'plain ' }, { text: 'it', italic: true }, { text: 'alic', bold: true, italic: true }],
      },
      createFakeShaper(),
    );
    const fonts = p.nodes.filter((n): n is BoxNode => n.type === 'box').map((b) => `${b.text}:${b.font}`);
    expect(fonts).toEqual(['plain:Fake/400', 'it:Fake/400i', 'alic:Fake/700i']);
    expect(p.words).toEqual(['plain', 'italic']);
  });

  it("sets a character the style's face lacks in the next face of its fallback chain, silently", () => {
    const shaper = createFakeShaper(0.5, { missing: { 'Fake/400': 'ž' } });
    const p = prepareParagraph(input('abcž', { fallbacks: { 'Fake/400': ['Other/400'] } }), shaper);
    const parts = p.nodes.filter((n): n is BoxNode => n.type === 'box').map((b) => `${b.text}:${b.font}`);
    expect(parts).toEqual(['abc:Fake/400', 'ž:Other/400']);
    expect(p.warnings).toEqual([]);
  });

  it('takes the first face of the chain that has the whole cluster: a base and its mark never part', () => {
    const shaper = createFakeShaper(0.5, { missing: { 'Fake/400': '\u0301', 'Second/400': 'e' } });
    const style = { fallbacks: { 'Fake/400': ['Second/400', 'Third/400'] } };
    const p = prepareParagraph(input('ae\u0301', style), shaper);
    const parts = p.nodes.filter((n): n is BoxNode => n.type === 'box').map((b) => `${b.text}:${b.font}`);
    expect(parts).toEqual(['a:Fake/400', 'e\u0301:Third/400']);
  });

  it('reports a character no face of the chain has, and keeps it', () => {
    const shaper = createFakeShaper(0.5, { missing: { 'Fake/400': '☃', 'Other/400': '☃' } });
    const p = prepareParagraph(input('a☃', { fallbacks: { 'Fake/400': ['Other/400'] } }), shaper);
    expect(p.words).toEqual(['a☃']);
    expect(p.warnings).toEqual(['missing glyph U+2603 "☃" in Fake/400 and every fallback face']);
  });

  it('does not crash on unknown languages: no hyphenation', () => {
    const p = prepareParagraph(
      { ...input('typesetting', { hyphenate: true }), language: 'zz-ZZ' },
      createFakeShaper(),
    );
    expect(p.nodes.filter((n) => n.type === 'penalty')).toHaveLength(1);
  });

  it('never mutates its input', () => {
    const i = input('"Quoted" --- text', { uppercase: true, dropCapLines: 2 });
    const copy = structuredClone(i);
    prepareParagraph(i, createFakeShaper());
    expect(i).toEqual(copy);
  });

  it('takes the drop cap off the first word, opening quote included', () => {
    const p = prep('\u201CHello there', { dropCapLines: 2 });
    expect(p.dropCap?.text).toBe('\u201CH');
    expect(p.words).toEqual(['\u201CHello', 'there']);
    expect(prep('A cat', { dropCapLines: 2 }).words).toEqual(['A', 'cat']);
  });

  it('indents the first line with an empty box', () => {
    const p = prep('aa', {}, { indentFirstLine: true });
    expect(p.nodes[0]).toMatchObject({ type: 'box', width: 10, glyphs: [] });
    expect(fakeStyle().indent).toBe(10);
  });
});
