/** Reads a photo's header (no pixel decoding) and reports its size after EXIF orientation. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { ImageError } from './imageError.js';
import { loadSharp } from './loadSharp.js';

/** Default pixel limit against decompression bombs: 100 megapixels. */
export const DEFAULT_LIMIT_INPUT_PIXELS = 100_000_000;

export interface ImageProbe {
  /** Pixels after EXIF orientation (a portrait photo stored sideways reports portrait). */
  width: number;
  height: number;
  format: string;
  channels: number;
  /** libvips interpretation, e.g. 'srgb', 'cmyk', 'b-w', 'rgb16', 'grey16'. */
  space: string;
  hasAlpha: boolean;
  /** Pixels per inch recorded in the file, when present. */
  density: number | undefined;
  /** EXIF orientation tag (1 when absent). */
  orientation: number;
  hasProfile: boolean;
  /** Bits per sample as libvips names it ('uchar', 'ushort', ...). */
  depth: string;
}

export interface ProbeOptions {
  limitInputPixels?: number;
  /** Headers already read, by the hash of the file's bytes (the photo cache keeps them). */
  known?: ProbeMemo;
}

/** Photo headers by content hash: what sharp read from the same bytes before. */
export interface ProbeMemo {
  get(hash: string): Promise<ImageProbe | undefined>;
  set(hash: string, probe: ImageProbe): Promise<void>;
}

/** Bump when what a probe records changes, so older saved headers are not reused. */
const PROBE_VERSION = 'probe-v1';

function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(PROBE_VERSION).update(bytes).digest('hex').slice(0, 40);
}

export async function probeImage(path: string, options: ProbeOptions = {}): Promise<ImageProbe> {
  const bytes = await readSource(path);
  return probeBytes(bytes, path, options);
}

/** Reads a source file, turning fs errors into ImageErrors. */
export async function readSource(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImageError('missing', path, 'is not a file');
    return await readFile(path);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError('missing', path, 'photo file not found or unreadable', { cause: error });
  }
}

export async function probeBytes(
  bytes: Buffer,
  path: string,
  options: ProbeOptions = {},
): Promise<ImageProbe> {
  const limit = options.limitInputPixels ?? DEFAULT_LIMIT_INPUT_PIXELS;
  const hash = options.known ? contentHash(bytes) : undefined;
  let probe = hash ? await options.known!.get(hash) : undefined;
  if (!probe) {
    probe = await readHeader(bytes, path);
    if (hash) await options.known!.set(hash, probe);
  }
  const truncated = truncation(bytes, probe.format);
  if (truncated) throw new ImageError('corrupt', path, `corrupt or truncated image (${truncated})`);
  const pixels = probe.width * probe.height;
  if (pixels > limit) {
    const [w, h] = probe.orientation >= 5 ? [probe.height, probe.width] : [probe.width, probe.height];
    throw new ImageError(
      'too-large',
      path,
      `${w}x${h} px (${(pixels / 1e6).toFixed(1)} MP) exceeds the limit of ${(limit / 1e6).toFixed(1)} MP (option limitInputPixels)`,
    );
  }
  return probe;
}

/** What sharp reads from the header (no pixels decoded), sizes after EXIF orientation. */
async function readHeader(bytes: Buffer, path: string): Promise<ImageProbe> {
  let meta: Metadata;
  try {
    meta = await (await loadSharp())(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw classifySharpError(error, path);
  }
  if (!meta.width || !meta.height || !meta.format) {
    throw new ImageError('corrupt', path, 'image header has no size');
  }
  const orientation = meta.orientation ?? 1;
  const swapped = orientation >= 5;
  return {
    width: swapped ? meta.height : meta.width,
    height: swapped ? meta.width : meta.height,
    format: meta.format,
    channels: meta.channels ?? 0,
    space: String(meta.space ?? 'unknown'),
    hasAlpha: meta.hasAlpha ?? false,
    density: meta.density,
    orientation,
    hasProfile: meta.hasProfile ?? false,
    depth: String(meta.depth ?? 'unknown'),
  };
}

/**
 * The header alone does not show a file cut short (an interrupted copy or upload), and the pixels
 * are decoded only when the page is rendered: look for the end marker, a cheap check at probe time.
 */
function truncation(bytes: Buffer, format: string): string | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  if (format === 'jpeg' && !hasMarker(tail, [0xff, 0xd9])) return 'the JPEG has no end-of-image marker';
  if (format === 'png' && tail.indexOf('IEND', 0, 'latin1') < 0) return 'the PNG has no IEND chunk';
  return undefined;
}

function hasMarker(bytes: Buffer, marker: readonly number[]): boolean {
  return bytes.indexOf(Buffer.from(marker)) >= 0;
}

/** Maps libvips' messages to the three failures a user can act on. */
export function classifySharpError(error: unknown, path: string): ImageError {
  if (error instanceof ImageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format|Input buffer contains unsupported/i.test(message)) {
    return new ImageError('not-an-image', path, 'not an image (unsupported or unknown format)', {
      cause: error,
    });
  }
  if (/pixel limit/i.test(message)) {
    return new ImageError('too-large', path, `exceeds the pixel limit (${message})`, { cause: error });
  }
  return new ImageError('corrupt', path, `corrupt or truncated image (${message.split('\n')[0]})`, {
    cause: error,
  });
}
