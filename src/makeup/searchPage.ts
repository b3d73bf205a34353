/**
 * The packing search: fills the page's free grid cells with story modules, in the way a desk
 * works a page: always at the highest free place, leftmost (the cell every module must start
 * from, so each module is a rectangle sitting flush under what is above it), choosing which of
 * the next few stories by rank goes there, how wide, in which shape and how deep. Depth-first,
 * in a fixed order, with a budget of nodes: the same page always gives the same plans. Complete
 * plans (every cell filled) are scored (scorePlan.ts) and the best few kept as variants.
 * Stories the page has no room for are held, never dropped; a page that cannot be filled at all
 * gives its best partial plan, with the unfilled cells in its score.
 */
import {
  contentDepth,
  HOLE_LINES,
  type Settled,
  type StoryMeasurer,
  type StoryShape,
} from './StoryMeasurer.js';
import { type PlanDraft, scorePlan, WEIGHTS } from './scorePlan.js';
import type { GridRect, MakeupStory } from './types.js';

export interface SearchInput {
  columns: number;
  lines: number;
  stories: readonly MakeupStory[];
  /** Cells already taken: ads and hand-placed modules. */
  taken: readonly GridRect[];
  measurer: StoryMeasurer;
  /** How many plans to return, best first. */
  variants: number;
  /** Search nodes before the search stops with what it has (bounds time on hard pages). */
  budget?: number;
}

export interface SearchResult {
  /** Best first: complete plans that fill; else the one that came nearest (its score says why). */
  plans: PlanDraft[];
  /**
   * The best plan that leaves white (cells no module covers, which a house ad can take) without
   * blowing a photo up below 150 ppi: where to look for the white when the best plan fills only
   * with holes (modules short of their feet, which no ad can take) or with a coarse photo.
   */
  open?: PlanDraft;
}

export interface DraftModule {
  story: number;
  rect: GridRect;
  shape: StoryShape;
  jumps: boolean;
  /** What the real layout made of it (hand-placed modules have none). */
  settled?: Settled;
}

/** Which of the next unplaced stories by rank may take the next free place. */
const RANK_WINDOW = 3;
const DEFAULT_BUDGET = 40_000;
/** A module shallower than this would be all head: a place that leaves less below is not used. */
const MIN_MODULE_LINES = 8;

