/**
 * Opens the catalogue's faces with fontkit. The only file of src/text that touches the file system
 * (through fontkit.openSync and the catalogue loader): call it at the input edge, then hand the
 * fonts to createFontkitShaper.
 */
import * as fontkit from 'fontkit';
import { loadFontCatalog } from '../model/fontCatalog.js';
import type { FontKey } from './types.js';

/** The faces of the given keys (default: every face of the catalogue), opened once. */
export function loadFonts(keys?: readonly FontKey[]): Map<FontKey, fontkit.Font> {
  const { files } = loadFontCatalog();
  const wanted = keys ?? [...files.keys()];
  const fonts = new Map<FontKey, fontkit.Font>();
  for (const key of wanted) {
    const file = files.get(key);
    if (!file) throw new Error(`loadFonts: "${key}" is not in the font catalogue`);
    const opened = fontkit.openSync(file);
    if (!('layout' in opened)) throw new Error(`loadFonts: "${file}" is a font collection, not a face`);
    fonts.set(key, opened);
  }
  return fonts;
}
