/**
 * Turns a source photo into the press-ready JPEG the PDF embeds: EXIF orientation applied, the crop
 * extracted, resized to the target resolution at the placed size (never enlarged beyond the source),
 * alpha flattened onto white, converted to CMYK through the press profile (or to grayscale).
 */
import { readFile } from 'node:fs/promises';
import type { OutputInfo } from 'sharp';
import type { Rect } from '../layout/geometry.js';
import { CENTRE, cropForFrame, type Focus } from './cropForFrame.js';
import { ImageError } from './imageError.js';
import { loadSharp } from './loadSharp.js';
import { type CachedPhoto, createPhotoCache, type PhotoCache, photoKey } from './photoCache.js';
import { PRESS_PROFILE_PATH } from './pressProfile.js';
import { classifySharpError, type ImageProbe, probeBytes, readSource } from './probeImage.js';

import { DEFAULT_PHOTO_PPI, WARN_BELOW_PPI } from './resolution.js';

export { DEFAULT_PHOTO_PPI, WARN_BELOW_PPI };
/** JPEG quality for plates: 85 is visually lossless at 200 ppi on newsprint and keeps pages small. */
export const DEFAULT_JPEG_QUALITY = 85;

export type PhotoColour = 'cmyk' | 'gray';

export interface PreparePhotoOptions {
  /** Absolute path of the source photo. */
  source: string;
  /** Part of the source to show, in source pixels after EXIF orientation. Default: cropForFrame(focus). */
  crop?: Rect;
  /** Focal point for the default crop (0..1 each way); default the centre. */
  focus?: Focus;
  frameWidthPt: number;
  frameHeightPt: number;
  ppi?: number;
  colour?: PhotoColour;
  quality?: number;
  /** CMYK output profile; default the shipped newsprint profile. */
  profilePath?: string;
  limitInputPixels?: number;
  /** Shared cache; without one, a private in-memory cache is used for this call only. */
  cache?: PhotoCache;
}

export interface PreparedPhoto extends CachedPhoto {
  /** Content address of this result (hash of source, crop, size and options). */
  key: string;
  /** True when the result came from the cache. */
  cached: boolean;
}

const profileBytes = new Map<string, Promise<Buffer>>();

function loadProfile(path: string): Promise<Buffer> {
  let p = profileBytes.get(path);
  if (!p) {
    p = readFile(path).catch((error: unknown) => {
      profileBytes.delete(path);
      throw new ImageError(
        'colour',
        path,
        'press ICC profile not found (run templates/icc/build-profile.sh)',
        {
          cause: error,
        },
      );
    });
    profileBytes.set(path, p);
  }
  return p;
}

export async function preparePhoto(options: PreparePhotoOptions): Promise<PreparedPhoto> {
  const { source, frameWidthPt, frameHeightPt } = options;
  const ppi = options.ppi ?? DEFAULT_PHOTO_PPI;
  const colour = options.colour ?? 'cmyk';
  const quality = options.quality ?? DEFAULT_JPEG_QUALITY;
  const profilePath = options.profilePath ?? PRESS_PROFILE_PATH;
  if (!(frameWidthPt > 0 && frameHeightPt > 0 && ppi > 0)) {
    throw new RangeError(
      `preparePhoto: frame ${frameWidthPt}x${frameHeightPt} pt at ${ppi} ppi is not positive`,
    );
  }
  const bytes = await readSource(source);
  const cache = options.cache ?? createPhotoCache();
  const probe = await probeBytes(bytes, source, {
    ...(options.limitInputPixels !== undefined && { limitInputPixels: options.limitInputPixels }),
    known: cache.probes,
  });
  const crop = resolveCrop(options.crop, probe, frameWidthPt, frameHeightPt, options.focus, source);
  const size = outputSize(crop, frameWidthPt, frameHeightPt, ppi);
  const profile = colour === 'cmyk' ? await loadProfile(profilePath) : undefined;
  const key = photoKey({ crop, ...size, colour, quality }, bytes, profile);
  const { photo, hit } = await cache.getOrCreate(key, () =>
    convert(bytes, source, probe, crop, size, { colour, quality, profilePath, frameWidthPt, ppi, options }),
  );
  return { ...photo, warnings: [...photo.warnings], key, cached: hit };
}

