import { describe, expect, it } from 'vitest';
import { setLines } from '../../src/text/setLines.js';
import { lineEnd, lineText, prep } from './helpers.js';

const at = (width: number) => ({ width: () => width });

describe('setLines: justification by positions', () => {
  it('stretches word spaces so every line but the last ends at the measure', () => {
    // "aaa bb" = 15 + 3 + 10 = 28 pt in 30 pt: the space grows by 2 pt (r = 1).
    const lines = setLines(prep('aaa bb ccc dd'), at(30));
    expect(lines.map(lineText)).toEqual(['aaa bb', 'ccc dd']);
    const [first, last] = lines;
    expect(first!.ratio).toBeCloseTo(1);
    expect(lineEnd(first!)).toBeCloseTo(30);
    expect(first!.runs[1]!.x).toBeCloseTo(15 + 5);
    expect(last!.ratio).toBe(0);
    expect(lineEnd(last!)).toBeCloseTo(28);
    expect(last!.last).toBe(true);
    expect(first!.words).toEqual(['aaa', 'bb']);
    expect(first!.width).toBe(30);
  });

  it('reports loose lines beyond looseThreshold', () => {
    const lines = setLines(prep('aaa bb ccc dd'), at(30), { looseThreshold: 0.5 });
    expect(lines[0]!.loose).toBe(true);
    expect(lines[1]!.loose).toBe(false);
  });

  it('shares the adjustment between spaces, expansion and letter-spacing', () => {
    // 2 % expansion and 0.01 em letter-spacing: each 5 pt glyph gives 0.1 + 0.1 pt.
    const lines = setLines(prep('aaa bb ccc dd', { expansion: 0.02, letterSpace: 0.01 }), at(30));
    const [first] = lines;
    expect(lineEnd(first!)).toBeCloseTo(30);
    // total stretch 2 (space) + 5 × 0.2 (glyphs) = 3 pt for a 2 pt gap: r = 2/3.
    expect(first!.ratio).toBeCloseTo(2 / 3);
    expect(first!.runs[0]!.hScale).toBeCloseTo(1 + (2 / 3) * 0.02);
    expect(first!.runs[0]!.glyphs[0]!.advance).toBeCloseTo(5 * (1 + (2 / 3) * 0.02) + (2 / 3) * 0.1);
  });

  it('inserts the hyphen glyph on hyphenated lines', () => {
    const lines = setLines(prep('aaa bbb typesetting ccc', { hyphenate: true }), at(61));
    expect(lines[0]!.hyphenated).toBe(true);
    expect(lines[0]!.runs.at(-1)!.text).toBe('type-');
    expect(lines[0]!.words).toEqual(['aaa', 'bbb', 'typesetting']);
    expect(lines[1]!.words).toEqual(['ccc']);
    expect(lineEnd(lines[0]!)).toBeCloseTo(61);
  });

  it('marks a line overfull when nothing fits, and keeps its text', () => {
    const lines = setLines(prep('W'), at(3));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.overfull).toBe(true);
    expect(lineText(lines[0]!)).toBe('W');
  });

  it('splits a word wider than the measure at a character, with a warning, not overfull', () => {
    const lines = setLines(prep('abcdefghij'), at(22));
    expect(lines.map(lineText).join('')).toBe('abcdefghij');
    expect(lines.every((l) => !l.overfull)).toBe(true);
    expect(lines[0]!.warnings?.[0]).toMatch(/abcdefghij.*split/);
  });

  it('gives zero lines for an empty or whitespace-only paragraph', () => {
    expect(setLines(prep(''), at(100))).toEqual([]);
    expect(setLines(prep(' \n\t \u200B '), at(100))).toEqual([]);
  });

  it('indents the first line when asked', () => {
    const lines = setLines(prep('aa bb', {}, { indentFirstLine: true }), at(100));
    expect(lines[0]!.runs[0]!.x).toBe(10);
    expect(setLines(prep('aa bb'), at(100))[0]!.runs[0]!.x).toBe(0);
  });
});

