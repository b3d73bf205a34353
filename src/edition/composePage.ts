/**
 * One page of an edition, from plan to layout: load what it needs (articles, template, photos),
 * check the plan's modules against the grid, resolve jumps (where a continued story resumes),
 * lay it out and build its display list. A page needs only its own inputs and the pages its
 * continued stories come from, so pages can be set in any order, in parallel.
 */
import { relative } from 'node:path';
import { toDisplayPage } from '../display/toDisplayPage.js';
import type { DisplayPage } from '../display/types.js';
import type { PlanText } from '../layout/findMissingGlyphs.js';
import { rectsOverlap } from '../layout/geometry.js';
import { type AdPlan, contentTop, frameOnPage, layoutPage, type PageSpec } from '../layout/layoutPage.js';
import { layoutStory, type StoryPlan } from '../layout/layoutStory.js';
import type { ResumePoint } from '../layout/prepareBody.js';
import { frameRect, type StoryFrame } from '../layout/StoryFrame.js';
import type { LayoutMemo, TypesetContext } from '../layout/TypesetContext.js';
import type { PageLayout } from '../layout/types.js';
import { roleOf } from '../makeup/createLayoutMeasurer.js';
import { houseAdPaper } from '../makeup/houseAds.js';
import type { Article } from '../model/article.js';
import { InputError } from '../model/InputError.js';
import type { Template } from '../model/template.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition, EditionPage } from './Edition.js';
import { adDepth, makeUpPagePlan, needsMakeup, type PageMakeup } from './makeUpPagePlan.js';

export interface ComposedPage {
  page: EditionPage;
  layout: PageLayout;
  display: DisplayPage;
}

/** Jumps may chain (A1 -> A7 -> A9) but not endlessly. */
const MAX_JUMP_CHAIN = 8;

export async function composePage(
  ws: Workspace,
  edition: Edition,
  index: number,
  options: { marks?: boolean; variant?: number; variants?: number } = {},
): Promise<ComposedPage> {
  const page = edition.pages[index]!;
  const { spec, makeup } = await pageSpec(ws, edition, page, 0, options);
  const layout = layoutPage(contextFor(ws, makeup), spec);
  return { page, layout, display: toDisplayPage(layout, options) };
}

/**
 * Page makeup's plans for a page (best first), or undefined for a page placed by hand: what
 * `galley layout` prints and writes out.
 */
export async function pageMakeup(
  ws: Workspace,
  edition: Edition,
  index: number,
  variants: number,
): Promise<PageMakeup | undefined> {
  return (await pageSpec(ws, edition, edition.pages[index]!, 0, { variants })).makeup;
}

/**
 * Where the makeup just searched keeps the memo of its layouts (one page's at a time: kept for
 * every page, the breaks of every measure tried would be most of the run's memory).
 */
const FRESH_MEMO_KEY = 'fresh-makeup-memo';

/**
 * The context a page is laid out in: with the memo of the makeup just made for it, whose settled
 * modules are the page's (a pure cache: the page is the same without it), used once.
 */
function contextFor(ws: Workspace, makeup: PageMakeup | undefined): TypesetContext {
  const fresh = ws.memo.get(FRESH_MEMO_KEY) as { makeup: PageMakeup; memo: LayoutMemo } | undefined;
  if (!makeup || fresh?.makeup !== makeup) return ws.ctx;
  ws.memo.delete(FRESH_MEMO_KEY);
  return { ...ws.ctx, memo: fresh.memo };
}

/** The page's plan: its PageSpec, and the StoryPlan of each of the page plan's stories that is set. */
interface ResolvedPage {
  spec: PageSpec;
  plans: Map<number, StoryPlan>;
  makeup?: PageMakeup;
}

