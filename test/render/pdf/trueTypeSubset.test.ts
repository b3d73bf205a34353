/**
 * galley's TrueType subsets are fontkit's, byte for byte: the PDF's embedded fonts (and so every
 * page's bytes) do not depend on which of the two wrote them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { type FontSubset, fastSubsetFor } from '../../../src/render/pdf/trueTypeSubset.js';

const shipped = readdirSync('fonts', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ttf'))
  .map((f) => join('fonts', f))
  .sort();
// Debian's Noto (installed by .ci/run): larger faces, other table sets (cvt, fpgm, composites).
const noto = [
  '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
];

const open = (path: string) => fontkit.openSync(path) as fontkit.Font;

function fontkitBytes(path: string, glyphs: readonly number[]): Buffer {
  const subset = open(path).createSubset() as unknown as FontSubset;
  for (const g of glyphs) subset.includeGlyph(g);
  return Buffer.from(subset.encode());
}

function galleyBytes(font: fontkit.Font, path: string, glyphs: readonly number[]): Buffer {
  const make = fastSubsetFor(font, readFileSync(path));
  if (!make) throw new Error(`${path}: no fast subset`);
  const subset = make();
  for (const g of glyphs) subset.includeGlyph(g);
  return Buffer.from(subset.encode());
}

/** Glyph ids whose outline is a composite (accented letters, mostly). */
function composites(font: fontkit.Font, limit: number): number[] {
  const found: number[] = [];
  for (let id = 1; id < font.numGlyphs && found.length < limit; id++) {
    const glyph = font.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null };
    if ((glyph._decode()?.numberOfContours ?? 0) < 0) found.push(id);
  }
  return found;
}

describe('TrueType subsets', () => {
  test.each([...shipped, ...noto.filter((p) => existsSync(p))])(
    '%s: the same bytes as fontkit for any glyph set',
    (path) => {
      const font = open(path);
      const some = composites(font, 12);
      const glyph = fc.integer({ min: 0, max: font.numGlyphs - 1 });
      fc.assert(
        fc.property(
          fc.array(fc.oneof(glyph, fc.constantFrom(...(some.length ? some : [0]))), { maxLength: 80 }),
          (glyphs) => {
            expect(galleyBytes(font, path, glyphs).equals(fontkitBytes(path, glyphs))).toBe(true);
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  test('a composite brings its components in, after the glyphs asked for, as fontkit numbers them', () => {
    const path = shipped.find((p) => p.includes('SourceSerif4_400Regular'))!;
    const font = open(path);
    const [composite] = composites(font, 1);
    expect(composite).toBeDefined();
    const subset = fastSubsetFor(font, readFileSync(path))!();
    expect(subset.includeGlyph(composite!)).toBe(1);
    const bytes = Buffer.from(subset.encode());
    const reference = open(path).createSubset() as unknown as FontSubset & { glyphs: number[] };
    reference.includeGlyph(composite!);
    expect(bytes.equals(Buffer.from(reference.encode()))).toBe(true);
    expect(reference.glyphs.length).toBeGreaterThan(2); // the components were added
  });

  test('the same face gives the same bytes on a later page (glyphs kept across subsets)', () => {
    const path = shipped[0]!;
    const font = open(path);
    const glyphs = [5, 40, 41, 300, 5];
    const first = galleyBytes(font, path, glyphs);
    galleyBytes(font, path, [7, 8, 9]);
    expect(galleyBytes(font, path, glyphs).equals(first)).toBe(true);
  });

  test('a CFF (OpenType PostScript) face is left to fontkit', () => {
    const cff = '/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf';
    expect(existsSync(cff)).toBe(true); // installed by .ci/run (fonts-urw-base35)
    expect(fastSubsetFor(open(cff), readFileSync(cff))).toBeUndefined();
  });
});
