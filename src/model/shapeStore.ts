/**
 * Shaped words kept on disk across runs, one file per face, named by the hash of the face's
 * bytes: a new process finds the words earlier runs shaped instead of shaping them again with
 * fontkit (about a fifth of a cold page). Shaping is a pure function of the face's bytes, the
 * features and the text, so a saved answer is the answer: the output is the same byte for byte,
 * and an edited or replaced font file has another hash, so nothing stale is ever served.
 *
 * An input edge beside openFontFile (the text engine itself touches no file). The store is read when a
 * face is first used and written when the process ends (each file written whole, atomically,
 * merged with what another process may have saved meanwhile). Any failure to read or write is
 * ignored: the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ShapedGlyph } from '../text/types.js';

/** Bump when what the shaper returns for the same input changes (a fontkit upgrade, a new field). */
const FORMAT = 'galley-shapes-2';
/** Words kept per face on disk; beyond this a face's file stops growing. */
const MAX_SAVED_WORDS = 150_000;

export type ShapedWords = Map<string, readonly ShapedGlyph[]>;

export interface ShapeStore {
  /** The words saved for the face with these bytes (empty if none), as a map the shaper fills on. */
  open(fontBytes: Uint8Array): ShapedWords;
  /** Writes every face that gained words since it was opened. Also runs when the process exits. */
  save(): void;
}

/**
 * Where shaped words are kept: `GALLEY_SHAPE_CACHE` if set ("off" keeps none), else
 * `$XDG_CACHE_HOME/galley/shapes` or `~/.cache/galley/shapes`. One store per user, not per
 * output folder: a face shapes a word the same way in every edition.
 */
export function defaultShapeStoreDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.GALLEY_SHAPE_CACHE;
  if (chosen !== undefined) return chosen === 'off' || chosen === '' ? undefined : chosen;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'galley', 'shapes');
}

interface OpenFace {
  file: string;
  words: ShapedWords;
  loaded: number;
}

const stores = new Map<string, ShapeStore>();

/** The process's one store for `dir` (every workspace of the process shares it). */
export function shapeStoreAt(dir: string): ShapeStore {
  let store = stores.get(dir);
  if (!store) {
    store = createShapeStore(dir);
    stores.set(dir, store);
  }
  return store;
}

export function createShapeStore(dir: string): ShapeStore {
  const faces = new Map<string, OpenFace>();
  let hooked = false;
  const save = () => {
    for (const face of faces.values()) {
      if (face.words.size <= face.loaded) continue;
      try {
        const merged = readWords(face.file);
        for (const [key, glyphs] of face.words) {
          if (merged.size >= MAX_SAVED_WORDS) break;
          merged.set(key, glyphs);
        }
        mkdirSync(dir, { recursive: true });
        const temp = `${face.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, serialise(merged));
        renameSync(temp, face.file);
        face.loaded = face.words.size;
      } catch {
        // A read-only or full disk: the next run shapes again.
      }
    }
  };
  return {
    open(fontBytes) {
      const hash = createHash('sha256').update(fontBytes).digest('hex').slice(0, 32);
      let face = faces.get(hash);
      if (!face) {
        const file = join(dir, `${hash}.json`);
        const words = readWords(file);
        face = { file, words, loaded: words.size };
        faces.set(hash, face);
        if (!hooked) {
          hooked = true;
          process.once('exit', save);
        }
      }
      return face.words;
    },
    save,
  };
}

/**
 * One face's words as JSON: per word, its glyphs flattened to [id, advance, dx, dy, chars, ...].
 * JSON keeps every double exactly (shortest round-trip form) except negative zero, which it
 * writes as 0: the shaper's dy is -0 for most glyphs, and the output must not change, so -0 is
 * written as the string "-0".
 */
function serialise(words: ShapedWords): string {
  const out: Record<string, (number | string)[]> = {};
  for (const [key, glyphs] of words) {
    const flat: (number | string)[] = [];
    for (const g of glyphs) flat.push(g.id, exact(g.advance), exact(g.dx), exact(g.dy), g.chars);
    out[key] = flat;
  }
  return JSON.stringify({ format: FORMAT, words: out });
}

const exact = (n: number): number | string => (Object.is(n, -0) ? '-0' : n);
const number = (v: unknown): number => (v === '-0' ? -0 : (v as number));

function readWords(file: string): ShapedWords {
  const words: ShapedWords = new Map();
  let parsed: { format?: unknown; words?: Record<string, unknown> };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return words;
  }
  if (parsed.format !== FORMAT || typeof parsed.words !== 'object' || parsed.words === null) return words;
  for (const [key, flat] of Object.entries(parsed.words)) {
    if (!Array.isArray(flat) || flat.length % 5 !== 0) continue;
    const glyphs: ShapedGlyph[] = [];
    for (let i = 0; i < flat.length; i += 5)
      glyphs.push(
        Object.freeze({
          id: flat[i] as number,
          advance: number(flat[i + 1]),
          dx: number(flat[i + 2]),
          dy: number(flat[i + 3]),
          chars: flat[i + 4] as string,
        }),
      );
    words.set(key, Object.freeze(glyphs));
  }
  return words;
}
