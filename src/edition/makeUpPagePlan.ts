/**
 * A page plan with stories or ads left unplaced, made up: the page's stories (in the plan's
 * order, the first its lead) and ads turned into makeup input, page makeup run over the real
 * layout, and the chosen plan turned back into story modules. Kept per page for the run, since a
 * jump page asks its origin page where a story resumes.
 */
import { contentTop } from '../layout/layoutPage.js';
import type { ResumePoint } from '../layout/prepareBody.js';
import type { LayoutMemo } from '../layout/TypesetContext.js';
import {
  createLayoutMeasurer,
  createMeasureCache,
  type MeasureCache,
} from '../makeup/createLayoutMeasurer.js';
import { HOUSE_ADS, houseAdGap, houseAdLabel, houseAdPaper } from '../makeup/houseAds.js';
import { makeUpPage } from '../makeup/makeUpPage.js';
import type { GridRect, MakeupAd, MakeupStory, PagePlan, PhotoRule } from '../makeup/types.js';
import type { Article } from '../model/article.js';
import { InputError } from '../model/InputError.js';
import type { Template } from '../model/template.js';
import { parseLength } from '../model/units.js';
import type { Workspace } from './createWorkspace.js';
import type { Edition, EditionPage } from './Edition.js';

export interface PageMakeup {
  stories: MakeupStory[];
  ads: MakeupAd[];
  plans: PagePlan[];
}

/** A page's makeup with the memo its search filled: the breaks of the modules it settled. */
export interface FreshMakeup extends PageMakeup {
  layoutMemo: LayoutMemo;
}

/**
 * The run's measurements of stories set in template `t` (kept in the workspace's memo, so watch
 * mode forgets them with the files): pagination's trials and the pages set afterwards measure the
 * same stories at the same widths.
 */
export function measureCacheOf(ws: Workspace, t: Template): MeasureCache {
  const key = `measure-cache|${t.file}`;
  let cache = ws.memo.get(key) as MeasureCache | undefined;
  if (!cache) {
    cache = createMeasureCache();
    ws.memo.set(key, cache);
  }
  return cache;
}

/** Whether a page plan leaves anything for makeup to place. */
export function needsMakeup(page: EditionPage): boolean {
  return page.stories.some((s) => s.column === undefined) || page.ads.some((a) => a.column === undefined);
}

