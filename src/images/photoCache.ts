/**
 * Content-addressed cache of prepared photos: in memory for one run, optionally on disk so a second
 * run (the next edition, a benchmark) finds photos already converted. The key hashes the source
 * bytes, the crop, the output size and every option that changes the pixels (see photoKey), so a
 * stale entry can never be served: an edited photo gets a new key.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageProbe, ProbeMemo } from './probeImage.js';

export interface CachedPhoto {
  jpeg: Buffer;
  widthPx: number;
  heightPx: number;
  effectivePpi: number;
  warnings: string[];
}

export interface PhotoCache {
  /** Runs `make` once per key; concurrent and later calls with the same key share its result. */
  getOrCreate(key: string, make: () => Promise<CachedPhoto>): Promise<{ photo: CachedPhoto; hit: boolean }>;
  /**
   * Photo headers by the hash of the source file's bytes, kept beside the photos: a run whose
   * photos are all in the cache reads no header with sharp, and so never loads it.
   */
  readonly probes: ProbeMemo;
  readonly stats: { hits: number; misses: number; diskHits: number };
}

export interface PhotoCacheOptions {
  /** Folder for the on-disk cache (created on demand), e.g. `<out>/.galley-cache/photos`. */
  dir?: string;
  /** In-memory entries kept (least recently added dropped first); default 256. */
  maxEntries?: number;
}

/** Bump when the processing pipeline changes so old disk entries are not reused. */
const PIPELINE_VERSION = 'photo-v1';

export function photoKey(
  parts: Record<string, unknown>,
  sourceBytes: Uint8Array,
  profileBytes?: Uint8Array,
): string {
  const hash = createHash('sha256');
  hash.update(PIPELINE_VERSION);
  hash.update(sourceBytes);
  if (profileBytes) hash.update(profileBytes);
  hash.update(JSON.stringify(parts, Object.keys(parts).sort()));
  return hash.digest('hex').slice(0, 40);
}

export function createPhotoCache(options: PhotoCacheOptions = {}): PhotoCache {
  const memory = new Map<string, Promise<CachedPhoto>>();
  const maxEntries = options.maxEntries ?? 256;
  const stats = { hits: 0, misses: 0, diskHits: 0 };
  const dir = options.dir;

  async function fromDisk(key: string): Promise<CachedPhoto | undefined> {
    if (!dir) return undefined;
    try {
      const [meta, jpeg] = await Promise.all([
        readFile(join(dir, `${key}.json`), 'utf8'),
        readFile(join(dir, `${key}.jpg`)),
      ]);
      const m = JSON.parse(meta) as Omit<CachedPhoto, 'jpeg'> & { bytes: number };
      if (m.bytes !== jpeg.length) return undefined;
      return {
        jpeg,
        widthPx: m.widthPx,
        heightPx: m.heightPx,
        effectivePpi: m.effectivePpi,
        warnings: m.warnings,
      };
    } catch {
      return undefined;
    }
  }

  async function toDisk(key: string, photo: CachedPhoto): Promise<void> {
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    const { jpeg, ...meta } = photo;
    // The JPEG first, then its metadata: a reader needs both, and each is written atomically.
    await writeAtomic(join(dir, `${key}.jpg`), jpeg);
    await writeAtomic(join(dir, `${key}.json`), JSON.stringify({ ...meta, bytes: jpeg.length }));
  }

  const headers = new Map<string, ImageProbe>();
  const probes: ProbeMemo = {
    async get(hash) {
      let probe = headers.get(hash);
      if (!probe && dir) {
        try {
          probe = JSON.parse(await readFile(join(dir, `${hash}.probe.json`), 'utf8')) as ImageProbe;
          headers.set(hash, probe);
        } catch {
          // not probed yet (or unreadable): sharp reads the header
        }
      }
      return probe;
    },
    async set(hash, probe) {
      headers.set(hash, probe);
      if (!dir) return;
      await mkdir(dir, { recursive: true })
        .then(() => writeAtomic(join(dir, `${hash}.probe.json`), JSON.stringify(probe)))
        .catch(() => undefined); // a read-only cache folder only costs time
    },
  };

  return {
    stats,
    probes,
    async getOrCreate(key, make) {
      const pending = memory.get(key);
      if (pending) {
        stats.hits++;
        return { photo: await pending, hit: true };
      }
      let hit = false;
      const work = (async () => {
        const disk = await fromDisk(key);
        if (disk) {
          stats.diskHits++;
          hit = true;
          return disk;
        }
        stats.misses++;
        const made = await make();
        await toDisk(key, made).catch(() => undefined); // a read-only cache folder only costs time
        return made;
      })();
      memory.set(key, work);
      if (memory.size > maxEntries) memory.delete(memory.keys().next().value as string);
      try {
        return { photo: await work, hit };
      } catch (error) {
        memory.delete(key); // failures are not cached: the next call reports afresh
        throw error;
      }
    },
  };
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