async function pageSpec(
  ws: Workspace,
  edition: Edition,
  page: EditionPage,
  depth = 0,
  options: { variant?: number; variants?: number } = {},
): Promise<ResolvedPage> {
  const t = templateFor(ws, edition, page);
  ws.checkPlanGlyphs(edition.file, planTexts(edition, page, t), t);
  if (needsMakeup(page)) return madeUpSpec(ws, edition, page, t, depth, options);
  const lines = t.gridLines - contentTop(t, page.front);
  const frames: { frame: StoryFrame; field: string }[] = [];
  const checkFrame = (
    m: { column: number; columns: number; top: number; depth?: number | undefined },
    field: string,
  ): StoryFrame => {
    const frame = { column: m.column - 1, columns: m.columns, top: m.top, depth: m.depth ?? lines - m.top };
    const fail = (what: string, reason: string) => {
      throw new InputError(edition.file, `${field}.${what}`, reason);
    };
    if (frame.column + frame.columns > t.columns) {
      if (!page.field) throw new InputError('', '--columns', `template "${t.name}" has ${t.columns} columns`);
      fail(
        'columns',
        `columns ${m.column} to ${m.column + m.columns - 1} do not exist: template "${t.name}" has ${t.columns}`,
      );
    }
    if (frame.top >= lines)
      fail(
        'top',
        `grid line ${m.top} is below the page: ${lines} grid lines under the ${page.front ? 'flag' : 'folio'}`,
      );
    if (frame.top + frame.depth > lines)
      fail('depth', `${frame.depth} grid lines from line ${m.top} go past the bottom (${lines} lines)`);
    for (const other of frames) {
      if (rectsOverlap(frameRect(t, frame), frameRect(t, other.frame)))
        fail('column', `overlaps ${other.field}`);
    }
    frames.push({ frame, field });
    return frame;
  };

  const stories: StoryPlan[] = [];
  const plans = new Map<number, StoryPlan>();
  for (const [i, s] of page.stories.entries()) {
    const field = `${page.field}.stories[${i}]`;
    if (s.columns === undefined)
      throw new InputError(edition.file, `${field}.columns`, 'required with column');
    const frame = checkFrame({ ...s, column: s.column!, columns: s.columns, top: s.top ?? 0 }, field);
    const article = ws.article(s.articlePath, shown(s.articlePath), edition.allowRoots);
    ws.checkGlyphs(article, t);
    if (s.photos && !s.continuedFrom) await ws.probePhotos(article);
    const plan: StoryPlan = {
      article,
      frame,
      role: s.role,
      headlineColumns: s.headlineColumns ?? frame.columns,
      photos: s.photos !== false && s.photos !== 'none' && s.photoDepth !== 0,
      ...(s.photoDepth !== undefined && { topPhotoLines: s.photoDepth, topPhotoColumns: frame.columns }),
      ...(s.headlineSize !== undefined && { headlineSize: s.headlineSize }),
      ...(s.pullQuote !== undefined && { pullQuotes: s.pullQuote }),
      ...(s.looseness && {
        looseness: Object.fromEntries(Object.entries(s.looseness).map(([k, v]) => [Number(k), v])),
      }),
      ...(s.continuesOn && { continuesOn: s.continuesOn }),
    };
    if (s.continuedFrom) {
      plan.continuedFrom = s.continuedFrom;
      plan.resume = await resumePoint(ws, edition, page, s.articlePath, s.continuedFrom, field, depth);
    }
    stories.push(plan);
    plans.set(i, plan);
  }
  const ads = [];
  for (const [i, ad] of page.ads.entries()) {
    const field = `${page.field}.ads[${i}]`;
    const adLines = adDepth(ad.depth, t, edition.file, `${field}.depth`);
    const frame = checkFrame(
      { ...ad, column: ad.column!, top: ad.top ?? lines - adLines, depth: adLines },
      field,
    );
    if (ad.artworkPath) await ws.probeArtwork(ad.artworkPath, edition.file, `${field}.file`);
    ads.push({ frame, label: ad.label, ...adContent(edition, t, ad.artworkPath, ad.house) });
  }
  return { spec: { info: pageInfo(edition, page, t), template: t, front: page.front, stories, ads }, plans };
}

/** The words of a page's plan and the styles that set them (front: the date bar; else the folio). */
function planTexts(edition: Edition, page: EditionPage, t: Template): PlanText[] {
  const info = pageInfo(edition, page, t);
  const folio = page.front && t.flag ? 'flagLine' : 'folio';
  return [
    { field: `${page.field}.label`, text: info.label, style: folio },
    { field: page.field.replace(/\.pages\[\d+\]$/, '.name'), text: info.section, style: folio },
    { field: 'name', text: info.edition, style: folio },
    { field: 'newspaper', text: info.newspaper, style: folio },
    ...page.ads.map((ad, i) => ({
      field: `${page.field}.ads[${i}].label`,
      text: ad.label ?? '',
      style: 'adLabel' as const,
    })),
  ];
}

