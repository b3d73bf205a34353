/**
 * Font files opened with fontkit once per process and shared by everything that reads them (the
 * shaper, the PDF writer's subsets, the preview): a face is parsed once however many pages use it.
 */
import * as fontkit from 'fontkit';

const opened = new Map<string, fontkit.Font>();

/** The face in `file`; throws a plain Error for a collection or an unreadable file (callers explain). */
export function openFontFile(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    const f = fontkit.openSync(file);
    if (!('layout' in f)) throw new Error(`${file} is a font collection, not a face`);
    font = f;
    opened.set(file, font);
  }
  return font;
}
