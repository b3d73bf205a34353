import { beforeAll, describe, expect, test } from 'vitest';
import { ImageError } from '../../src/images/imageError.js';
import { probeImage } from '../../src/images/probeImage.js';
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

describe('probeImage: clear errors', () => {
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      expect(error).toBeInstanceOf(ImageError);
      return { code: (error as ImageError).code, message: (error as Error).message };
    }
    throw new Error('expected an ImageError');
  };

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
