/**
 * Glyph masks kept on disk across runs, one file per face: a cold `galley preview` rasterises some
 * 5,000 masks for a broadsheet page (about 0.3 s of librsvg) where reading them back takes a few
 * milliseconds. A mask is a pure function of the face's bytes, the glyph, its scale and phase and
 * librsvg's version, so the file is named by the hash of the face's bytes and librsvg's and
 * cairo's versions: a saved mask is the mask, and the PNG is the same byte for byte.
 *
 * Kept beside the shaped words (`defaultShapeStoreDir()`/masks; GALLEY_SHAPE_CACHE=off keeps none).
 * Read when a face is first drawn, written when the process ends (whole, atomically, merged with
 * what another process saved meanwhile). Any failure to read or write is ignored: it only saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { defaultShapeStoreDir } from '../../model/shapeStore.js';
import { writeFileAtomicSync } from '../pdf/writeFileAtomic.js';

export interface Mask {
  /** Offset of the mask's top-left from the glyph origin's integer pixel. */
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** A face's masks by `${pixelsPerEm}:${hScale}:${glyph}:${phaseX}:${phaseY}` (drawGlyphRuns.ts). */
export type FaceMasks = Map<string, Mask>;

/** Bump when a mask's meaning or the file's layout changes. */
const MAGIC = 'galley-masks-2\n';
/** Masks saved per face: a few pages at several sizes; beyond it the file keeps the first ones. */
const MAX_SAVED_MASKS = 60_000;

interface OpenFace {
  file: string;
  masks: FaceMasks;
  loaded: number;
}

const faces = new Map<string, OpenFace>();
let hooked = false;

/** The masks of the face in `fontPath`: those earlier runs saved, as a map the caller fills on. */
export function faceMasks(fontPath: string, dir = maskStoreDir()): FaceMasks {
  const key = `${dir ?? ''}|${fontPath}`;
  let face = faces.get(key);
  if (!face) {
    if (dir === undefined) face = { file: '', masks: new Map(), loaded: 0 };
    else {
      const file = join(dir, `${faceHash(fontPath)}.bin`);
      const masks = readMasks(file);
      face = { file, masks, loaded: masks.size };
      if (!hooked) {
        hooked = true;
        process.once('exit', saveMasks);
      }
    }
    faces.set(key, face);
  }
  return face.masks;
}

export function maskStoreDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const shapes = defaultShapeStoreDir(env);
  return shapes === undefined ? undefined : join(shapes, 'masks');
}

/** Writes every face that gained masks since it was read. Also runs when the process exits. */
export function saveMasks(): void {
  for (const face of faces.values()) {
    if (face.file === '' || face.masks.size <= face.loaded) continue;
    try {
      const merged: FaceMasks = new Map(face.masks);
      for (const [k, m] of readMasks(face.file)) if (!merged.has(k)) merged.set(k, m);
      mkdirSync(join(face.file, '..'), { recursive: true });
      writeFileAtomicSync(face.file, serialise(merged));
      face.loaded = face.masks.size;
    } catch {
      // A read-only or full disk: the next run rasterises again.
    }
  }
}

function faceHash(fontPath: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(fontPath));
  } catch {
    hash.update(`unreadable ${fontPath}`); // the preview fails on this font anyway
  }
  hash.update(`\n${sharp.versions.rsvg ?? ''} ${sharp.versions.cairo ?? ''} ${MAGIC}`);
  return hash.digest('hex').slice(0, 32);
}

/** Layout: MAGIC, then per mask: key length (u16), key (latin1), left, top (i16), width, height (u16), alpha. */
function serialise(masks: FaceMasks): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  let n = 0;
  for (const [key, m] of masks) {
    if (n++ >= MAX_SAVED_MASKS) break;
    const head = Buffer.alloc(2 + key.length + 8);
    head.writeUInt16LE(key.length, 0);
    head.write(key, 2, 'latin1');
    const at = 2 + key.length;
    head.writeInt16LE(m.left, at);
    head.writeInt16LE(m.top, at + 2);
    head.writeUInt16LE(m.width, at + 4);
    head.writeUInt16LE(m.height, at + 6);
    parts.push(head, Buffer.from(m.alpha.buffer, m.alpha.byteOffset, m.alpha.byteLength));
  }
  return Buffer.concat(parts);
}

/** The masks in `file`; none if it is missing, of another format or cut short. */
function readMasks(file: string): FaceMasks {
  const masks: FaceMasks = new Map();
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return masks;
  }
  if (data.toString('latin1', 0, MAGIC.length) !== MAGIC) return masks;
  let at = MAGIC.length;
  while (at + 2 <= data.length) {
    const keyLength = data.readUInt16LE(at);
    const body = at + 2 + keyLength;
    if (body + 8 > data.length) return new Map();
    const key = data.toString('latin1', at + 2, body);
    const width = data.readUInt16LE(body + 4);
    const height = data.readUInt16LE(body + 6);
    const end = body + 8 + width * height;
    if (end > data.length) return new Map();
    masks.set(key, {
      left: data.readInt16LE(body),
      top: data.readInt16LE(body + 2),
      width,
      height,
      alpha: data.subarray(body + 8, end), // a view: the file's buffer lives as long as its masks
    });
    at = end;
  }
  return masks;
}
