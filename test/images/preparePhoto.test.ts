import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { ImageError } from '../../src/images/imageError.js';
import { createPhotoCache } from '../../src/images/photoCache.js';
import { outputSize, preparePhoto } from '../../src/images/preparePhoto.js';
import { channelMeans, type Fixtures, makeFixtures, PHOTOS } from './fixtures.js';

let fx: Fixtures;
beforeAll(async () => {
  fx = await makeFixtures();
});

const jpegInfo = (jpeg: Buffer) => sharp(jpeg).metadata();

describe('preparePhoto: press-ready JPEGs at the placed size', () => {
  test('an RGB photo becomes a CMYK JPEG at 200 ppi of the frame, without an embedded profile', async () => {
    const p = await preparePhoto({
      source: `${PHOTOS}/kodak-hats-3072.jpg`,
      crop: { x: 0, y: 0, width: 3072, height: 2048 },
      frameWidthPt: 216,
      frameHeightPt: 144,
    });
    expect(p).toMatchObject({ widthPx: 600, heightPx: 400, effectivePpi: 200, warnings: [] });
    const meta = await jpegInfo(p.jpeg);
    expect(meta).toMatchObject({ format: 'jpeg', space: 'cmyk', channels: 4, width: 600, height: 400 });
    expect(meta.hasProfile).toBe(false);
  });

  test('the press profile keeps total ink within the newsprint limit (black photo areas included)', async () => {
    const black = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000000' } })
      .png()
      .toBuffer();
    const dir = mkdtempSync(join(tmpdir(), 'galley-black-'));
    const file = join(dir, 'black.png');
    await sharp(black).toFile(file);
    const p = await preparePhoto({ source: file, frameWidthPt: 18, frameHeightPt: 18 });
    const [c, m, y, k] = await channelMeans(p.jpeg);
    expect((c! + m! + y! + k!) * 100).toBeLessThanOrEqual(240);
    expect(k).toBeGreaterThan(0.7);
  });

  test('EXIF orientation is applied before the crop: red on top, blue below in the upright photo', async () => {
    const half = (y: number) =>
      preparePhoto({
        source: fx.rotated,
        crop: { x: 0, y, width: 100, height: 100 },
        frameWidthPt: 36,
        frameHeightPt: 36,
      });
    const [c1, m1, y1] = await channelMeans((await half(0)).jpeg);
    expect([m1! > 0.6, y1! > 0.6, c1! < 0.2]).toEqual([true, true, true]);
    // The stored file is 200x100: this crop exists only in the upright (100x200) photo.
    const [c2, , y2] = await channelMeans((await half(100)).jpeg);
    expect([c2! > 0.6, y2! < 0.2]).toEqual([true, true]);
  });

  test('never upsampled: a small photo keeps its pixels and warns about its resolution', async () => {
    const p = await preparePhoto({
      source: fx.tiny,
      crop: { x: 0, y: 0, width: 60, height: 40 },
      frameWidthPt: 144,
      frameHeightPt: 96,
    });
    expect(p).toMatchObject({ widthPx: 60, heightPx: 40, effectivePpi: 30 });
    expect(p.warnings[0]).toMatch(/30 ppi at the placed size \(below 150/);
  });

  test('CMYK and grayscale sources convert through the press profile', async () => {
    for (const source of [fx.cmyk, fx.gray]) {
      const p = await preparePhoto({ source, frameWidthPt: 72, frameHeightPt: 48 });
      expect(await jpegInfo(p.jpeg)).toMatchObject({ space: 'cmyk', channels: 4 });
    }
  });

  test("colour 'gray' writes a one-channel JPEG", async () => {
    const p = await preparePhoto({
      source: `${PHOTOS}/rocket-dscovr.jpg`,
      frameWidthPt: 72,
      frameHeightPt: 48,
      colour: 'gray',
    });
    expect(await jpegInfo(p.jpeg)).toMatchObject({ space: 'b-w', channels: 1 });
  });

  test('transparency is flattened onto white paper, not black', async () => {
    const p = await preparePhoto({ source: fx.alphaPng, frameWidthPt: 36, frameHeightPt: 36 });
    const left = await channelMeans(p.jpeg, { left: 5, top: 5, width: 30, height: 80 });
    const right = await channelMeans(p.jpeg, { left: 65, top: 5, width: 30, height: 80 });
    expect(Math.max(...left)).toBeLessThan(0.05);
    expect(right[3]).toBeGreaterThan(0.7);
  });

  test('a 16-bit PNG becomes an 8-bit CMYK JPEG', async () => {
    const p = await preparePhoto({ source: fx.png16, frameWidthPt: 36, frameHeightPt: 24 });
    expect(await jpegInfo(p.jpeg)).toMatchObject({ space: 'cmyk', channels: 4, depth: 'uchar' });
  });

  test('without a crop, the frame ratio is cut from the centre', async () => {
    const p = await preparePhoto({
      source: `${PHOTOS}/rocket-dscovr.jpg`,
      frameWidthPt: 72,
      frameHeightPt: 72,
      ppi: 100,
    });
    expect(p).toMatchObject({ widthPx: 100, heightPx: 100 });
  });

  test('outputSize keeps the frame ratio when capped by the crop', () => {
    expect(outputSize({ x: 0, y: 0, width: 640, height: 427 }, 408, 272, 200)).toEqual({
      widthPx: 640,
      heightPx: 427,
    });
    expect(outputSize({ x: 0, y: 0, width: 3000, height: 2000 }, 72, 48, 200)).toEqual({
      widthPx: 200,
      heightPx: 133,
    });
  });
});

describe('preparePhoto: bad input is refused with a clear message', () => {
  const failure = async (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected failure');
      },
      (e: unknown) => e as ImageError,
    );

  test('a corrupt (truncated) JPEG', async () => {
    const e = await failure(preparePhoto({ source: fx.truncated, frameWidthPt: 72, frameHeightPt: 48 }));
    expect(e).toBeInstanceOf(ImageError);
    expect(e.code).toBe('corrupt');
  });

  test('a text file named .jpg and a missing file', async () => {
    expect(
      (await failure(preparePhoto({ source: fx.textAsJpg, frameWidthPt: 72, frameHeightPt: 48 }))).code,
    ).toBe('not-an-image');
    expect(
      (await failure(preparePhoto({ source: fx.missing, frameWidthPt: 72, frameHeightPt: 48 }))).code,
    ).toBe('missing');
  });

  test('a crop outside the photo', async () => {
    const e = await failure(
      preparePhoto({
        source: fx.tiny,
        crop: { x: 30, y: 0, width: 60, height: 40 },
        frameWidthPt: 72,
        frameHeightPt: 48,
      }),
    );
    expect(e.code).toBe('bad-crop');
    expect(e.message).toContain('outside the 60x40 px photo');
  });

  test('a missing press profile', async () => {
    const e = await failure(
      preparePhoto({
        source: fx.tiny,
        frameWidthPt: 72,
        frameHeightPt: 48,
        profilePath: join(fx.dir, 'none.icc'),
      }),
    );
    expect(e.code).toBe('colour');
  });
});

