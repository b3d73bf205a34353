/**
 * Shapes a text once and cuts the glyphs at given character offsets (break points), so kerning
 * and ligatures survive inside the pieces. When a cut falls inside a glyph (a ligature such as
 * "ff" across "dif-fer"), the text is shaped in two parts at that cut instead: the ligature is lost
 * there, the break is kept.
 */
import type { FeatureSet, FontKey, ShapedGlyph, Shaper } from './types.js';

/** `cuts` ascending, strictly inside (0, text.length); returns cuts.length + 1 glyph slices. */
export function shapeSlices(
  shaper: Shaper,
  text: string,
  font: FontKey,
  features: FeatureSet | undefined,
  cuts: readonly number[],
): (readonly ShapedGlyph[])[] {
  const glyphs = shaper.shape(text, font, features);
  if (cuts.length === 0) return [glyphs];
  /** Shapes the text on either side of cut c apart (the cut falls inside a glyph). */
  const apart = (c: number) => {
    const cut = cuts[c]!;
    const after = cuts.slice(c + 1).map((x) => x - cut);
    return [
      ...shapeSlices(shaper, text.slice(0, cut), font, features, cuts.slice(0, c)),
      ...shapeSlices(shaper, text.slice(cut), font, features, after),
    ];
  };
  const slices: (readonly ShapedGlyph[])[] = [];
  let at = 0;
  let from = 0;
  let c = 0;
  for (let g = 0; g < glyphs.length && c < cuts.length; g++) {
    at += glyphs[g]!.chars.length;
    const cut = cuts[c]!;
    if (at === cut) {
      slices.push(glyphs.slice(from, g + 1));
      from = g + 1;
      c++;
    } else if (at > cut) {
      // The cut falls inside a glyph (or the glyph text does not map back): shape the halves apart.
      return apart(c);
    }
  }
  if (c < cuts.length) return apart(c);
  slices.push(glyphs.slice(from));
  return slices;
}
