import { describe, expect, it } from 'vitest';
import { breakGreedy } from '../../src/text/breakGreedy.js';
import { breakLines, type LineModel } from '../../src/text/breakLines.js';
import { resolveBreakParams } from '../../src/text/breakParams.js';
import { toBreakMaterial } from '../../src/text/toBreakMaterial.js';
import type { BreakParams } from '../../src/text/types.js';
import { prep } from './helpers.js';

const uniform = (width: number): LineModel => ({ width: () => width, bottom: () => false, uniformFrom: 0 });

/** The lines chosen by a breaker, as words joined by spaces (hyphen kept when inserted). */
function lines(
  text: string,
  model: LineModel,
  params: Partial<BreakParams> = {},
  style = {},
  breaker = breakLines,
): string[] {
  const p = prep(text, style);
  const full = resolveBreakParams(params);
  const m = toBreakMaterial(p, Math.min(model.width(0), model.width(1), model.width(2)));
  const breaks = breaker(m, model, full);
  const out: string[] = [];
  let from = 0;
  for (const b of breaks) {
    let s = '';
    for (let j = from; j <= b; j++) {
      const n = m.nodes[j]!;
      if (n.type === 'box') s += n.text;
      else if (n.type === 'glue' && j < b) s += ' ';
      else if (n.type === 'penalty' && j === b && n.hyphen) s += '-';
    }
    out.push(s.trim());
    from = b + 1;
  }
  return out;
}

