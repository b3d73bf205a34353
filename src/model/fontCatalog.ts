/**
 * Font catalogues: the faces galley ships (fonts/catalog.json) and the ones a template brings
 * (its `fontCatalog`, in the same form), and the FontKey convention: "<family>/<weight>" or
 * "<family>/<weight>i" for italics, e.g. "Source Serif 4/400i".
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontKey } from '../display/types.js';

/** The shipped fonts folder: two levels above this file both in src/ (tsx, vitest) and in dist/. */
export const FONTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fonts');

export interface FontCatalog {
  /** Absolute file of every face, by key. */
  files: ReadonlyMap<FontKey, string>;
  /** Family names in catalogue order (the shipped ones first): the order of last-resort fallback. */
  families: readonly string[];
}

/** A catalogue file as written: families, each with its faces by weight ("400", "700i"). */
export interface CatalogFile {
  families: Record<string, { role?: string; faces: Record<string, string> }>;
}

export function fontKey(family: string, weight: number, italic: boolean): FontKey {
  return `${family}/${weight}${italic ? 'i' : ''}`;
}

export function parseFontKey(key: FontKey): { family: string; weight: number; italic: boolean } {
  const slash = key.lastIndexOf('/');
  const face = key.slice(slash + 1);
  return { family: key.slice(0, slash), weight: Number.parseInt(face, 10), italic: face.endsWith('i') };
}

/** A catalogue from its parsed file: face paths resolved against `dir` (absolute paths stay). */
export function catalogFrom(data: CatalogFile, dir: string): FontCatalog {
  const files = new Map<FontKey, string>();
  for (const [family, { faces }] of Object.entries(data.families)) {
    for (const [face, file] of Object.entries(faces)) files.set(`${family}/${face}`, resolve(dir, file));
  }
  return { files, families: Object.keys(data.families) };
}

let shipped: FontCatalog | undefined;

/** The faces galley ships, read once per process. */
export function loadFontCatalog(): FontCatalog {
  shipped ??= catalogFrom(
    JSON.parse(readFileSync(join(FONTS_DIR, 'catalog.json'), 'utf8')) as CatalogFile,
    FONTS_DIR,
  );
  return shipped;
}

/** Both catalogues' families; the caller has checked that `extra` redefines none of `base`'s. */
export function mergeCatalogs(base: FontCatalog, extra: FontCatalog): FontCatalog {
  return {
    files: new Map([...base.files, ...extra.files]),
    families: [...new Set([...base.families, ...extra.families])],
  };
}

/**
 * The face to use for a wanted family, weight and style: the exact face when there is one, else
 * the nearest weight of the same style, else the nearest weight at all (a known family always
 * answers).
 */
export function resolveFace(
  catalog: FontCatalog,
  family: string,
  weight: number,
  italic: boolean,
): FontKey | undefined {
  // Every style of a template asks for four faces in each of the catalogue's families: answers are
  // kept per catalogue (catalogues are never changed once made).
  let byFamily = resolved.get(catalog);
  if (!byFamily) {
    byFamily = new Map();
    resolved.set(catalog, byFamily);
  }
  let known = byFamily.get(family);
  if (!known) {
    known = new Map();
    byFamily.set(family, known);
  }
  const ask = weight * 2 + (italic ? 1 : 0);
  if (known.has(ask)) return known.get(ask);
  const candidates = facesOf(catalog).get(family);
  let answer: FontKey | undefined;
  if (candidates) {
    const score = (f: { weight: number; italic: boolean }) =>
      Math.abs(f.weight - weight) + (f.italic === italic ? 0 : 1000);
    const best = [...candidates].sort((a, b) => score(a) - score(b))[0]!;
    answer = fontKey(best.family, best.weight, best.italic);
  }
  known.set(ask, answer);
  return answer;
}

/** Answers by catalogue, family and weight * 2 + italic (no key string to build per question). */
const resolved = new WeakMap<FontCatalog, Map<string, Map<number, FontKey | undefined>>>();
const faces = new WeakMap<FontCatalog, Map<string, ReturnType<typeof parseFontKey>[]>>();

/** A catalogue's faces by family, in catalogue order (so ties resolve as they always did). */
function facesOf(catalog: FontCatalog): Map<string, ReturnType<typeof parseFontKey>[]> {
  let byFamily = faces.get(catalog);
  if (!byFamily) {
    byFamily = new Map();
    for (const key of catalog.files.keys()) {
      const face = parseFontKey(key);
      const list = byFamily.get(face.family);
      if (list) list.push(face);
      else byFamily.set(face.family, [face]);
    }
    faces.set(catalog, byFamily);
  }
  return byFamily;
}
