/** Small photo fixtures made with sharp at test time (nothing binary is committed). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

export const PHOTOS = new URL('../../samples/corpus/images', import.meta.url).pathname;

export interface Fixtures {
  dir: string;
  /** 200x100 stored, EXIF orientation 6: shows as 100x200, red on top, blue below. */
  rotated: string;
  cmyk: string;
  gray: string;
  /** 100x100 RGBA: left half transparent, right half opaque black. */
  alphaPng: string;
  png16: string;
  /** 60x40 RGB. */
  tiny: string;
  textAsJpg: string;
  truncated: string;
  missing: string;
}

export async function makeFixtures(): Promise<Fixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'galley-img-'));
  const f = (name: string) => join(dir, name);
  const halves = Buffer.alloc(200 * 100 * 3);
  for (let y = 0; y < 100; y++) {
    for (let x = 0; x < 200; x++) {
      const i = (y * 200 + x) * 3;
      if (x < 100) halves[i] = 255;
      else halves[i + 2] = 255;
    }
  }
  await sharp(halves, { raw: { width: 200, height: 100, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 95 })
    .toFile(f('rotated.jpg'));
  await sharp(join(PHOTOS, 'kodak-hats-3072.jpg'))
    .resize(600, 400)
    .toColourspace('cmyk')
    .jpeg()
    .toFile(f('cmyk.jpg'));
  await sharp(join(PHOTOS, 'rocket-dscovr.jpg'))
    .resize(300)
    .toColourspace('b-w')
    .jpeg()
    .toFile(f('gray.jpg'));
  const rgba = Buffer.alloc(100 * 100 * 4);
  for (let y = 0; y < 100; y++) for (let x = 50; x < 100; x++) rgba[(y * 100 + x) * 4 + 3] = 255;
  await sharp(rgba, { raw: { width: 100, height: 100, channels: 4 } })
    .png()
    .toFile(f('alpha.png'));
  await sharp(join(PHOTOS, 'coffee.png')).resize(200).toColourspace('rgb16').png().toFile(f('deep16.png'));
  await sharp(join(PHOTOS, 'rocket-dscovr.jpg')).resize(60, 40).jpeg().toFile(f('tiny.jpg'));
  writeFileSync(f('notes.jpg'), 'this is a text file, not a photo\n');
  const full = await sharp(join(PHOTOS, 'rocket-dscovr.jpg')).jpeg({ quality: 90 }).toBuffer();
  writeFileSync(f('truncated.jpg'), full.subarray(0, Math.floor(full.length / 3)));
  return {
    dir,
    rotated: f('rotated.jpg'),
    cmyk: f('cmyk.jpg'),
    gray: f('gray.jpg'),
    alphaPng: f('alpha.png'),
    png16: f('deep16.png'),
    tiny: f('tiny.jpg'),
    textAsJpg: f('notes.jpg'),
    truncated: f('truncated.jpg'),
    missing: f('no-such-photo.jpg'),
  };
}

/** Mean of each channel (0..1) of an image, or of a region of it. */
export async function channelMeans(
  jpeg: Buffer,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number[]> {
  // CMYK stays CMYK (ink amounts, 0 = paper); sharp would otherwise convert it to sRGB on reading.
  const cmyk = (await sharp(jpeg).metadata()).space === 'cmyk';
  let img = cmyk ? sharp(jpeg).pipelineColourspace('cmyk').toColourspace('cmyk') : sharp(jpeg);
  if (region) img = img.extract(region);
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  const sums = new Array<number>(info.channels).fill(0);
  for (let i = 0; i < data.length; i++) sums[i % info.channels]! += data[i]!;
  return sums.map((s) => s / (data.length / info.channels) / 255);
}
