import { describe, expect, it } from 'vitest';
import { bodyTextStyle } from '../../src/text/bodyTextStyle.js';
import { createFontkitShaper } from '../../src/text/createFontkitShaper.js';
import { totalFitEngines } from '../../src/text/engines.js';
import { loadFonts } from '../../src/text/loadFonts.js';

const shaper = createFontkitShaper(
  loadFonts(['Source Serif 4/400', 'Source Serif 4/400i', 'Libre Franklin/400']),
);
const BODY = 'Source Serif 4/400';

describe('createFontkitShaper (fontkit, Source Serif 4)', () => {
  it('shapes in em units with kerning', () => {
    const av = shaper.shape('AV', BODY, { kern: true });
    const a = shaper.shape('A', BODY)[0]!.advance;
    const v = shaper.shape('V', BODY)[0]!.advance;
    expect(av).toHaveLength(2);
    expect(a).toBeGreaterThan(0.3);
    expect(a).toBeLessThan(1);
    expect(av[0]!.advance + av[1]!.advance).toBeLessThan(a + v);
  });

  it('applies standard ligatures unless the features turn them off', () => {
    const liga = shaper.shape('office', BODY, { liga: true });
    expect(liga.map((g) => g.chars)).toEqual(['o', 'ffi', 'c', 'e']);
    const none = shaper.shape('office', BODY, { liga: false });
    expect(none).toHaveLength(6);
  });

  it('caches by face, features and text', () => {
    expect(shaper.shape('newspaper', BODY)).toBe(shaper.shape('newspaper', BODY));
    expect(shaper.shape('newspaper', BODY, { liga: true })).not.toBe(shaper.shape('newspaper', BODY));
  });

  it('answers metrics and character coverage', () => {
    const m = shaper.metrics(BODY);
    expect(m.capHeight).toBeGreaterThan(0.5);
    expect(m.descender).toBeLessThan(0);
    expect(shaper.hasChar(BODY, 'a'.codePointAt(0)!)).toBe(true);
    expect(shaper.hasChar(BODY, 0x1780)).toBe(false);
    expect(() => shaper.shape('x', 'Nope/400')).toThrow(/Nope/);
  });

  it('sets a real paragraph in a broadsheet column without overfull lines', () => {
    const style = bodyTextStyle();
    const p = totalFitEngines.prepare(
      {
        runs: [
          {
            text: 'Ten orbital residents are keeping busy Wednesday with a variety of tasks including eye exams, station maintenance, and training.',
          },
        ],
        style,
        language: 'en-US',
        indentFirstLine: true,
      },
      shaper,
    );
    const lines = totalFitEngines.setLines(p, { width: () => 128 });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.overfull).toBe(false);
      const end = Math.max(...l.runs.map((r) => r.x + r.glyphs.reduce((s, g) => s + g.advance, 0)));
      expect(end).toBeLessThanOrEqual(128 + 3);
    }
  });
});