function resolveCrop(
  crop: Rect | undefined,
  probe: ImageProbe,
  frameW: number,
  frameH: number,
  focus: Focus | undefined,
  path: string,
): Rect {
  if (!crop) return cropForFrame(probe.width, probe.height, frameW, frameH, focus ?? CENTRE);
  // Layout may hand over fractional pixels: snap outwards-in to whole pixels inside the source.
  const x = Math.max(0, Math.round(crop.x));
  const y = Math.max(0, Math.round(crop.y));
  const width = Math.min(probe.width - x, Math.round(crop.width));
  const height = Math.min(probe.height - y, Math.round(crop.height));
  const tolerance = 1;
  if (
    width < 1 ||
    height < 1 ||
    crop.x + crop.width > probe.width + tolerance ||
    crop.y + crop.height > probe.height + tolerance
  ) {
    throw new ImageError(
      'bad-crop',
      path,
      `crop ${crop.width}x${crop.height}+${crop.x}+${crop.y} lies outside the ${probe.width}x${probe.height} px photo`,
    );
  }
  return { x, y, width, height };
}

/** Pixels at `ppi` over the placed size, capped by the crop (no upsampling), keeping the frame's ratio. */
export function outputSize(crop: Rect, frameWidthPt: number, frameHeightPt: number, ppi: number) {
  const wantW = Math.max(1, Math.round((frameWidthPt / 72) * ppi));
  const wantH = Math.max(1, Math.round((frameHeightPt / 72) * ppi));
  if (wantW <= crop.width && wantH <= crop.height) return { widthPx: wantW, heightPx: wantH };
  const ratio = frameWidthPt / frameHeightPt;
  const widthPx = Math.max(1, Math.min(crop.width, Math.round(crop.height * ratio)));
  const heightPx = Math.max(1, Math.min(crop.height, Math.round(widthPx / ratio)));
  return { widthPx, heightPx };
}

async function convert(
  bytes: Buffer,
  path: string,
  probe: ImageProbe,
  crop: Rect,
  size: { widthPx: number; heightPx: number },
  o: {
    colour: PhotoColour;
    quality: number;
    profilePath: string;
    frameWidthPt: number;
    ppi: number;
    options: PreparePhotoOptions;
  },
): Promise<CachedPhoto> {
  const warnings: string[] = [];
  const effectivePpi = size.widthPx / (o.frameWidthPt / 72);
  if (effectivePpi < WARN_BELOW_PPI) {
    warnings.push(
      `${path}: ${Math.round(effectivePpi)} ppi at the placed size (below ${WARN_BELOW_PPI}; crop ${crop.width}x${crop.height} px for ${Math.round(o.frameWidthPt)} pt wide)`,
    );
  }
  const cropRatio = crop.width / crop.height;
  const frameRatio = size.widthPx / size.heightPx;
  if (Math.abs(cropRatio / frameRatio - 1) > 0.02) {
    warnings.push(
      `${path}: crop ratio ${cropRatio.toFixed(3)} differs from the frame's ${frameRatio.toFixed(3)}: edges trimmed`,
    );
  }
  const sharp = await loadSharp();
  let pipeline = sharp(bytes, {
    limitInputPixels: o.options.limitInputPixels ?? probe.width * probe.height,
    failOn: 'error',
  })
    .autoOrient()
    .extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
    .resize(size.widthPx, size.heightPx, { fit: 'cover', kernel: 'lanczos3' })
    .flatten({ background: '#ffffff' });
  pipeline =
    o.colour === 'cmyk'
      ? pipeline.withIccProfile(o.profilePath, { attach: false })
      : pipeline.toColourspace('b-w');
  let result: { data: Buffer; info: OutputInfo };
  try {
    result = await pipeline.jpeg({ quality: o.quality }).toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw classifySharpError(error, path);
  }
  const wanted = o.colour === 'cmyk' ? 4 : 1;
  // sharp only warns when a profile transform fails and carries on in sRGB: refuse that here. The
  // output's own header is checked (sharp's `info.channels` reports the pre-transform band count).
  const written = await sharp(result.data).metadata();
  if (written.channels !== wanted) {
    throw new ImageError(
      'colour',
      path,
      `conversion to ${o.colour} gave ${written.channels} channels (${written.space}; profile ${o.profilePath} unusable?)`,
    );
  }
  return {
    jpeg: result.data,
    widthPx: result.info.width,
    heightPx: result.info.height,
    effectivePpi,
    warnings,
  };
}
