/**
 * One page of an edition, from plan to layout: load what it needs (articles, template, photos),
 * check the plan's modules against the grid, resolve jumps (where a continued story resumes),
 * lay it out and build its display list. A page needs only its own inputs and the pages its
 * continued stories come from, so pages can be set in any order, in parallel.
 */
import { relative } from 'node:path';
import { toDisplayPage } from '../display/toDisplayPage.js';
import type { DisplayPage } from '../display/types.js';
import { rectsOverlap } from '../layout/geometry.js';
import { contentTop, frameOnPage, layoutPage, type PageSpec } from '../layout/layoutPage.js';
import { layoutStory, type StoryPlan } from '../layout/layoutStory.js';
import type { ResumePoint } from '../layout/prepareBody.js';
import { frameRect, type StoryFrame } from '../layout/StoryFrame.js';
import type { PageLayout } from '../layout/types.js';
import { InputError } from '../model/InputError.js';
import type { Template } from '../model/template.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition, EditionPage } from './Edition.js';

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
  options: { marks?: boolean } = {},
): Promise<ComposedPage> {
  const page = edition.pages[index]!;
  const spec = await pageSpec(ws, edition, page);
  const layout = layoutPage(ws.ctx, spec);
  return { page, layout, display: toDisplayPage(layout, options) };
}

async function pageSpec(ws: Workspace, edition: Edition, page: EditionPage, depth = 0): Promise<PageSpec> {
  const t = templateFor(ws, edition, page);
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
  for (const [i, s] of page.stories.entries()) {
    const field = `${page.field}.stories[${i}]`;
    const frame = checkFrame(s, field);
    const article = ws.article(s.articlePath, shown(s.articlePath), edition.allowRoots);
    if (s.photos && !s.continuedFrom) await ws.probePhotos(article);
    const plan: StoryPlan = {
      article,
      frame,
      role: s.role,
      headlineColumns: s.headlineColumns ?? frame.columns,
      photos: s.photos,
      ...(s.continuesOn && { continuesOn: s.continuesOn }),
    };
    if (s.continuedFrom) {
      plan.continuedFrom = s.continuedFrom;
      plan.resume = await resumePoint(ws, edition, page, s.articlePath, s.continuedFrom, field, depth);
    }
    stories.push(plan);
  }
  const ads = [];
  for (const [i, ad] of page.ads.entries()) {
    const field = `${page.field}.ads[${i}]`;
    const frame = checkFrame(ad, field);
    if (ad.artworkPath) await ws.probeArtwork(ad.artworkPath, edition.file, `${field}.file`);
    ads.push({ frame, label: ad.label, ...(ad.artworkPath && { source: ad.artworkPath }) });
  }
  return {
    info: {
      label: page.label,
      section: page.section,
      date: edition.date,
      edition: edition.name,
      newspaper: edition.newspaper ?? t.folio.newspaper ?? '',
    },
    template: t,
    front: page.front,
    stories,
    ads,
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
    (s) => s.articlePath === articlePath && s.continuesOn === page.label,
  );
  const fail = (reason: string) => new InputError(edition.file, `${field}.continuedFrom`, reason);
  if (index < 0)
    throw fail(`page ${from} has no story from ${shown(articlePath)} with continuesOn "${page.label}"`);
  if (depth >= MAX_JUMP_CHAIN) throw fail(`jumps chain through more than ${MAX_JUMP_CHAIN} pages`);
  const spec = await pageSpec(ws, edition, origin, depth + 1);
  const t = spec.template;
  const plan = spec.stories[index]!;
  const layout = layoutStory(ws.ctx, t, { ...plan, frame: frameOnPage(t, spec.front, plan.frame) });
  const point = layout.resume ?? { block: plan.article.body.length, word: 0 };
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

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
