/**
 * Picture comparison for the preview tests: two PNGs of the same size reduced to luma, blurred by
 * 1 px (a 3 x 3 box) so that anti-aliasing and sub-pixel glyph placement do not count, then
 * compared pixel by pixel and tile by tile.
 *
 * Luma, not RGB: the PDF holds CMYK (text 100 K, photos converted through the press profile) and
 * poppler turns CMYK into RGB its own way, while the preview uses r = (1 - c)(1 - k). The two
 * agree on where the ink is and roughly how dark it is, not on its hue; a layout test cares
 * about the first.
 */
import sharp from 'sharp';

export interface PictureDiff {
  width: number;
  height: number;
  /** Mean absolute luma difference, 0-255. */
  mean: number;
  /** Share of pixels whose luma differs by more than `level` (0-1). */
  share: number;
  /** The worst TILE x TILE tile's mean difference (a local break: one shifted column or photo). */
  worstTile: number;
  /** Where that tile is, in pixels (its top-left). */
  worstAt: { x: number; y: number };
}

/** Tile side in compared (block) pixels: 12 blocks of 4 px at 100 dpi is about 35 pt, a third of a column. */
export const TILE = 12;

/** Luma (Rec. 601) of a PNG, averaged over `block` x `block` pixel blocks, then blurred by 1 px. */
export async function lumaOf(
  png: Buffer,
  block = 1,
): Promise<{ width: number; height: number; luma: Float32Array }> {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const width = Math.floor(info.width / block);
  const height = Math.floor(info.height / block);
  const luma = new Float32Array(width * height);
  const c = info.channels;
  for (let y = 0; y < height * block; y++)
    for (let x = 0; x < width * block; x++) {
      const j = (y * info.width + x) * c;
      luma[Math.floor(y / block) * width + Math.floor(x / block)]! +=
        0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!;
    }
  for (let i = 0; i < luma.length; i++) luma[i]! /= block * block;
  return { width, height, luma: blur(luma, width, height) };
}

/** 3 x 3 box blur, edges clamped. */
function blur(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(h - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) sum += src[yy * w + Math.min(w - 1, Math.max(0, x + dx))]!;
      }
      out[y * w + x] = sum / 9;
    }
  return out;
}

/**
 * Compares `a` with `b`. `b`'s tones are first mapped onto `a`'s by the least-squares line
 * a ~ gain * b + offset over the whole picture: poppler paints 100 K as dark grey (luma ~25), the
 * preview as black, and photos go through different CMYK conversions. One global line per
 * picture can absorb a tone curve but cannot move ink from one place to another.
 */
export async function comparePictures(
  a: Buffer,
  b: Buffer,
  { level = 48, block = 1 }: { level?: number; block?: number } = {},
): Promise<PictureDiff & { gain: number; offset: number }> {
  const [la, lb] = await Promise.all([lumaOf(a, block), lumaOf(b, block)]);
  if (la.width !== lb.width || la.height !== lb.height)
    throw new Error(`sizes differ: ${la.width}x${la.height} vs ${lb.width}x${lb.height}`);
  const { width, height } = la;
  const { gain, offset } = fitTone(lb.luma, la.luma);
  for (let i = 0; i < lb.luma.length; i++) lb.luma[i] = gain * lb.luma[i]! + offset;
  let sum = 0;
  let over = 0;
  for (let i = 0; i < la.luma.length; i++) {
    const d = Math.abs(la.luma[i]! - lb.luma[i]!);
    sum += d;
    if (d > level) over++;
  }
  // Tile by tile, tones fitted again per tile (each photo has its own CMYK round trip): what is
  // left is structure, ink where the other picture has none or has it elsewhere.
  let worst = 0;
  let worstAt = { x: 0, y: 0 };
  for (let ty = 0; ty < height; ty += TILE)
    for (let tx = 0; tx < width; tx += TILE) {
      const ta: number[] = [];
      const tb: number[] = [];
      for (let y = ty; y < Math.min(height, ty + TILE); y++)
        for (let x = tx; x < Math.min(width, tx + TILE); x++) {
          ta.push(la.luma[y * width + x]!);
          tb.push(lb.luma[y * width + x]!);
        }
      const fit = fitTone(tb, ta);
      let t = 0;
      for (let i = 0; i < ta.length; i++) t += Math.abs(ta[i]! - (fit.gain * tb[i]! + fit.offset));
      if (t / ta.length > worst) {
        worst = t / ta.length;
        worstAt = { x: tx * block, y: ty * block };
      }
    }
  return {
    gain,
    offset,
    width,
    height,
    mean: sum / (width * height),
    share: over / (width * height),
    worstTile: worst,
    worstAt,
  };
}

/** Least-squares gain and offset so that gain * from + offset ~ to. */
function fitTone(from: ArrayLike<number>, to: ArrayLike<number>): { gain: number; offset: number } {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const n = from.length;
  for (let i = 0; i < n; i++) {
    const x = from[i]!;
    const y = to[i]!;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  // A flat tile (paper) fits any gain: keep 1 so that ink on the other side counts in full.
  const gain = den < 1e-6 * n * n ? 1 : (n * sxy - sx * sy) / den;
  return { gain, offset: (sy - gain * sx) / n };
}