export function makeUpPagePlan(
  ws: Workspace,
  edition: Edition,
  page: EditionPage,
  t: Template,
  articles: readonly Article[],
  resumes: ReadonlyMap<number, ResumePoint>,
  variants = 1,
): FreshMakeup {
  const lines = t.gridLines - contentTop(t, page.front);
  const where = (i: number, what: 'stories' | 'ads') => `${page.field}.${what}[${i}]`;
  const stories: MakeupStory[] = page.stories.map((s, i) => {
    const field = where(i, 'stories');
    const maxColumns = Math.min(s.maxColumns ?? s.columns ?? t.columns, t.columns);
    const wanted = s.maxColumns ?? s.columns;
    if (wanted !== undefined && wanted > t.columns) {
      if (!page.field) throw new InputError('', '--columns', `template "${t.name}" has ${t.columns} columns`);
      throw new InputError(
        edition.file,
        `${field}.${s.maxColumns ? 'maxColumns' : 'columns'}`,
        `template "${t.name}" has ${t.columns} columns`,
      );
    }
    const brief = s.brief || s.role === 'brief';
    // A lone article proofed with `galley render` fills its page only across it (nothing else is
    // there to fill beside it): narrower modules are not worth a layout each.
    const lone = !page.field && page.stories.length === 1 && page.ads.length === 0;
    const minColumns = lone ? maxColumns : Math.min(s.minColumns ?? s.columns ?? 1, maxColumns);
    const resume = resumes.get(i);
    return {
      article: articles[i]!,
      field: field || articles[i]!.file,
      rank: i,
      minColumns,
      maxColumns,
      photos: photoRule(s.photos, brief),
      brief,
      ...(s.jump && { jump: s.jump }),
      ...(s.continuesOn && s.column === undefined && { jump: s.continuesOn }),
      ...(s.continuedFrom && { continuedFrom: s.continuedFrom }),
      ...(resume && { resume }),
      ...(s.column !== undefined && {
        fixed: {
          column: s.column - 1,
          columns: s.columns ?? 1,
          top: s.top ?? 0,
          depth: s.depth ?? lines - (s.top ?? 0),
        },
      }),
    };
  });
  const ads: MakeupAd[] = page.ads.map((a, i) => ({
    field: where(i, 'ads'),
    columns: a.columns,
    depth: adDepth(a.depth, t, edition.file, `${where(i, 'ads')}.depth`),
    label: a.label,
    ...(a.house && { house: true }),
    ...(a.column !== undefined && {
      at: { column: a.column - 1, top: a.top ?? lines - adDepth(a.depth, t, edition.file, '') },
    }),
  }));
  const measurer = createLayoutMeasurer(ws.ctx, t, page.front, stories, measureCacheOf(ws, t));
  const makeUp = (withAds: readonly MakeupAd[]) =>
    makeUpPage({
      columns: t.columns,
      lines,
      rightHand: page.index % 2 === 0,
      stories,
      ads: withAds,
      measurer,
      variants,
    });
  let result = makeUp(ads);
  const refused = result.refusedAds[0];
  if (refused !== undefined) {
    const ad = ads[refused]!;
    throw new InputError(
      edition.file,
      ad.field,
      `a ${ad.columns}-column ad ${ad.depth} grid lines deep does not fit ${ad.at ? 'where it is booked' : 'on the page'} (${t.columns} columns x ${lines} lines, after the other ads and fixed modules)`,
    );
  }
  // White the stories cannot fill (a story held, too little copy): a house ad takes the largest
  // white rectangle and the page is made up again around it, as a desk does at deadline. Where
  // the plan ends its modules short of their feet (holes no ad can take) or blows a photo up below
  // 150 ppi, the white is looked for in the plan that leaves it uncovered instead. A second round
  // may deepen the first ad or add one; of the page without house ads and after each round, the
  // best score wins. Not for a lone article proofed with `galley render`.
  let houseAds: MakeupAd[] = [];
  if (page.field && page.houseAds) {
    let tried = { result, house: houseAds };
    for (let round = 0; round < HOUSE_ADS; round++) {
      const last = tried.result.plans[0]!;
      const lastResort = !!last.score.holes || !!last.score['low-res'];
      if (!last.score.unfilled && !lastResort) break;
      const open = lastResort ? tried.result.open : last;
      if (!open) break;
      const found = houseAdGap(t.columns, lines, [
        ...open.stories.map((m) => m.rect),
        ...open.ads.map((a) => a.rect),
      ]);
      if (!found) break;
      // White that runs on from a house ad already placed (above or below it, as wide) makes that
      // ad deeper: one frame, not a stack of two.
      const joined = tried.house.find((a) => joinsBelowOrAbove(a, found));
      const gap = joined?.at
        ? { ...found, top: Math.min(found.top, joined.at.top), depth: found.depth + joined.depth }
        : found;
      const house = [
        ...tried.house.filter((a) => a !== joined),
        {
          field: `${page.field}.houseAds[${round}]`,
          columns: gap.columns,
          depth: gap.depth,
          at: { column: gap.column, top: gap.top },
          label: houseAdLabel(houseAdPaper(edition.newspaper, t.folio.newspaper, edition.name)),
          house: true,
        },
      ];
      const next = makeUp([...ads, ...house]);
      if (next.refusedAds.length > 0 || next.plans[0]!.held.length > last.held.length) break;
      tried = { result: next, house };
      if (next.plans[0]!.total < result.plans[0]!.total) {
        result = next;
        houseAds = house;
      }
    }
  }
  ads.push(...houseAds);
  // A lone article proofed with `galley render` that no module fills (too short, far too long) is
  // set across the page as a hand-placed lead, as before makeup: its white or overset reported,
  // its photos all set (and a bad one named).
  const first = result.plans[0]!;
  const fills =
    first.stories.length > 0 && !first.score.unfilled && !first.score.holes && !first.score.overset;
  if (!page.field && stories.length === 1 && !fills) {
    first.stories.length = 0;
    const story = stories[0]!;
    const rect = { column: 0, columns: story.maxColumns, top: 0, depth: lines };
    first.stories.push({
      story: 0,
      rect,
      choice: {
        columns: rect.columns,
        depth: lines,
        quote: true,
        headlineSize: 0,
        jumps: false,
        asPlaced: true,
      },
    });
    first.held = [];
  }
  return { stories, ads, plans: result.plans, layoutMemo: measurer.memo };
}

/** Whether white `gap` lies right above or below house ad `ad`, across the same columns. */
function joinsBelowOrAbove(ad: MakeupAd, gap: GridRect): boolean {
  if (!ad.at || ad.at.column !== gap.column || ad.columns !== gap.columns) return false;
  return ad.at.top + ad.depth === gap.top || gap.top + gap.depth === ad.at.top;
}

function photoRule(value: boolean | PhotoRule, brief: boolean): PhotoRule {
  if (value === 'required' || value === 'none' || value === 'optional') return value;
  if (value === false || brief) return 'none';
  return 'optional';
}

/** Grid lines of an ad's booked depth: whole lines, or a length rounded up to the grid. */
export function adDepth(depth: number | string, t: Template, file: string, field: string): number {
  if (typeof depth === 'number') return depth;
  const lines = /^\s*(\d+)\s*lines?\s*$/.exec(depth);
  if (lines) return Number(lines[1]);
  const pt = parseLength(depth.replace(/\s+/g, ''));
  if (pt === undefined || pt <= 0) throw new InputError(file, field, `expected a length, got "${depth}"`);
  return Math.ceil(pt / t.baseline - 1e-6);
}

export type { GridRect };