export function searchPage(input: SearchInput): SearchResult {
  const { columns: C, lines: L, stories, measurer } = input;
  const grid = new Uint8Array(C * L);
  for (const r of input.taken) mark(grid, C, r, 1);
  const fixedStories = stories.map((s) => !!s.fixed);
  const movable = stories.map((_, i) => i).filter((i) => !fixedStories[i]);
  const placed: DraftModule[] = [];
  const used = new Uint8Array(stories.length);
  const best: { draft: PlanDraft; key: string }[] = [];
  let partial: PlanDraft | undefined;
  let open: PlanDraft | undefined;
  let nodes = 0;
  const budget = input.budget ?? DEFAULT_BUDGET;
  // The page's lead: its first story that is not the continuation of one from another page.
  const lead = Math.max(
    0,
    stories.findIndex((st) => !st.continuedFrom),
  );
  const leadFixed = stories[lead]?.fixed !== undefined;
  // A plan without the lead is the last resort: a desk places the lead and reports its white or
  // overset before it holds the lead and gives its page to a story that ranks below it. So is one
  // without a continuation: its first part is already in print, and the rest must follow it.
  const mustPlace = stories.flatMap((st, s) =>
    st.continuedFrom || (s === lead && !st.continuedFrom) ? [s] : [],
  );
  const leadOut = () => mustPlace.some((s) => !used[s]);
  let withoutLead: PlanDraft | undefined;
  // Hand-placed stories are part of every plan, in the shape their module takes.
  for (const [s, story] of stories.entries()) {
    if (!story.fixed) continue;
    used[s] = 1;
    const shape = measurer.shapes(s, story.fixed.columns)[0];
    if (shape) placed.push({ story: s, rect: story.fixed, shape, jumps: !!story.jump });
  }

  // Modules the real layout could not fill: never offered again.
  const refused = new Set<string>();
  let fallback: PlanDraft | undefined;
  const record = (unfilled: number) => {
    const draft = scorePlan(
      { columns: C, lines: L, stories, modules: [...placed], unfilled, taken: input.taken },
      used,
    );
    if (leadOut()) {
      if (!withoutLead || draft.total < withoutLead.total) withoutLead = draft;
      return;
    }
    if (unfilled > 0) {
      if (!partial || draft.total < partial.total) partial = draft;
      if (!draft.score['low-res'] && (!open || draft.total < open.total)) open = draft;
      return;
    }
    // A complete plan is laid out for real, module by module (each settled once, then kept).
    let holes = 0;
    let overset = 0;
    const modules = placed.map((m) => {
      if (stories[m.story]!.fixed) return m;
      const settled = measurer.settle(m.story, m.rect, m.shape);
      if (settled.hole >= HOLE_LINES || settled.overset > 0) {
        refused.add(refusalKey(m.story, m.rect, m.shape));
        holes += Math.max(0, settled.hole);
        overset += settled.overset;
      }
      return { ...m, settled };
    });
    const score = { ...draft.score, holes: holes * WEIGHTS.hole, overset: overset * WEIGHTS.overset };
    const settledDraft = {
      ...draft,
      modules,
      score,
      total: Math.round((draft.total + score.holes + score.overset) * 10) / 10,
    };
    // Holes or overset: a last resort. (A photo blown up past the press's resolution is only
    // scored: as a last resort too, it cost the pagination bench a held story and no fewer pages.)
    if (holes > 0 || overset > 0) {
      if (!fallback || settledDraft.total < fallback.total) fallback = settledDraft;
      return;
    }
    const key = placed
      .map((m) => `${m.story}:${m.rect.column},${m.rect.top},${m.rect.columns},${m.rect.depth}`)
      .sort()
      .join(' ');
    if (best.some((b) => b.key === key)) return;
    best.push({ draft: settledDraft, key });
    best.sort((a, b) => a.draft.total - b.draft.total);
    if (best.length > input.variants) best.pop();
  };

  // The most grid cells each story can fill (a story that may jump fills any depth); what is left
  // free must not exceed what the stories not yet placed can fill, or the branch cannot close.
  // Only the widths a story allows: shapes at other widths are never placed (and each costs a layout).
  const maxArea = stories.map((story, s) => {
    let most = 0;
    for (let w = story.minColumns; w <= Math.min(story.maxColumns, C); w++)
      for (const shape of measurer.shapes(s, w)) {
        if (shape.jump) return Number.POSITIVE_INFINITY;
        if (shape.fill) most = Math.max(most, w * (shape.fill.max + 1));
      }
    return most;
  });
  // The shallowest module any story can make (its content depth, plus the hairline above it).
  const minDepth = stories.map((story, s) => {
    let least = Number.POSITIVE_INFINITY;
    for (let w = story.minColumns; w <= Math.min(story.maxColumns, C); w++)
      for (const shape of measurer.shapes(s, w)) {
        const d = Math.min(
          shape.fill?.min ?? Number.POSITIVE_INFINITY,
          shape.jump?.min ?? Number.POSITIVE_INFINITY,
        );
        least = Math.min(least, d + 1);
      }
    return least;
  });
  const shallowest = () => {
    let least = Number.POSITIVE_INFINITY;
    for (const s of movable) if (!used[s]) least = Math.min(least, minDepth[s]!);
    return least;
  };
  /** Free lines under a module in each of its columns: each must be none, or room for some story. */
  const leavesSliver = (rect: GridRect, least: number) => {
    const below = rect.top + rect.depth;
    for (let x = rect.column; x < rect.column + rect.columns; x++) {
      let y = below;
      while (y < L && grid[y * C + x] === 0) y++;
      if (y > below && y - below < least) return true;
    }
    return false;
  };
  let free = countFree(grid);
  const material = () => {
    let sum = 0;
    for (const s of movable) if (!used[s]) sum += maxArea[s]!;
    return sum;
  };

  const step = (): void => {
    if (++nodes > budget) return;
    // Branch and bound: a partial plan already dearer than the worst kept complete one is dropped.
    if (best.length >= input.variants) {
      const partialScore = scorePlan(
        { columns: C, lines: L, stories, modules: placed, unfilled: 0, taken: input.taken },
        used,
        true,
      ).total;
      if (partialScore >= best[best.length - 1]!.draft.total) return;
    }
    const cell = firstFree(grid, C, L);
    if (cell < 0) {
      record(0);
      return;
    }
    const x0 = cell % C;
    const y0 = (cell - x0) / C;
    // The lead opens the page at the top (unless a hand-placed lead stands elsewhere).
    // A continuation above does not count: its first part is in print, the lead goes under it.
    if (!leadFixed && !used[lead] && y0 > 0 && placed.some((m) => !stories[m.story]!.continuedFrom)) {
      record(countFree(grid));
      return;
    }
    let gap = 0;
    while (x0 + gap < C && grid[y0 * C + x0 + gap] === 0) gap++;
    const candidates: number[] = [];
    for (const s of movable) {
      if (used[s]) continue;
      candidates.push(s);
      if (candidates.length >= RANK_WINDOW) break;
    }
    let any = false;
    for (const s of candidates) {
      const story = stories[s]!;
      const widest = Math.min(story.maxColumns, gap);
      for (let w = widest; w >= story.minColumns; w--) {
        const down = freeDown(grid, C, L, x0, y0, w);
        // What another story could fill under this one, in the same columns.
        const under = candidates.flatMap((o) =>
          o === s ? [] : measurer.shapes(o, w).flatMap((sh) => (sh.fill ? [sh.fill] : [])),
        );
        for (const shape of measurer.shapes(s, w)) {
          for (const { depth, jumps } of depthsToTry(shape, y0, down, grid, C, L, x0, w, under)) {
            const rect = { column: x0, columns: w, top: y0, depth };
            if (refused.has(refusalKey(s, rect, shape))) continue;
            any = true;
            mark(grid, C, rect, 1);
            used[s] = 1;
            free -= w * depth;
            placed.push({ story: s, rect, shape, jumps });
            if ((free === 0 || free <= material()) && !leavesSliver(rect, shallowest())) step();
            // A branch that cannot close is still the best partial plan when none closes.
            else record(free);
            placed.pop();
            free += w * depth;
            used[s] = 0;
            mark(grid, C, rect, 0);
            if (nodes > budget) return;
          }
        }
      }
    }
    if (!any) record(countFree(grid));
  };
  step();
  const out = best.map((b) => b.draft);
  // Nothing filled: the best plan that came nearest, white or overset and all (its score says so).
  if (out.length === 0 && fallback) out.push(fallback);
  if (out.length === 0 && partial) out.push(partial);
  if (out.length === 0 && withoutLead) out.push(withoutLead);
  return { plans: out, ...(open && { open }) };
}

