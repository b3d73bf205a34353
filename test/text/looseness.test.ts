import { describe, expect, it } from 'vitest';
import { breakLines, type LineModel } from '../../src/text/breakLines.js';
import { resolveBreakParams } from '../../src/text/breakParams.js';
import { toBreakMaterial } from '../../src/text/toBreakMaterial.js';
import { prep } from './helpers.js';

const uniform = (width: number): LineModel => ({ width: () => width, bottom: () => false, uniformFrom: 0 });
const TEXT =
  'The night desk fills every column to its foot without touching the leading or the size of the type, which is what makes a page look made rather than poured into its frames by a machine that does not care.';

function lineCount(looseness: number, width: number, tolerance = 400): number {
  const m = toBreakMaterial(prep(TEXT), width);
  return breakLines(m, uniform(width), resolveBreakParams({ looseness, tolerance })).length;
}

describe("the breaker's looseness (TeX's \\looseness)", () => {
  it('0 sets the optimum, as before', () => {
    const m = toBreakMaterial(prep(TEXT), 200);
    expect(breakLines(m, uniform(200), resolveBreakParams({}))).toEqual(
      breakLines(m, uniform(200), resolveBreakParams({ looseness: 0 })),
    );
  });

  it('+1 sets the paragraph one line longer when the tolerance allows it', () => {
    const optimum = lineCount(0, 200, 10_000);
    expect(lineCount(1, 200, 10_000)).toBe(optimum + 1);
  });

  it('-1 sets it a line shorter only where the spaces can shrink that far (here they cannot)', () => {
    const optimum = lineCount(0, 200, 10_000);
    // Spaces shrink from 3 to 2 pt at most: 5 lines of about 40 characters cannot become 4.
    expect(lineCount(-1, 200, 10_000)).toBe(optimum);
  });

  it('never goes past the tolerance: a paragraph that cannot give a line keeps its optimum', () => {
    // A very low tolerance leaves no breaking with another line count within it.
    const optimum = lineCount(0, 200, 0);
    expect(lineCount(-1, 200, 0)).toBe(optimum);
  });
});
