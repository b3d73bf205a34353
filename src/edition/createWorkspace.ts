/**
 * The input edge of a run: fonts opened once, articles and templates loaded once, photos probed
 * once, all kept for every page the run sets (an edition reuses templates and jumps re-read
 * stories). Everything after this is pure layout over the plain data it hands out.
 */
import { ImageError } from '../images/imageError.js';
import { type ProbeMemo, probeImage } from '../images/probeImage.js';
import {
  describeMissingGlyph,
  findMissingGlyphs,
  findMissingPlanGlyphs,
  findMissingTemplateGlyphs,
  type MissingGlyph,
  type PlanText,
} from '../layout/findMissingGlyphs.js';
import { createSetLinesCache } from '../layout/flowBody.js';
import { createLayoutMemo, type PhotoInfo, type TypesetContext } from '../layout/TypesetContext.js';
import type { Article } from '../model/article.js';
import { loadFontCatalog, parseFontKey } from '../model/fontCatalog.js';
import { InputError } from '../model/InputError.js';
import { loadArticle } from '../model/loadArticle.js';
import { loadTemplate } from '../model/loadTemplate.js';
import { defaultShapeStoreDir, shapeStoreAt } from '../model/shapeStore.js';
import type { Template } from '../model/template.js';
import { createFontkitShaper } from '../text/createFontkitShaper.js';
import { greedyEngines, totalFitEngines } from '../text/engines.js';
import { lazyFonts } from '../text/loadFonts.js';
import type { BreakParams, FontKey } from '../text/types.js';

export interface WorkspaceOptions {
  /** 'greedy' only for comparisons: the product sets total-fit. */
  breaker?: 'total-fit' | 'greedy';
  params?: Partial<BreakParams>;
  /** Pixel limit for photos (decompression bombs). */
  limitInputPixels?: number;
  /** Folder templates given by path are resolved against (default: the current folder). */
  baseDir?: string;
  /**
   * Print a character no font of its style has as the font's .notdef box, reported in the fit
   * report, instead of refusing the input (exit 2). Off by default: a box on the page is lost text.
   */
  allowMissingGlyphs?: boolean;
  /**
   * Folder of shaped words kept across runs (shapeStore.ts); default `defaultShapeStoreDir()`,
   * false for none.
   */
  shapeStoreDir?: string | false;
  /** Photo headers read before (the photo cache's), so that probing a known photo needs no sharp. */
  probes?: ProbeMemo;
  /**
   * Keep layouts across `forget()` (watch mode): paragraphs by their content, with their breaks at
   * every measure, and heads and captions set, so that a redraw after a save sets again only what
   * the save changed. Bounded: past KEPT_LAYOUTS entries or KEPT_HEAP of heap, the memo starts again.
   */
  keepLayouts?: boolean;
}

/** Paragraphs, heads and captions a watching workspace keeps before it starts again. */
const KEPT_LAYOUTS = 20_000;
/** ... or heap in use (bytes): every save adds the breaks of the paragraphs it changed. */
const KEPT_HEAP = 512 * 2 ** 20;

export interface Workspace {
  ctx: TypesetContext;
  fontFiles: ReadonlyMap<FontKey, string>;
  /** An article, loaded once; its photos must lie in its folder, its parent or `allowRoots`. */
  article(path: string, shownAs: string, allowRoots?: readonly string[]): Article;
  template(nameOrFile: string): Template;
  /**
   * Refuses a story with a character no font of its style can set (an InputError naming the file,
   * the field, the character and the style), unless missing glyphs are allowed: then the layout
   * sets it as a box and reports it. Checked once per story and template.
   */
  checkGlyphs(article: Article, template: Template): void;
  /** The same for the words of a page's plan (folio, date bar, ad labels), named in `file`. */
  checkPlanGlyphs(file: string, texts: readonly PlanText[], template: Template): void;
  /** Probes the photos of an article (and ad artwork) into ctx.photos; errors name the field. */
  probePhotos(article: Article): Promise<void>;
  probeArtwork(path: string, file: string, field: string): Promise<void>;
  /** Results worth keeping for the run (where a jumped story resumes), by key. */
  memo: Map<string, unknown>;
  /** Drops loaded articles, templates, photo probes and memos (watch mode: files changed); fonts stay. */
  forget(): void;
}

