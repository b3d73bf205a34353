/**
 * Font files opened with fontkit once per process and shared by everything that reads them (the
 * shaper, the PDF writer's subsets, the preview): a face is parsed once however many pages use it.
 */
import * as fontkit from 'fontkit';

const opened = new Map<string, fontkit.Font>();

/**
 * fontkit keeps one Glyph object per glyph id, with the characters of whoever asked first. The
 * PDF writer's subsetting asks for glyphs by id alone (no characters), and a word shaped after
 * that got glyphs that stand for no text: a lost "r" in the PDF's ToUnicode map, depending on the
 * order pages were set in. Here a glyph asked for with characters always carries those
 * characters (a view of the cached glyph when they differ), so shaping is the same in any order.
 */
function withExactGlyphCharacters(font: fontkit.Font): fontkit.Font {
  const cached = font.getGlyph.bind(font);
  const getGlyph = (id: number, characters: number[] = []): fontkit.Glyph => {
    const glyph = cached(id, characters);
    if (characters.length === 0 || sameCodePoints(glyph.codePoints, characters)) return glyph;
    return Object.create(glyph, { codePoints: { value: characters } }) as fontkit.Glyph;
  };
  Object.defineProperty(font, 'getGlyph', { value: getGlyph });
  return font;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The face in `file`; throws a plain Error for a collection or an unreadable file (callers explain). */
export function openFontFile(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    const f = fontkit.openSync(file);
    if (!('layout' in f)) throw new Error(`${file} is a font collection, not a face`);
    font = withExactGlyphCharacters(f);
    opened.set(file, font);
  }
  return font;
}
