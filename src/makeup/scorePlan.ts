/**
 * A plan's score: a sum of named terms, each a design rule or a preference of the desk, so the
 * report can say why one variant beat another (docs/MAKEUP.md lists them). Lower is better.
 * - held: a story the page had no room for (the higher its rank, the dearer);
 * - unfilled: grid cells left white (only a page that could not be filled has any);
 * - prominence: a story shown larger or higher than one that outranks it;
 * - tombstones: two headlines side by side at the same height and nearly the same size;
 * - photos-touching: two photos side by side across a story boundary;
 * - jumps: a story continued on another page costs its readers;
 * - art-left-out: a story's photo (or pull quote) not used;
 * - low-res: a photo set so large it prints below 150 ppi (dearer than leaving the lead's out);
 * - slack: columns that end a line short of their module's foot;
 * - shape: one-column stories that are not briefs, very deep legs;
 * - holes, overset: found when the plan's modules are laid out for real (makeUpPage.ts): lines
 *   of white at a column's foot, lines that did not fit. A plan with either is a last resort.
 */
import type { DraftModule } from './searchPage.js';
import type { GridRect, MakeupStory, ScoreTerms } from './types.js';

export interface PlanDraft {
  modules: DraftModule[];
  held: number[];
  score: ScoreTerms;
  total: number;
}

export const WEIGHTS = {
  held: 1000,
  heldRank: 100,
  unfilled: 5,
  prominenceArea: 1000,
  prominenceHeight: 120,
  tombstone: 250,
  photosTouching: 150,
  jump: 60,
  photoLeftOut: 40,
  /** The page's dominant photo: the lead's. */
  leadPhotoLeftOut: 200,
  quoteLeftOut: 6,
  lowResPhoto: 250,
  slack: 1.5,
  narrowStory: 30,
  deepLeg: 0.5,
  /** Found when the modules are laid out for real (makeUpPage): white at a column foot, overset. */
  hole: 8,
  overset: 50,
} as const;

/** Two headlines within this ratio of size, side by side at one height, read as one (a tombstone). */
const TOMBSTONE_RATIO = 1.25;
/** How much dearer holding a story's continuation is than holding a story. */
const CONTINUATION_HELD = 5;
/** Legs deeper than this tire the eye. */
const DEEP_LEG_LINES = 60;

export function scorePlan(
  page: {
    columns: number;
    lines: number;
    stories: readonly MakeupStory[];
    modules: readonly DraftModule[];
    unfilled: number;
    taken: readonly GridRect[];
  },
  used: Uint8Array,
  /** A plan still being searched: the terms of what is placed only (a lower bound of the whole). */
  partial = false,
): PlanDraft {
  const { stories, modules } = page;
  const pageArea = page.columns * page.lines;
  const held = partial ? [] : stories.map((_, i) => i).filter((i) => !used[i]);
  const terms: ScoreTerms = {
    // A continuation held would leave its story cut off on the page it started on: the dearest.
    held: held.reduce(
      (n, i) =>
        n +
        (WEIGHTS.held + WEIGHTS.heldRank * (stories.length - i)) *
          (stories[i]!.continuedFrom ? CONTINUATION_HELD : 1),
      0,
    ),
    unfilled: page.unfilled * WEIGHTS.unfilled,
    prominence: 0,
    tombstones: 0,
    'photos-touching': 0,
    jumps: 0,
    'art-left-out': 0,
    'low-res': 0,
    slack: 0,
    shape: 0,
  };
  // Continuations are not ranked against the page's own stories: they go where there is room.
  const byStory = modules.filter((m) => !stories[m.story]!.continuedFrom).sort((a, b) => a.story - b.story);
  for (let i = 0; i < byStory.length; i++) {
    const a = byStory[i]!;
    const areaA = a.rect.columns * a.rect.depth;
    for (let j = i + 1; j < byStory.length; j++) {
      const b = byStory[j]!;
      // b ranks below a: it should be neither larger nor higher on the page.
      const areaB = b.rect.columns * b.rect.depth;
      if (areaB > areaA) terms.prominence! += (WEIGHTS.prominenceArea * (areaB - areaA)) / pageArea;
      if (b.rect.top < a.rect.top)
        terms.prominence! += (WEIGHTS.prominenceHeight * (a.rect.top - b.rect.top)) / page.lines;
    }
  }
  for (const m of modules) {
    const story = stories[m.story]!;
    if (m.jumps) terms.jumps! += WEIGHTS.jump;
    const hasPhoto = story.photos !== 'none' && story.article.photos.length > 0 && !story.continuedFrom;
    if (hasPhoto && !m.shape.photo)
      terms['art-left-out']! += story.rank === 0 ? WEIGHTS.leadPhotoLeftOut : WEIGHTS.photoLeftOut;
    if (m.shape.photo && m.shape.lowResPhoto) terms['low-res']! += WEIGHTS.lowResPhoto;
    if (story.article.pullQuotes.length > 0 && !story.brief && !m.shape.quote)
      terms['art-left-out']! += WEIGHTS.quoteLeftOut;
    const depth = m.rect.top > 0 ? m.rect.depth - 1 : m.rect.depth;
    if (!m.jumps && m.shape.fill && !m.shape.photo)
      terms.slack! += WEIGHTS.slack * m.rect.columns * (depth - m.shape.fill.min);
    if (m.rect.columns === 1 && !story.brief) terms.shape! += WEIGHTS.narrowStory;
    const leg = depth - m.shape.headLines - (m.shape.photoLines?.min ?? 0);
    if (leg > DEEP_LEG_LINES) terms.shape! += WEIGHTS.deepLeg * (leg - DEEP_LEG_LINES);
  }
  for (const a of modules) {
    for (const b of modules) {
      if (b.rect.column !== a.rect.column + a.rect.columns) continue;
      if (b.rect.top >= a.rect.top + a.rect.depth || a.rect.top >= b.rect.top + b.rect.depth) continue;
      const sa = a.shape.headlineSize;
      const sb = b.shape.headlineSize;
      if (a.rect.top === b.rect.top && Math.max(sa, sb) / Math.min(sa, sb) < TOMBSTONE_RATIO)
        terms.tombstones! += WEIGHTS.tombstone;
      if (a.shape.photo && b.shape.photo) {
        const photoA = photoBand(a);
        const photoB = photoBand(b);
        if (photoA[0] < photoB[1] && photoB[0] < photoA[1])
          terms['photos-touching']! += WEIGHTS.photosTouching;
      }
    }
  }
  let total = 0;
  for (const k of Object.keys(terms)) {
    terms[k] = Math.round(terms[k]! * 10) / 10;
    total += terms[k]!;
  }
  return { modules: [...modules], held, score: terms, total: Math.round(total * 10) / 10 };
}

/** Grid lines the top photo takes on the page: under the head, across the module. */
function photoBand(m: DraftModule): [number, number] {
  const top = m.rect.top + (m.rect.top > 0 ? 1 : 0) + m.shape.headLines;
  return [top, top + (m.shape.photoLines?.max ?? 0)];
}