/** What fills an ad's box: its artwork, or for a house ad without one, the paper's name typeset. */
function adContent(
  edition: Edition,
  t: Template,
  artwork: string | undefined,
  house: boolean | undefined,
): Pick<AdPlan, 'source' | 'house'> {
  if (artwork) return { source: artwork };
  if (house)
    return { house: { newspaper: houseAdPaper(edition.newspaper, t.folio.newspaper, edition.name) } };
  return {};
}

function pageInfo(edition: Edition, page: EditionPage, t: Template): PageSpec['info'] {
  return {
    label: page.label,
    section: page.section,
    date: edition.date,
    edition: edition.name,
    newspaper: edition.newspaper ?? t.folio.newspaper ?? '',
  };
}

/**
 * A page left (partly) to makeup: the stories loaded and their photos probed, continued stories'
 * resume points found, makeup run once per page and run (kept in the workspace memo), and the
 * chosen plan's modules turned into story plans.
 */
async function madeUpSpec(
  ws: Workspace,
  edition: Edition,
  page: EditionPage,
  t: Template,
  depth: number,
  options: { variant?: number; variants?: number },
): Promise<ResolvedPage> {
  const articles: Article[] = [];
  const resumes = new Map<number, ResumePoint>();
  const continued: number[] = [];
  for (const [i, s] of page.stories.entries()) {
    const field = `${page.field}.stories[${i}]`;
    if (s.column !== undefined && s.columns === undefined)
      throw new InputError(edition.file, `${field}.columns`, 'required with column');
    const article = ws.article(s.articlePath, shown(s.articlePath), edition.allowRoots);
    ws.checkGlyphs(article, t);
    articles.push(article);
    if (s.photos !== false && s.photos !== 'none' && !s.continuedFrom) await ws.probePhotos(article);
    if (s.continuedFrom) {
      const point = await resumePoint(ws, edition, page, s.articlePath, s.continuedFrom, field, depth);
      resumes.set(i, point);
      // All of it was set on the first page: nothing to continue here.
      if (point.block >= article.body.length) continued.push(i);
    }
  }
  for (const [i, ad] of page.ads.entries())
    if (ad.artworkPath) await ws.probeArtwork(ad.artworkPath, edition.file, `${page.field}.ads[${i}].file`);
  const variants = Math.max(1, options.variants ?? 1, (options.variant ?? 0) + 1);
  const key = makeupMemoKey(edition.file, page.label, variants);
  let makeup = ws.memo.get(key) as PageMakeup | undefined;
  if (!makeup) {
    // A story with nothing left to continue takes no room on its jump page.
    const kept = page.stories.map((_, i) => i).filter((i) => !continued.includes(i));
    const sub = { ...page, stories: kept.map((i) => page.stories[i]!) };
    const made = makeUpPagePlan(
      ws,
      edition,
      sub,
      t,
      kept.map((i) => articles[i]!),
      new Map(kept.flatMap((i, k) => (resumes.has(i) ? [[k, resumes.get(i)!] as const] : []))),
      variants,
    );
    // Back to the page plan's own story indices.
    makeup = {
      ...made,
      plans: made.plans.map((p) => ({
        ...p,
        stories: p.stories.map((m) => ({ ...m, story: kept[m.story]! })),
        held: p.held.map((h) => ({ ...h, story: kept[h.story]! })),
      })),
      stories: page.stories.map((_, i) => {
        const k = kept.indexOf(i);
        return k >= 0 ? made.stories[k]! : { ...made.stories[0]!, article: articles[i]!, rank: i };
      }),
    };
    ws.memo.set(key, makeup);
    ws.memo.set(FRESH_MEMO_KEY, { makeup, memo: made.layoutMemo });
  }
  const plan = makeup.plans[Math.min(options.variant ?? 0, makeup.plans.length - 1)]!;
  const stories: StoryPlan[] = [];
  const plans = new Map<number, StoryPlan>();
  for (const m of plan.stories) {
    const s = page.stories[m.story]!;
    const story = makeup.stories[m.story]!;
    const c = m.choice;
    const choices = c.asPlaced
      ? { photos: story.photos !== 'none' }
      : {
          photos: c.photoLines !== undefined,
          headlineSize: c.headlineSize,
          topPhotoLines: c.photoLines ?? 0,
          topPhotoColumns: m.rect.columns,
          pullQuotes: c.quote,
          ...(c.looseness && { looseness: c.looseness }),
        };
    const storyPlan: StoryPlan = {
      article: articles[m.story]!,
      frame: m.rect,
      role: roleOf(story),
      headlineColumns: m.rect.columns,
      ...choices,
      ...(c.jumps && story.jump && { continuesOn: story.jump }),
      ...(s.continuedFrom && { continuedFrom: s.continuedFrom }),
      ...(resumes.has(m.story) && { resume: resumes.get(m.story)! }),
    };
    stories.push(storyPlan);
    plans.set(m.story, storyPlan);
  }
  // House ads makeup added come after the page's own ads.
  const ads = plan.ads.map(({ ad, rect }) => ({
    frame: rect,
    label: makeup.ads[ad]!.label,
    ...adContent(edition, t, page.ads[ad]?.artworkPath, makeup.ads[ad]!.house),
  }));
  const notes = plan.ads.flatMap(({ ad, rect }) =>
    ad >= page.ads.length
      ? [
          `house ad ${rect.columns} col x ${rect.depth} lines at column ${rect.column + 1}, line ${rect.top}: white the stories leave`,
        ]
      : [],
  );
  const held = plan.held.map((h) => ({
    article: shown(page.stories[h.story]!.articlePath),
    headline: articles[h.story]!.headline,
    reason: h.reason,
  }));
  return {
    spec: {
      info: pageInfo(edition, page, t),
      template: t,
      front: page.front,
      stories,
      ads,
      ...(held.length && { held }),
      ...(notes.length && { notes }),
      makeup: { score: plan.score, total: plan.total },
    },
    plans,
    makeup,
  };
}