describe('setLines: ragged alignments', () => {
  const text = 'aa bb cc dd ee ff gg';
  it('left: natural spaces, ragged right, no line wider than the measure', () => {
    const lines = setLines(prep(text, { align: 'left' }), at(40));
    for (const l of lines) {
      expect(l.runs[0]!.x).toBe(0);
      expect(lineEnd(l)).toBeLessThanOrEqual(40);
      for (let i = 1; i < l.runs.length; i++) {
        const prev = l.runs[i - 1]!;
        expect(l.runs[i]!.x - (prev.x + prev.glyphs.length * 5)).toBeCloseTo(3);
      }
      expect(l.loose).toBe(false);
    }
  });

  it('right and center: lines shifted by the whole or half of what is left', () => {
    const right = setLines(prep('aa bb', { align: 'right' }), at(40));
    expect(lineEnd(right[0]!)).toBeCloseTo(40);
    const center = setLines(prep('aa bb', { align: 'center' }), at(40));
    expect(center[0]!.runs[0]!.x).toBeCloseTo((40 - 23) / 2);
  });

  it('balances ragged lines rather than filling the first ones', () => {
    const lines = setLines(prep('aaaa bbbb cccc dddd eeee', { align: 'left' }), at(70));
    const widths = lines.map(lineEnd);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(25);
  });
});

describe('setLines: protrusion and drop caps', () => {
  it('hangs a final period and an inserted hyphen into the right margin', () => {
    const plain = setLines(prep('aaa bbb. ccc'), at(40));
    const hung = setLines(prep('aaa bbb. ccc', { protrusion: true }), at(40));
    expect(lineEnd(plain[0]!)).toBeCloseTo(40);
    // The period (5 pt wide) protrudes by 70 %.
    expect(lineEnd(hung[0]!)).toBeCloseTo(43.5);
  });

  it('hangs an opening quote into the left margin', () => {
    const lines = setLines(prep('\u201Caaa bbb ccc', { protrusion: true }), at(100));
    expect(lines[0]!.runs[0]!.x).toBeCloseTo(-2.5);
  });

  it('sets a drop cap as a run of the first line, dy lower, and narrows the first N lines', () => {
    const p = prep('Hello aaa bbb ccc ddd eee fff ggg hhh', { dropCapLines: 3 });
    const lines = setLines(p, at(60));
    const cap = lines[0]!.runs[0]!;
    expect(cap.text).toBe('H');
    expect(cap.dy).toBe(24);
    expect(cap.x).toBe(0);
    // fake metrics: cap height 0.7 em; cap size = 2 × 12 / 0.7 + 10.
    expect(cap.size).toBeCloseTo(24 / 0.7 + 10);
    const indent = cap.size * 0.5 + 4;
    for (const i of [0, 1, 2]) expect(lines[i]!.runs.find((r) => r.dy === 0)!.x).toBeCloseTo(indent);
    expect(lines[3]!.runs[0]!.x).toBe(0);
    expect(lines[0]!.words[0]).toBe('Hello');
    expect(lines.flatMap((l) => l.words).join(' ')).toBe('Hello aaa bbb ccc ddd eee fff ggg hhh');
  });
});

describe('setLines: glyphs placed when read', () => {
  it('gives the same runs however often they are read, in JSON as in code', () => {
    const [line] = setLines(prep('aaa bb ccc dd'), at(30));
    const runs = line!.runs;
    expect(line!.runs).toBe(runs);
    const copy = JSON.parse(JSON.stringify(line));
    expect(copy.runs).toEqual(JSON.parse(JSON.stringify(runs)));
    expect(copy.words).toEqual(['aaa', 'bb']);
    expect(copy.ratio).toBeCloseTo(1);
  });

  it('names the words of a line before its glyphs are placed, the same words the glyphs draw', () => {
    const lines = setLines(prep('aaa bb ccc dd'), at(30));
    expect(lines.map((l) => l.words)).toEqual([
      ['aaa', 'bb'],
      ['ccc', 'dd'],
    ]);
    // The same text placed afterwards: the words on the line are the words its runs draw.
    expect(lines.map(lineText)).toEqual(['aaa bb', 'ccc dd']);
  });
});
