/**
 * Photos for the preview: the source cropped to `item.crop` (source pixels after EXIF rotation)
 * and resized to the pixel size of the frame on screen, as a data URI for the SVG. Decoding a
 * 3000 x 2000 JPEG costs ~15 ms, so results are kept in an LRU keyed by file, modification time,
 * crop and pixel size: in watch mode only changed photos are decoded again.
 */
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { ImageItem } from '../../display/types.js';

export interface PreviewImageCache {
  get(key: string): string | undefined;
  set(key: string, dataUri: string): void;
}

export function createPreviewImageCache(maxEntries = 64): PreviewImageCache {
  return createLru<string>(maxEntries);
}

/** A small LRU (Map keeps insertion order; a hit moves the entry to the end). */
export function createLru<V>(maxEntries: number): {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
} {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}

const defaultCache = createPreviewImageCache();

/**
 * The data URI of a placed photo at `widthPx` x `heightPx`, or undefined when the file cannot be
 * read (the preview then draws a placeholder and keeps going, as watch mode must).
 */
export async function loadPreviewImage(
  item: ImageItem,
  widthPx: number,
  heightPx: number,
  cache: PreviewImageCache = defaultCache,
): Promise<string | undefined> {
  let mtime: number;
  try {
    mtime = (await stat(item.source)).mtimeMs;
  } catch {
    return undefined;
  }
  const { crop } = item;
  const key = `${item.source}|${mtime}|${crop.x},${crop.y},${crop.width},${crop.height}|${widthPx}x${heightPx}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  try {
    const meta = await sharp(item.source).metadata();
    const swap = (meta.orientation ?? 1) >= 5;
    const srcW = (swap ? meta.height : meta.width) ?? 0;
    const srcH = (swap ? meta.width : meta.height) ?? 0;
    const left = clamp(Math.round(crop.x), 0, srcW - 1);
    const top = clamp(Math.round(crop.y), 0, srcH - 1);
    const width = clamp(Math.round(crop.width), 1, srcW - left);
    const height = clamp(Math.round(crop.height), 1, srcH - top);
    const alpha = meta.hasAlpha === true;
    const pipeline = sharp(item.source)
      .rotate()
      .extract({ left, top, width, height })
      .resize(widthPx, heightPx, { fit: 'fill', fastShrinkOnLoad: true });
    const buffer = alpha
      ? await pipeline.png({ compressionLevel: 1 }).toBuffer()
      : await pipeline.toColourspace('srgb').jpeg({ quality: 85 }).toBuffer();
    const uri = `data:image/${alpha ? 'png' : 'jpeg'};base64,${buffer.toString('base64')}`;
    cache.set(key, uri);
    return uri;
  } catch {
    return undefined;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
