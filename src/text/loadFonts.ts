/**
 * Opens the catalogue's faces with fontkit. The only file of src/text that touches the file system
 * (through the shared font opener and the catalogue loader): call it at the input edge, then hand
 * the fonts to createFontkitShaper.
 */
import type * as fontkit from 'fontkit';
import { loadFontCatalog } from '../model/fontCatalog.js';
import { openFontFile } from '../model/openFontFile.js';
import type { FontSource } from './createFontkitShaper.js';
import type { FontKey } from './types.js';

/** The faces of the given keys (default: every face of the shipped catalogue), opened once. */
export function loadFonts(keys?: readonly FontKey[]): Map<FontKey, fontkit.Font> {
  const { files } = loadFontCatalog();
  const wanted = keys ?? [...files.keys()];
  const fonts = new Map<FontKey, fontkit.Font>();
  for (const key of wanted) {
    const file = files.get(key);
    if (!file) throw new Error(`loadFonts: "${key}" is not in the font catalogue`);
    fonts.set(key, openFontFile(file));
  }
  return fonts;
}

/** Faces opened when first asked for, from a map of files that may grow (templates add theirs). */
export function lazyFonts(files: ReadonlyMap<FontKey, string>): FontSource {
  return {
    get(key) {
      const file = files.get(key);
      return file ? openFontFile(file) : undefined;
    },
  };
}
