/**
 * Font files opened with fontkit once per process and shared by everything that reads them (the
 * shaper, the PDF writer's subsets, the preview): a face is parsed once however many pages use it.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

const opened = new Map<string, fontkit.Font>();
const fileBytes = new Map<string, Buffer>();

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
    // Read here rather than by fontkit.openSync (which does the same), so that the PDF writer's
    // subsetter (render/pdf/trueTypeSubset.ts) takes these bytes instead of reading the file again.
    const bytes = readFileSync(file);
    const f = fontkit.create(bytes);
    if (!('layout' in f)) throw new Error(`${file} is a font collection, not a face`);
    font = withExactGlyphCharacters(f);
    opened.set(file, font);
    fileBytes.set(file, bytes);
  }
  return font;
}

/** The bytes of a face `openFontFile` opened (undefined for a file it has not opened). */
export function openedFontBytes(file: string): Uint8Array | undefined {
  return fileBytes.get(file);
}
