/**
 * What a page's PDF depends on, as one hash: its plan (and the edition's name and date, printed in
 * the folio), the article files and their photos, ad artwork, the template, the render settings
 * and galley's version. A continued story's page also depends on its origin page's inputs, since
 * where the story resumes is decided there.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FONTS_DIR } from '../model/fontCatalog.js';
import { loadArticle } from '../model/loadArticle.js';
import { loadTemplate } from '../model/loadTemplate.js';
import type { Edition, EditionPage } from './Edition.js';

export const GALLEY_VERSION: string = readVersion();

export function pageInputsHashes(edition: Edition, settings: unknown): string[] {
  const files = new Map<string, string>();
  const fileHash = (path: string): string => {
    let h = files.get(path);
    if (h === undefined) {
      try {
        h = createHash('sha256').update(readFileSync(path)).digest('hex');
      } catch (e) {
        h = `unreadable: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
      }
      files.set(path, h);
    }
    return h;
  };
  const photosOf = (articlePath: string): string[] => {
    try {
      return loadArticle(articlePath).photos.map((p) => p.source);
    } catch {
      return []; // the page will fail and report why; its hash still covers the article's bytes
    }
  };
  const templates = new Map<string, string>();
  /** The resolved template and the bytes of the faces its fontCatalog brings (galley's own change
   * only with galley's version, which is hashed already). Once per template, not per page. */
  const templateHash = (name: string): string => {
    let known = templates.get(name);
    if (known !== undefined) return known;
    try {
      const t = loadTemplate(name, edition.dir);
      const h = createHash('sha256').update(JSON.stringify(t));
      for (const [key, file] of t.fontFiles)
        if (!file.startsWith(FONTS_DIR)) h.update(`font ${key} ${file} ${fileHash(file)}`);
      known = h.digest('hex');
    } catch (e) {
      known = `unloadable: ${String(e)}`;
    }
    templates.set(name, known);
    return known;
  };
  const own = (page: EditionPage): string => {
    const h = createHash('sha256');
    h.update(
      JSON.stringify({
        page: { ...page, index: undefined, field: undefined },
        name: edition.name,
        newspaper: edition.newspaper,
        date: edition.date,
      }),
    );
    h.update(templateHash(page.template));
    for (const s of page.stories) {
      h.update(`article ${s.articlePath} ${fileHash(s.articlePath)}`);
      for (const photo of photosOf(s.articlePath)) h.update(`photo ${photo} ${fileHash(photo)}`);
    }
    for (const ad of page.ads)
      if (ad.artworkPath) h.update(`ad ${ad.artworkPath} ${fileHash(ad.artworkPath)}`);
    return h.digest('hex');
  };
  const ownHashes = edition.pages.map(own);
  const byLabel = new Map(edition.pages.map((p) => [p.label, p]));
  return edition.pages.map((page) => {
    const h = createHash('sha256').update(GALLEY_VERSION).update(JSON.stringify(settings));
    // The page, then every page its continued stories come from (jumps may chain, never loop).
    const seen = new Set<number>();
    const visit = (p: EditionPage) => {
      if (seen.has(p.index)) return;
      seen.add(p.index);
      h.update(ownHashes[p.index]!);
      for (const s of p.stories) {
        const origin = s.continuedFrom && byLabel.get(s.continuedFrom);
        if (origin) visit(origin);
      }
    };
    visit(page);
    return h.digest('hex').slice(0, 32);
  });
}

function readVersion(): string {
  try {
    // Two levels up from src/edition and from dist/edition alike.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
