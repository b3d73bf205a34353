import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ImageError } from '../../src/images/imageError.js';
import { createPhotoCache } from '../../src/images/photoCache.js';
import { type ImageProbe, probeImage } from '../../src/images/probeImage.js';
import { type Fixtures, makeFixtures, PHOTOS } from './fixtures.js';

let fx: Fixtures;
beforeAll(async () => {
  fx = await makeFixtures();
});

describe('probeImage: size after EXIF orientation, colour and format from the header', () => {
  test('an RGB JPEG', async () => {
    const p = await probeImage(`${PHOTOS}/rocket-dscovr.jpg`);
    expect(p).toMatchObject({
      width: 640,
      height: 427,
      format: 'jpeg',
      channels: 3,
      space: 'srgb',
      hasAlpha: false,
    });
  });

  test('a photo stored sideways (EXIF orientation 6) reports its upright size', async () => {
    const p = await probeImage(fx.rotated);
    expect(p).toMatchObject({ width: 100, height: 200, orientation: 6 });
  });

  test('CMYK, grayscale, PNG with alpha and 16-bit PNG sources', async () => {
    expect(await probeImage(fx.cmyk)).toMatchObject({ space: 'cmyk', channels: 4 });
    expect(await probeImage(fx.gray)).toMatchObject({ space: 'b-w', channels: 1 });
    expect(await probeImage(fx.alphaPng)).toMatchObject({ format: 'png', hasAlpha: true, channels: 4 });
    expect(await probeImage(fx.png16)).toMatchObject({ format: 'png', depth: 'ushort' });
  });
});

/** The ImageError a probe rejects with. */
const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ImageError);
    return { code: (error as ImageError).code, message: (error as Error).message };
  }
  throw new Error('expected an ImageError');
};

describe('probeImage: clear errors', () => {
  test('a missing file', async () => {
    const e = await code(probeImage(fx.missing));
    expect(e.code).toBe('missing');
    expect(e.message).toContain('no-such-photo.jpg');
  });

  test('a text file named .jpg', async () => {
    expect((await code(probeImage(fx.textAsJpg))).code).toBe('not-an-image');
  });

  test('a photo over the pixel limit', async () => {
    const e = await code(probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { limitInputPixels: 100_000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/640x427 px .* exceeds the limit of 0\.1 MP/);
  });
});

describe('probeImage with the photo cache: a header read once is not read again', () => {
  const memo = () => {
    const seen = new Map<string, ImageProbe>();
    return {
      seen,
      get: async (h: string) => seen.get(h),
      set: async (h: string, p: ImageProbe) => void seen.set(h, p),
    };
  };

  test('the second probe of the same bytes takes the header the cache kept', async () => {
    const known = memo();
    const first = await probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { known });
    expect(known.seen.size).toBe(1);
    const [hash] = known.seen.keys();
    known.seen.set(hash!, { ...first, space: 'kept' }); // what the cache holds is what is returned
    expect((await probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { known })).space).toBe('kept');
  });

  test('a known header still meets the pixel limit and the truncation check', async () => {
    const known = memo();
    await probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { known });
    const e = await code(probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { known, limitInputPixels: 100_000 }));
    expect(e.message).toMatch(/640x427 px .* exceeds the limit/);
    expect((await code(probeImage(fx.truncated, { known }))).code).toBe('corrupt');
  });

  test('the photo cache keeps headers on disk for the next process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-probes-'));
    try {
      await probeImage(`${PHOTOS}/rocket-dscovr.jpg`, { known: createPhotoCache({ dir }).probes });
      const later = createPhotoCache({ dir }).probes;
      const hash = readdirSync(dir)
        .find((n) => n.endsWith('.probe.json'))!
        .replace('.probe.json', '');
      expect(await later.get(hash)).toMatchObject({ width: 640, height: 427, format: 'jpeg' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