export function refusalKey(story: number, rect: GridRect, shape: StoryShape): string {
  return `${story}|${rect.columns}|${contentDepth(rect)}|${rect.top > 0}|${shape.photo}|${shape.quote}`;
}

/**
 * Depths worth trying for a shape at (x0, y0): down to the floor of the free space first (the
 * module closes its columns), then depths that end level with a neighbouring column's free space
 * or module (rows line up), then the shape's own extremes, then depths that leave below just what
 * another story can fill at this width (`under`: their content depths); never one that leaves a
 * sliver below.
 */
function depthsToTry(
  shape: StoryShape,
  y0: number,
  down: number,
  grid: Uint8Array,
  C: number,
  L: number,
  x0: number,
  w: number,
  under: readonly { min: number; max: number }[] = [],
): { depth: number; jumps: boolean }[] {
  const hairline = y0 > 0 ? 1 : 0;
  const levels = new Set<number>([down]);
  for (let c = 0; c < C; c++) {
    if (c >= x0 && c < x0 + w) continue;
    let y = y0;
    while (y < L && grid[y * C + c] === 0) y++;
    if (y > y0) levels.add(y - y0);
    // The bottom of the module beside: where its free space below begins.
    let z = y0;
    while (z < L && grid[z * C + c] === 1) z++;
    if (z > y0 && z < L) levels.add(z - y0);
  }
  const out: { depth: number; jumps: boolean }[] = [];
  const seen = new Set<number>();
  const add = (depth: number, jumps: boolean) => {
    if (depth < 1 || depth > down || seen.has(depth)) return;
    if (down - depth !== 0 && down - depth < MIN_MODULE_LINES) return;
    seen.add(depth);
    out.push({ depth, jumps });
  };
  const within = (d: number, r?: { min: number; max: number }) =>
    r !== undefined && d - hairline >= r.min && d - hairline <= r.max;
  const sorted = [...levels].sort((a, b) => b - a);
  for (const d of sorted) if (within(d, shape.fill)) add(d, false);
  for (const d of sorted) if (within(d, shape.jump) && !within(d, shape.fill)) add(d, true);
  if (shape.fill) {
    add(shape.fill.min + hairline, false);
    add(shape.fill.max + hairline, false);
  }
  if (shape.jump) add(shape.jump.max + hairline, true);
  // The module below has a hairline above it: it takes its content depth plus one.
  for (const r of under)
    for (const left of [r.max + 1, r.min + 1]) {
      const d = down - left;
      if (within(d, shape.fill)) add(d, false);
      else if (within(d, shape.jump)) add(d, true);
    }
  return out;
}

function mark(grid: Uint8Array, C: number, r: GridRect, v: 0 | 1): void {
  for (let y = r.top; y < r.top + r.depth; y++)
    for (let x = r.column; x < r.column + r.columns; x++) grid[y * C + x] = v;
}

function firstFree(grid: Uint8Array, C: number, L: number): number {
  for (let i = 0; i < C * L; i++) if (grid[i] === 0) return i;
  return -1;
}

function countFree(grid: Uint8Array): number {
  let n = 0;
  for (const v of grid) if (v === 0) n++;
  return n;
}

/** Free lines from y0 down in every one of the columns x0 .. x0+w-1. */
function freeDown(grid: Uint8Array, C: number, L: number, x0: number, y0: number, w: number): number {
  let d = 0;
  while (y0 + d < L) {
    for (let x = x0; x < x0 + w; x++) if (grid[(y0 + d) * C + x] !== 0) return d;
    d++;
  }
  return d;
}
