/**
 * Properties of the whole text engine (prepare + break + justify), on random paragraphs with the
 * fake shaper: text preserved, widths respected, legal breaks, determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyEngines, totalFitEngines } from '../../src/text/engines.js';
import { asPreparedText } from '../../src/text/nodes.js';
import type { Engines, SetLine, TextStyle } from '../../src/text/types.js';
import { fake, input, lineEnd } from './helpers.js';

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,12}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'typesetting',
      'newspaper',
      'hyphenation',
      'well-known',
      'co\u00ADop',
      'e.g.,',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('https://example.com/a/b', 'editor@galley.news', 'Mr.', '5', 'km'),
  },
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
const styleOverrides = fc.record({
  hyphenate: fc.boolean(),
  align: fc.constantFrom<TextStyle['align']>('justify', 'justify', 'left', 'center', 'right'),
  expansion: fc.constantFrom(0, 0.02),
  letterSpace: fc.constantFrom(0, 0.01),
  protrusion: fc.boolean(),
});
const widths = fc.array(fc.integer({ min: 30, max: 200 }), { minLength: 1, maxLength: 6 });

const slotsOf = (ws: number[]) => ({ width: (i: number) => ws[Math.min(i, ws.length - 1)]! });

/** Text of a line's runs with hyphens inserted by the breaker removed, words run together. */
function glyphText(line: SetLine): string {
  const s = line.runs.map((r) => r.text).join('');
  return line.hyphenated ? s.slice(0, -1) : s;
}

const normalise = (s: string) => s.replace(/\u00AD/g, '').replace(/\s+/g, '');

describe.each([
  ['total-fit', totalFitEngines],
  ['greedy', greedyEngines],
] as [string, Engines][])('%s engine properties', (_name, engines) => {
  it('keeps the text: joined lines equal the input (minus inserted hyphens, spaces aside)', () => {
    fc.assert(
      fc.property(paragraph, styleOverrides, widths, (text, style, ws) => {
        const p = engines.prepare(input(text, style), fake);
        const lines = engines.setLines(p, slotsOf(ws));
        expect(lines.map(glyphText).join('')).toBe(normalise(text).replace(/"/g, ''));
        expect(lines.flatMap((l) => l.words)).toEqual(asPreparedText(p).words);
      }),
      { numRuns: 150 },
    );
  });

  it('never sets a line wider than its measure unless it is reported overfull', () => {
    fc.assert(
      fc.property(paragraph, styleOverrides, widths, (text, style, ws) => {
        const p = engines.prepare(input(text, style), fake);
        const lines = engines.setLines(p, slotsOf(ws));
        lines.forEach((line, i) => {
          const w = slotsOf(ws).width(i);
          expect(line.width).toBe(w);
          // Protrusion may hang up to 70 % of a 5 pt glyph into the margin.
          if (!line.overfull) expect(lineEnd(line)).toBeLessThanOrEqual(w + 3.5 + 1e-6);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('breaks only at legal points: spaces, hyphenation points, hyphens, URL separators', () => {
    fc.assert(
      fc.property(paragraph, widths, (text, ws) => {
        const p = engines.prepare(input(text, { hyphenate: true }), fake);
        const lines = engines.setLines(p, slotsOf(ws));
        for (const line of lines) {
          if (line.last || line.warnings) continue;
          const end = glyphText(line);
          const words = line.words;
          const lastWord = words[words.length - 1];
          // Either the line ends at the end of a word, or inside a word at a legal point.
          const endsWord = asPreparedText(p).words.some((w) => end.endsWith(w)) && !line.hyphenated;
          if (!endsWord && lastWord !== undefined) {
            const ok = line.hyphenated || /[-/.@\u2013\u2014_?&=#~:]$/.test(end) || /\u00AD/.test(text);
            expect(ok).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(paragraph, styleOverrides, widths, (text, style, ws) => {
        const a = engines.setLines(engines.prepare(input(text, style), fake), slotsOf(ws));
        const b = engines.setLines(engines.prepare(input(text, style), fake), slotsOf(ws));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 60 },
    );
  });
});