describe('the photo cache: content-addressed, in memory and on disk', () => {
  test('a photo used twice is processed once', async () => {
    const cache = createPhotoCache();
    const options = {
      source: `${PHOTOS}/hubble-deep-field.jpg`,
      frameWidthPt: 144,
      frameHeightPt: 125,
      cache,
    };
    const [a, b] = await Promise.all([preparePhoto(options), preparePhoto(options)]);
    const c = await preparePhoto(options);
    expect(cache.stats).toEqual({ hits: 2, misses: 1, diskHits: 0 });
    expect(c.cached).toBe(true);
    expect(a.jpeg.equals(b.jpeg) && a.jpeg.equals(c.jpeg)).toBe(true);
    expect(a.key).toBe(c.key);
  });

  test('a different size or quality is a different entry', async () => {
    const cache = createPhotoCache();
    const base = { source: fx.tiny, frameWidthPt: 10, frameHeightPt: 10, cache };
    const a = await preparePhoto(base);
    const b = await preparePhoto({ ...base, quality: 60 });
    expect(a.key).not.toBe(b.key);
    expect(cache.stats.misses).toBe(2);
  });

  test('the disk cache warms the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-cache-'));
    const options = { source: `${PHOTOS}/rocket-dscovr.jpg`, frameWidthPt: 100, frameHeightPt: 66 };
    const first = await preparePhoto({ ...options, cache: createPhotoCache({ dir }) });
    const files = readdirSync(dir).sort();
    expect(files.filter((n) => !n.endsWith('.probe.json'))).toEqual([
      `${first.key}.jpg`,
      `${first.key}.json`,
    ]);
    expect(files.filter((n) => n.endsWith('.probe.json'))).toHaveLength(1); // the source's header
    const nextRun = createPhotoCache({ dir });
    const second = await preparePhoto({ ...options, cache: nextRun });
    expect(nextRun.stats).toEqual({ hits: 0, misses: 0, diskHits: 1 });
    expect(second.cached).toBe(true);
    expect(second.jpeg.equals(first.jpeg)).toBe(true);
    expect(second.widthPx).toBe(first.widthPx);
  });
});
