import { describe, expect, it } from 'vitest';
import { loadFontCatalog } from '../../src/model/fontCatalog.js';
import { openFontFile } from '../../src/model/openFontFile.js';
import { createFontkitShaper } from '../../src/text/createFontkitShaper.js';
import { lazyFonts } from '../../src/text/loadFonts.js';

describe('openFontFile', () => {
  it('opens a face once per process', () => {
    const [file] = loadFontCatalog().files.values();
    expect(openFontFile(file!)).toBe(openFontFile(file!));
  });

  it('shapes words with the characters of their text even after the PDF writer asked for every glyph by id alone', () => {
    // The PDF writer's subsetting asks fontkit for glyphs without characters; fontkit keeps the
    // first Glyph object per id. Shaped afterwards, a word must still map back to its text.
    const { files } = loadFontCatalog();
    const key = [...files.keys()].find((k) => k.startsWith('Playfair Display'))!;
    const font = openFontFile(files.get(key)!);
    for (let id = 0; id < font.numGlyphs; id++) font.getGlyph(id);
    const shaper = createFontkitShaper(lazyFonts(files));
    const glyphs = shaper.shape('Continued from Zürich', key, { kern: true, liga: true });
    expect(glyphs.map((g) => g.chars).join('')).toBe('Continued from Zürich');
    expect(glyphs.every((g) => g.chars !== '')).toBe(true);
  });
});