/** Where a story continued from page `from` resumes: lay out its part there and see where it stopped. */
async function resumePoint(
  ws: Workspace,
  edition: Edition,
  page: EditionPage,
  articlePath: string,
  from: string,
  field: string,
  depth: number,
): Promise<ResumePoint> {
  // Every page a story jumps to asks where it resumes; lay the first part out once per run.
  const key = `resume|${edition.file}|${from}|${page.label}|${articlePath}`;
  const known = ws.memo.get(key) as ResumePoint | undefined;
  if (known) return known;
  const origin = edition.pages.find((p) => p.label === from)!;
  const index = origin.stories.findIndex(
    (s) => s.articlePath === articlePath && (s.continuesOn === page.label || s.jump === page.label),
  );
  const fail = (reason: string) => new InputError(edition.file, `${field}.continuedFrom`, reason);
  if (index < 0)
    throw fail(`page ${from} has no story from ${shown(articlePath)} with continuesOn "${page.label}"`);
  if (depth >= MAX_JUMP_CHAIN) throw fail(`jumps chain through more than ${MAX_JUMP_CHAIN} pages`);
  const { spec, plans } = await pageSpec(ws, edition, origin, depth + 1);
  const t = spec.template;
  const plan = plans.get(index);
  const article = ws.article(articlePath, shown(articlePath), edition.allowRoots);
  // Held on its first page: the whole story is set here. Not jumped there: nothing is left.
  const point = !plan
    ? { block: 0, word: 0 }
    : !plan.continuesOn
      ? { block: article.body.length, word: 0 }
      : (layoutStory(ws.ctx, t, { ...plan, frame: frameOnPage(t, spec.front, plan.frame) }).resume ?? {
          block: article.body.length,
          word: 0,
        });
  ws.memo.set(key, point);
  return point;
}

function templateFor(ws: Workspace, edition: Edition, page: EditionPage): Template {
  try {
    return ws.template(page.template);
  } catch (e) {
    if (e instanceof InputError && e.file === '') {
      throw page.field
        ? new InputError(edition.file, `${page.field}.template`, e.reason)
        : new InputError('', '--template', e.reason);
    }
    throw e;
  }
}

/**
 * Where a page's makeup is kept in the workspace memo for the run: pagination replaces it while
 * it tries a page's trials, and keeps the one it chose there for the pages that jump from it.
 */
export function makeupMemoKey(editionFile: string, label: string, variants: number): string {
  return `makeup|${editionFile}|${label}|${variants}`;
}

/** A path as messages show it: relative to the current folder. */
export function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
