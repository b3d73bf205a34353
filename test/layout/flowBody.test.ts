import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSlots } from '../../src/layout/buildSlots.js';
import { type FlowBlock, flowBody } from '../../src/layout/flowBody.js';
import { bodyTextStyle } from '../../src/text/bodyTextStyle.js';
import { fakeContext, wordKey } from '../support/fakeContext.js';

const ctx = fakeContext();
const style = bodyTextStyle({ size: 10, leading: 10 });
const settings = { minLinesTogether: 2, subheadSpace: 1 };
const para = (text: string, kind: FlowBlock['kind'] = 'paragraph'): FlowBlock => ({
  kind,
  paragraph: ctx.engines.prepare(
    { runs: [{ text }], style, language: 'en-US', indentFirstLine: false },
    ctx.shaper,
  ),
});
/** Columns of `lines` slots, 100 pt wide (20 characters of the fake font at 10 pt). */
const columns = (count: number, lines: number) =>
  buildSlots(
    {
      columnX: Array.from({ length: count }, (_, i) => i * 110),
      columnWidth: 100,
      gridTop: 0,
      baseline: 10,
      firstLine: 0,
      endLine: lines,
    },
    [],
  );
const words = (n: number, seed = 1) =>
  Array.from(
    { length: n },
    (_, i) => ['news', 'page', 'column', 'type', 'line', 'grid', 'press'][(i * 7 + seed) % 7],
  ).join(' ');

describe('flowBody', () => {
  it('pours paragraphs down one column and into the next', () => {
    const slots = columns(2, 5);
    const result = flowBody([para(words(20)), para(words(12, 3))], slots, ctx.engines, settings);
    expect(result.overset).toBeUndefined();
    expect(result.lines.map((l) => l.slot.column)).toEqual(
      [...result.lines].map((l) => l.slot.column).sort(),
    );
    expect(result.lines[0]!.slot).toBe(slots[0]);
  });

  it("never leaves a paragraph's first line alone at a column bottom (orphan)", () => {
    // The first paragraph fills 4 of 5 lines; the second would start on line 5 alone.
    const first = para(words(14));
    const n = ctx.engines.setLines(first.paragraph, { width: () => 100 }).length;
    const slots = columns(2, n + 1);
    const result = flowBody([first, para(words(12, 2))], slots, ctx.engines, settings);
    const second = result.lines.filter((l) => l.block === 1);
    expect(second[0]!.slot.column).toBe(1);
  });

  it("never leaves a paragraph's last line alone at a column top (widow)", () => {
    const p = para(words(30));
    const n = ctx.engines.setLines(p.paragraph, { width: () => 100 }).length;
    const slots = columns(2, n - 1);
    const result = flowBody([p], slots, ctx.engines, settings);
    const inSecond = result.lines.filter((l) => l.slot.column === 1);
    expect(inSecond.length).toBeGreaterThanOrEqual(2);
    expect(result.lines).toHaveLength(n);
  });

  it('never leaves a subhead at a column bottom', () => {
    const first = para(words(14));
    const n = ctx.engines.setLines(first.paragraph, { width: () => 100 }).length;
    const slots = columns(2, n + 3);
    const result = flowBody(
      [first, para('A subhead', 'subhead'), para(words(20, 4))],
      slots,
      ctx.engines,
      settings,
    );
    const head = result.lines.find((l) => l.block === 1)!;
    expect(head.slot.column).toBe(1);
    expect(head.slot.line).toBe(0);
  });

  it('reports what does not fit as overset, from the first word that did not fit', () => {
    const text = words(80);
    const result = flowBody([para(text)], columns(1, 6), ctx.engines, settings);
    expect(result.overset).toBeDefined();
    const placed = result.lines.flatMap((l) => l.line.words);
    expect(placed.length).toBe(result.overset!.word);
    expect(wordKey(result.overset!.firstWord)).toBe(wordKey(text.split(' ')[placed.length]!));
    expect(result.overset!.lines).toBeGreaterThan(0);
  });

  it('places every word exactly once or reports it overset, in order, with no widow or orphan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 1, max: 3 }),
        (lengths, depth, count) => {
          const texts = lengths.map((n, i) => words(n, i));
          const result = flowBody(
            texts.map((t) => para(t)),
            columns(count, depth),
            ctx.engines,
            settings,
          );
          const expected = texts.flatMap((t) => t.split(' '));
          const placed = result.lines.flatMap((l) => l.line.words);
          const cut = result.overset
            ? texts.slice(0, result.overset.block).reduce((n, t) => n + t.split(' ').length, 0) +
              result.overset.word
            : expected.length;
          expect(placed.map(wordKey)).toEqual(expected.slice(0, cut).map(wordKey));
          // Keeps: at every column break inside a fully placed paragraph, two lines on each side.
          for (let b = 0; b < texts.length; b++) {
            const lines = result.lines.filter((l) => l.block === b);
            if (result.overset && result.overset.block <= b) continue;
            for (let i = 0; i + 1 < lines.length; i++) {
              if (lines[i]!.slot.column !== lines[i + 1]!.slot.column) {
                expect(i + 1).toBeGreaterThanOrEqual(2);
                expect(lines.length - i - 1).toBeGreaterThanOrEqual(2);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
