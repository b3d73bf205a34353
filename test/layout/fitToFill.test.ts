import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sized } from '../../src/layout/fitHeadline.js';
import { fitToFill } from '../../src/layout/fitToFill.js';
import { lineInkWidth, setText } from '../../src/layout/TypesetContext.js';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import type { ResolvedStyle } from '../../src/model/template.js';
import { spanWidth } from '../../src/model/template.js';
import { fakeContext } from '../support/fakeContext.js';

const t = loadTemplate('broadsheet');
const ctx = fakeContext();
const WORDS = ['a', 'of', 'the', 'vote', 'budget', 'council', 'minister', 'extraordinary', 'Phnom', 'Penh'];

/** The search without its shortcuts: every size broken and checked, largest first. */
function everySize(text: string, style: ResolvedStyle, width: number, maxLines: number, min: number) {
  const reach = width - t.columnWidth * 0.65;
  for (let size = style.size; size >= min - 1e-6; size -= 0.5) {
    const s = sized(style, size);
    const lines = setText(ctx, text, s, width, 'en-US');
    if (lines.length > maxLines || lines.some((l) => l.overfull)) continue;
    if (lines.every((l) => lineInkWidth(l) >= reach)) return { size, lines: lines.length };
  }
  return undefined;
}

describe('fitToFill', () => {
  it('finds the size a size-by-size search finds, though it breaks the text at far fewer sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 20, max: 64 }),
        fc.boolean(),
        (words, columns, maxLines, size, protrusion) => {
          const text = words.join(' ');
          const style = { ...t.styles.headline, size, protrusion };
          const width = spanWidth(t, columns);
          const min = size * 0.6;
          const found = fitToFill(
            ctx,
            text,
            style,
            width,
            t.columnWidth,
            { min, max: size, maxLines },
            'en-US',
            sized,
          );
          const expected = everySize(text, style, width, maxLines, min);
          expect(found && { size: found.style.size, lines: found.lines.length }).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives up on a text no size can square off (a short last line at every size)', () => {
    const style = { ...t.styles.headline, size: 40 };
    const width = spanWidth(t, 3);
    const text = 'Minister resigns after the extraordinary budget vote of the council ok';
    expect(
      fitToFill(ctx, text, style, width, t.columnWidth, { min: 39, max: 40, maxLines: 1 }, 'en-US', sized),
    ).toBe(undefined);
  });
});
