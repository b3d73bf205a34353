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
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../render/pdf/writeFileAtomic.js';
import type { ShapedGlyph } from '../text/types.js';

/** Bump when what the shaper returns for the same input changes (a fontkit upgrade, a new field). */
const FORMAT = 'galley-shapes-2';
/**
 * Words kept per face on disk: those this run set first, then the file's others, up to this many
 * (about 1 MB, read in some 15 ms). A paper's running vocabulary fits; a one-off list of
 * generated words ages out instead of slowing every later start.
 */
const MAX_SAVED_WORDS = 40_000;
/** Longer runs of glyphs are one-offs (a generated test word, a URL): shaped again if they recur. */
const MAX_SAVED_GLYPHS = 40;

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
        const merged: ShapedWords = new Map();
        for (const [key, glyphs] of face.words) {
          if (merged.size >= MAX_SAVED_WORDS) break;
          if (!(glyphs instanceof SavedEntry) && glyphs.length <= MAX_SAVED_GLYPHS) merged.set(key, glyphs);
        }
        // What another process saved meanwhile, and what this one read but did not use.
        for (const [key, glyphs] of readWords(face.file)) {
          if (merged.size >= MAX_SAVED_WORDS) break;
          if (!merged.has(key)) merged.set(key, glyphs);
        }
        mkdirSync(dir, { recursive: true });
        writeFileAtomicSync(face.file, serialise(merged));
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
        // A file over the caps (saved by an older galley) is written again, trimmed.
        face = { file, words, loaded: words.size > MAX_SAVED_WORDS || words.trimmed ? -1 : words.size };
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
    if (glyphs instanceof SavedEntry) {
      out[key] = glyphs.flat;
      continue;
    }
    const flat: (number | string)[] = [];
    for (const g of glyphs) flat.push(g.id, exact(g.advance), exact(g.dx), exact(g.dy), g.chars);
    out[key] = flat;
  }
  return JSON.stringify({ format: FORMAT, words: out });
}

const exact = (n: number): number | string => (Object.is(n, -0) ? '-0' : n);
const number = (v: unknown): number => (v === '-0' ? -0 : (v as number));

/** A word as read from the file, not yet made into glyphs (most saved words are not set in a run). */
class SavedEntry {
  constructor(readonly flat: (number | string)[]) {}
}

/**
 * The words read from a face's file: each becomes frozen glyphs the first time it is asked for,
 * so a run pays for the words it sets, not for every word the store holds (a cold page sets a
 * few hundred of tens of thousands). Iterating yields the entries not yet asked for as they
 * were read (SavedEntry), for writing back.
 */
class SavedWords extends Map<string, readonly ShapedGlyph[]> {
  /** The file held words past the caps, left out on reading. */
  trimmed = false;

  override get(key: string): readonly ShapedGlyph[] | undefined {
    const v = super.get(key);
    if (!(v instanceof SavedEntry)) return v;
    const flat = v.flat;
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
    const made = Object.freeze(glyphs);
    super.set(key, made);
    return made;
  }

  keep(key: string, flat: (number | string)[]): void {
    super.set(key, new SavedEntry(flat) as unknown as readonly ShapedGlyph[]);
  }
}

function readWords(file: string): SavedWords {
  const words = new SavedWords();
  let parsed: { format?: unknown; words?: Record<string, unknown> };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return words;
  }
  if (parsed.format !== FORMAT || typeof parsed.words !== 'object' || parsed.words === null) return words;
  for (const [key, flat] of Object.entries(parsed.words)) {
    if (!Array.isArray(flat) || flat.length % 5 !== 0) continue;
    if (flat.length > MAX_SAVED_GLYPHS * 5) words.trimmed = true;
    else words.keep(key, flat);
  }
  return words;
}
