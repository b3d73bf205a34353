/**
 * The optimised breaker (typed-array nodes, lazy river scoring, shared workspace, memoised material)
 * chooses exactly the breaks of the original implementation (test/text/referenceBreakLines.ts), on
 * random paragraphs, line widths, column feet and parameters, and on the corpus paragraphs with the
 * real fonts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyTextStyle } from '../../src/text/bodyTextStyle.js';
import { breakLines, type LineModel } from '../../src/text/breakLines.js';
import { resolveBreakParams } from '../../src/text/breakParams.js';
import { createFontkitShaper } from '../../src/text/createFontkitShaper.js';
import { loadFonts } from '../../src/text/loadFonts.js';
import type { PreparedText } from '../../src/text/nodes.js';
import { prepareParagraph } from '../../src/text/prepareParagraph.js';
import { toBreakMaterial } from '../../src/text/toBreakMaterial.js';
import type { BreakParams, TextStyle } from '../../src/text/types.js';
import { prep } from './helpers.js';
import { referenceBreakLines } from './referenceBreakLines.js';

/** A line model as setLines builds it: explicit widths, then the last one repeated. */
function model(widths: number[], bottoms: boolean[]): LineModel {
  const last = widths.length - 1;
  let uniformFrom = Math.max(last, bottoms.length);
  const width = (i: number) => widths[Math.min(i, last)]!;
  const bottom = (i: number) => bottoms[i] ?? false;
  while (uniformFrom > 0 && width(uniformFrom - 1) === width(last) && !bottom(uniformFrom - 1)) {
    uniformFrom--;
  }
  return { width, bottom, uniformFrom };
}

function both(p: PreparedText, lines: LineModel, params: Partial<BreakParams>): [number[], number[]] {
  const full = resolveBreakParams(params);
  let narrowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= lines.uniformFrom + 1; i++) narrowest = Math.min(narrowest, lines.width(i));
  const m = toBreakMaterial(p, narrowest);
  return [breakLines(m, lines, full), referenceBreakLines(m, lines, full)];
}

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,12}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('typesetting', 'newspaper', 'hyphenation', 'well-known', 'co\u00ADop'),
  },
  { weight: 1, arbitrary: fc.constantFrom('"quoted,"', 'e.g.,', 'https://example.com/a/b', 'Mr.') },
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
const style = fc.record({
  hyphenate: fc.boolean(),
  align: fc.constantFrom<TextStyle['align']>('justify', 'justify', 'justify', 'left', 'center'),
  expansion: fc.constantFrom(0, 0.02),
  letterSpace: fc.constantFrom(0, 0.01, 0.02),
  protrusion: fc.boolean(),
});
const params = fc.record({
  pretolerance: fc.constantFrom(-1, 100, 200),
  tolerance: fc.constantFrom(100, 400, 1000),
  riverDemerits: fc.constantFrom(0, 3_000, 50_000),
  maxConsecutiveHyphens: fc.integer({ min: 1, max: 3 }),
  hyphenPenalty: fc.constantFrom(0, 40, 200),
  emergencyStretch: fc.constantFrom(0, 10),
  adjDemerits: fc.constantFrom(0, 10_000),
});
const widths = fc.array(fc.integer({ min: 20, max: 220 }), { minLength: 1, maxLength: 8 });
const bottoms = fc.array(fc.boolean(), { maxLength: 10 });

describe('breakLines = the original implementation', () => {
  it('on random paragraphs, widths, column feet and parameters', () => {
    fc.assert(
      fc.property(paragraph, style, params, widths, bottoms, (text, st, pa, ws, bs) => {
        const [fast, reference] = both(prep(text, st), model(ws, bs), pa);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it('on the corpus paragraphs with the real fonts, at several measures', () => {
    const corpus = JSON.parse(
      readFileSync(new URL('./fixtures/corpusParagraphs.json', import.meta.url), 'utf8'),
    ) as { paragraphs: { text: string }[] };
    const shaper = createFontkitShaper(loadFonts());
    for (const { text } of corpus.paragraphs) {
      const p = prepareParagraph(
        { runs: [{ text }], style: bodyTextStyle(), language: 'en-US', indentFirstLine: true },
        shaper,
      );
      for (const lines of [
        model([128], []),
        model([90], []),
        model([64], []),
        model([80, 80, 80, 128], [false, false, false, false, false, false, true]),
      ]) {
        for (const pa of [{}, { pretolerance: -1 }, { riverDemerits: 0 }]) {
          const [fast, reference] = both(p, lines, pa);
          expect(fast).toEqual(reference);
        }
      }
    }
  });

  it('gives the same breaks when a line model calls the breaker from its callbacks', () => {
    const inner = prep('aaa bbb ccc ddd eee fff ggg');
    const full = resolveBreakParams();
    const innerBreaks = breakLines(toBreakMaterial(inner, 33), model([33], []), full);
    const outer = prep('aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp', { hyphenate: true });
    const plain = model([40, 52], []);
    const nested: LineModel = {
      ...plain,
      width: (i) => {
        expect(breakLines(toBreakMaterial(inner, 33), model([33], []), full)).toEqual(innerBreaks);
        return plain.width(i);
      },
    };
    const m = toBreakMaterial(outer, 40);
    expect(breakLines(m, nested, full)).toEqual(referenceBreakLines(m, plain, full));
  });
});
