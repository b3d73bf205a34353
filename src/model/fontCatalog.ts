/**
 * The catalogue of shipped font faces (fonts/catalog.json) and the FontKey convention:
 * "<family>/<weight>" or "<family>/<weight>i" for italics, e.g. "Source Serif 4/400i".
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
}

interface CatalogFile {
  families: Record<string, { faces: Record<string, string> }>;
}

export function fontKey(family: string, weight: number, italic: boolean): FontKey {
  return `${family}/${weight}${italic ? 'i' : ''}`;
}

export function parseFontKey(key: FontKey): { family: string; weight: number; italic: boolean } {
  const slash = key.lastIndexOf('/');
  const face = key.slice(slash + 1);
  return { family: key.slice(0, slash), weight: Number.parseInt(face, 10), italic: face.endsWith('i') };
}

let cached: FontCatalog | undefined;

export function loadFontCatalog(dir: string = FONTS_DIR): FontCatalog {
  if (cached && dir === FONTS_DIR) return cached;
  const data = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogFile;
  const files = new Map<FontKey, string>();
  for (const [family, { faces }] of Object.entries(data.families)) {
    for (const [face, file] of Object.entries(faces)) files.set(`${family}/${face}`, join(dir, file));
  }
  const catalog = { files };
  if (dir === FONTS_DIR) cached = catalog;
  return catalog;
}

/**
 * The face to use for a wanted family, weight and style: the exact face when shipped, else the
 * nearest weight of the same style, else the nearest weight at all (a shipped family always answers).
 */
export function resolveFace(
  catalog: FontCatalog,
  family: string,
  weight: number,
  italic: boolean,
): FontKey | undefined {
  const candidates = [...catalog.files.keys()].map(parseFontKey).filter((f) => f.family === family);
  if (candidates.length === 0) return undefined;
  const score = (f: { weight: number; italic: boolean }) =>
    Math.abs(f.weight - weight) + (f.italic === italic ? 0 : 1000);
  candidates.sort((a, b) => score(a) - score(b));
  const best = candidates[0]!;
  return fontKey(best.family, best.weight, best.italic);
}