describe('breakLines (total-fit) on known material', () => {
  // Every character is 5 pt; a space is 3 pt (2..5 pt).
  it('fills lines exactly when the words allow it', () => {
    // "aaa bbb" = 15 + 3 + 15 = 33 pt: a perfect line at 33 pt.
    expect(lines('aaa bbb ccc ddd', uniform(33))).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('balances a paragraph instead of filling the first line greedily', () => {
    // Width 48. Greedy fills line 1 at full shrink (r = -1) and leaves "fff gggg" at r = 5;
    // total-fit moves "e" down: "aaa b cc d" = 35 + 9 = 44 pt (r = 4/6), "e fff gggg" = 45 pt (r = 3/6).
    const text = 'aaa b cc d e fff gggg hhh';
    expect(lines(text, uniform(48))).toEqual(['aaa b cc d', 'e fff gggg', 'hhh']);
    expect(lines(text, uniform(48), {}, {}, breakGreedy)).toEqual(['aaa b cc d e', 'fff gggg', 'hhh']);
  });

  it('follows line widths that vary line by line', () => {
    const model: LineModel = {
      width: (i) => (i === 0 ? 33 : 53),
      bottom: () => false,
      uniformFrom: 1,
    };
    // line 0 at 33 pt: "aaa bbb"; line 1 at 53 pt: "ccc ddd eee" = 45 + 6 = 51 (+2 stretch).
    expect(lines('aaa bbb ccc ddd eee', model)).toEqual(['aaa bbb', 'ccc ddd eee']);
  });

  it('sets the last line ragged (parfillskip): a short last line costs nothing', () => {
    expect(lines('aaa bbb c', uniform(33))).toEqual(['aaa bbb', 'c']);
  });

  it('gives no lines for empty material', () => {
    const p = prep('   ');
    const full = resolveBreakParams();
    expect(breakLines(toBreakMaterial(p, 100), uniform(100), full)).toEqual([]);
  });

  it('hyphenates only when the first pass (pretolerance, no hyphens) fails', () => {
    const style = { hyphenate: true };
    // Fits without hyphens: no hyphen.
    expect(lines('aaa bbb ccc ddd', uniform(33), {}, style)).toEqual(['aaa bbb', 'ccc ddd']);
    // "aaa bbb type-" = 15 + 3 + 15 + 3 + 20 + 5 = 61 pt exactly; without the hyphen nothing fits.
    expect(lines('aaa bbb typesetting ccc', uniform(61), {}, style)).toEqual([
      'aaa bbb type-',
      'setting ccc',
    ]);
  });

  it('never sets more than maxConsecutiveHyphens hyphenated lines in a row where the lines can do without', () => {
    const text = 'hyphenation typesetting newspapers hyphenation typesetting newspapers hyphenation';
    for (const max of [1, 2]) {
      const out = lines(
        text,
        uniform(60),
        { maxConsecutiveHyphens: max, pretolerance: -1 },
        { hyphenate: true },
      );
      let run = 0;
      let longest = 0;
      for (const l of out) {
        run = l.endsWith('-') ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      expect(longest).toBeLessThanOrEqual(max);
    }
  });

  it('hyphenates a word longer than several lines on every line rather than run over the measure', () => {
    const text = `so ${'abcdefghij'.repeat(30)} end`;
    const set = lines(text, uniform(42), { maxConsecutiveHyphens: 2 }, { hyphenate: true });
    expect(set.length).toBeGreaterThan(4);
    expect(set.join('').replace(/-/g, '')).toContain('abcdefghij'.repeat(30));
    // Each line holds within its measure: at most the 42 pt the fake font's 0.5 em glyphs allow.
    const glyphWidth = 0.5 * (prep('a', { hyphenate: true }).input.style.size ?? 10);
    for (const l of set) expect(l.length * glyphWidth * 0.95).toBeLessThanOrEqual(42 + glyphWidth);
  });

  it('charges finalHyphenDemerits for a hyphen at the foot of a column', () => {
    // Spaces of 3 pt that stretch to 15 pt: line 1 may end "ccc type-" (r = 0) or "ccc" (r ≈ 1.17).
    const style = { hyphenate: true, wordSpace: { min: 0.2, ideal: 0.3, max: 1.5 } };
    const text = 'aaa bbb ccc typesetting ddd';
    const params = { pretolerance: -1 };
    expect(lines(text, uniform(79), params, style)).toEqual(['aaa bbb ccc type-', 'setting ddd']);
    const foot: LineModel = { width: () => 79, bottom: (i) => i === 0, uniformFrom: 1 };
    expect(lines(text, foot, { ...params, finalHyphenDemerits: 100_000 }, style)).toEqual([
      'aaa bbb ccc',
      'typesetting ddd',
    ]);
  });

  it('splits a word wider than the measure at a character, in the last pass only', () => {
    const out = lines('a abcdefghij b', uniform(22));
    expect(out.join('').replace(/ /g, '')).toBe('aabcdefghijb');
    // Each line fits: at most 4 characters and a space (4 × 5 + 2 ≤ 22).
    for (const l of out) expect(l.replace(/ /g, '').length * 5).toBeLessThanOrEqual(22);
  });

  it('reports a line that fits nowhere (a single glyph wider than the measure) instead of dropping it', () => {
    const out = lines('W', uniform(3));
    expect(out).toEqual(['W']);
  });

  it('does work per word that does not grow with the paragraph (line counts kept apart are capped)', () => {
    // Every line is told apart from the others (a column foot every 12 lines, nowhere uniform), and
    // words of varied length give every position many reachable line counts. The breaker creates
    // one node per candidate it keeps, asking the model for that line's width: count the asks.
    const nodesPerWord = (words: number) => {
      let asks = 0;
      const model: LineModel = {
        width: () => {
          asks++;
          return 120;
        },
        bottom: (i) => i % 12 === 11,
        uniformFrom: Number.MAX_SAFE_INTEGER,
      };
      const text = Array.from({ length: words }, (_, i) => 'abcdefgh'.slice(0, 1 + ((i * 7) % 8))).join(' ');
      const m = toBreakMaterial(prep(text), 120);
      const breaks = breakLines(m, model, resolveBreakParams({ tolerance: 10_000, pretolerance: -1 }));
      expect(breaks[breaks.length - 1]).toBe(m.n - 1);
      return asks / words;
    };
    const short = nodesPerWord(400);
    const long = nodesPerWord(3200);
    expect(long).toBeLessThan(short * 1.5);
  });
});

describe('breakGreedy', () => {
  it('takes as much as fits on each line, at full shrink if need be', () => {
    // "aa bb" = 23 pt, 22 pt at full shrink.
    expect(lines('aa bb cc dd ee', uniform(22), {}, {}, breakGreedy)).toEqual(['aa bb', 'cc dd', 'ee']);
    expect(lines('aa bb cc dd ee', uniform(21), {}, {}, breakGreedy)).toEqual(['aa', 'bb', 'cc', 'dd', 'ee']);
    expect(lines('aaa b cc d e fff gggg hhh', uniform(48), {}, {}, breakGreedy)[0]).toBe('aaa b cc d e');
  });
});