export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  // Galley's faces, then those of every template loaded (its fontCatalog): opened when first used.
  const fontFiles = new Map(loadFontCatalog().files);
  const storeDir = options.shapeStoreDir ?? defaultShapeStoreDir();
  const shaper = createFontkitShaper(lazyFonts(fontFiles), storeDir ? shapeStoreAt(storeDir) : undefined);
  const checked = new Set<string>();
  const refuse = (file: string, found: MissingGlyph[]) => {
    if (found.length > 0 && !options.allowMissingGlyphs)
      throw new InputError(file, found[0]!.field, describeMissingGlyph(found[0]!));
  };
  const photos = new Map<string, PhotoInfo>();
  const kept = new Map<string, unknown>();
  const keptMemo = () => createLayoutMemo(createSetLinesCache, new WeakMap(), kept);
  const ctx: TypesetContext = {
    shaper,
    engines: options.breaker === 'greedy' ? greedyEngines : totalFitEngines,
    ...(options.params && { params: options.params }),
    photos,
    ...(options.keepLayouts && { memo: keptMemo() }),
  };
  const articles = new Map<string, Article>();
  const templates = new Map<string, Template>();
  const probe = async (path: string, file: string, field: string) => {
    if (photos.has(path)) return;
    try {
      const info = await probeImage(path, {
        ...(options.limitInputPixels && { limitInputPixels: options.limitInputPixels }),
        ...(options.probes && { known: options.probes }),
      });
      photos.set(path, { width: info.width, height: info.height });
    } catch (e) {
      if (e instanceof ImageError) throw new InputError(file, field, e.message);
      throw e;
    }
  };
  return {
    ctx,
    fontFiles,
    article(path, shownAs, allowRoots) {
      let a = articles.get(path);
      if (!a) {
        a = loadArticle(path, shownAs, { ...(allowRoots && { allowRoots: [...allowRoots] }) });
        articles.set(path, a);
      }
      return a;
    },
    template(nameOrFile) {
      let t = templates.get(nameOrFile);
      if (!t) {
        t = loadTemplate(nameOrFile, options.baseDir);
        for (const [key, file] of t.fontFiles) {
          const known = fontFiles.get(key);
          if (known !== undefined && known !== file)
            throw new InputError(
              t.file,
              'fontCatalog',
              `family "${parseFontKey(key).family}" is also defined, with other files, by another template of this run`,
            );
          fontFiles.set(key, file);
        }
        refuse(t.file, findMissingTemplateGlyphs(t, shaper));
        templates.set(nameOrFile, t);
      }
      return t;
    },
    checkGlyphs(article, template) {
      const key = `${article.file}\u0000${template.file}`;
      if (checked.has(key)) return;
      refuse(article.file, findMissingGlyphs(article, template, shaper));
      checked.add(key);
    },
    checkPlanGlyphs(file, texts, template) {
      refuse(file, findMissingPlanGlyphs(texts, template, shaper));
    },
    async probePhotos(article) {
      for (const [i, photo] of article.photos.entries())
        await probe(photo.source, article.file, `images[${i}].file`);
    },
    probeArtwork: probe,
    memo: new Map(),
    forget() {
      if (options.keepLayouts && (kept.size > KEPT_LAYOUTS || process.memoryUsage().heapUsed > KEPT_HEAP)) {
        kept.clear();
        ctx.memo = keptMemo();
      }
      this.memo.clear();
      articles.clear();
      templates.clear();
      photos.clear();
      checked.clear();
    },
  };
}
