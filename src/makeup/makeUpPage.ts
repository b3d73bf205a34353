/**
 * Page makeup: ranked stories, booked ads and hand-placed modules in, the best few plans out.
 * Ads go first (placeAds), then the search packs the stories around them (searchPage) on the
 * measurer's depths, then every module of a plan is laid out for real and its photo depth settled
 * (StoryMeasurer.settle). A module that will not settle is ruled out and the search runs again,
 * a few rounds at most. The same input always gives the same plans.
 */
import { placeAds } from './placeAds.js';
import { HOLE_LINES, type StoryMeasurer } from './StoryMeasurer.js';
import { WEIGHTS } from './scorePlan.js';
import { refusalKey, searchPage } from './searchPage.js';
import type { GridRect, HeldStory, MakeupAd, MakeupStory, PagePlan, PlacedStory } from './types.js';

export interface MakeupInput {
  columns: number;
  lines: number;
  /** Right-hand (odd) pages stack their ads from the bottom right, left-hand ones from the bottom left. */
  rightHand: boolean;
  stories: readonly MakeupStory[];
  ads: readonly MakeupAd[];
  measurer: StoryMeasurer;
  /** Plans wanted, best first (1 to set the page; more to compare). */
  variants?: number;
  budget?: number;
}

export interface MakeupResult {
  plans: PagePlan[];
  /** Ads that could not be placed (their booking does not fit the page): indices. */
  refusedAds: number[];
}

const MAX_ROUNDS = 4;
const DRAFTS = 8;

export function makeUpPage(input: MakeupInput): MakeupResult {
  const wanted = Math.max(1, input.variants ?? 1);
  const fixed = input.stories.flatMap((s) => (s.fixed ? [s.fixed] : []));
  const ads = placeAds(input.ads, input.columns, input.lines, input.rightHand, fixed);
  const taken: GridRect[] = [...fixed, ...ads.ads.map((a) => a.rect)];
  const refused = new Set<string>();
  const plans: PagePlan[] = [];
  const fallbacks: PagePlan[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS && plans.length < wanted; round++) {
    const drafts = searchPage({
      columns: input.columns,
      lines: input.lines,
      stories: input.stories,
      taken,
      measurer: input.measurer,
      // Always as many drafts, so the best plan does not depend on how many variants are asked for.
      variants: Math.max(DRAFTS, wanted * 2),
      refused,
      ...(input.budget && { budget: input.budget }),
    });
    let refusedMore = false;
    for (const draft of drafts) {
      const placed: PlacedStory[] = [];
      let holes = 0;
      let overset = 0;
      for (const m of draft.modules) {
        if (input.stories[m.story]!.fixed) {
          placed.push({
            story: m.story,
            rect: m.rect,
            choice: {
              columns: m.rect.columns,
              depth: m.rect.depth,
              quote: m.shape.quote,
              headlineSize: m.shape.headlineSize,
              jumps: m.jumps,
            },
          });
          continue;
        }
        const settled = input.measurer.settle(m.story, m.rect, m.shape);
        if (settled.hole >= HOLE_LINES || settled.overset > 0) {
          refused.add(refusalKey(m.story, m.rect, m.shape));
          refusedMore = true;
          holes += Math.max(0, settled.hole);
          overset += settled.overset;
        }
        placed.push({ story: m.story, rect: m.rect, choice: settled.choice });
      }
      const key = placed
        .map((p) => `${p.story}:${p.rect.column},${p.rect.top},${p.rect.columns},${p.rect.depth}`)
        .join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const score = { ...draft.score, holes: holes * WEIGHTS.hole, overset: overset * WEIGHTS.overset };
      const plan: PagePlan = {
        stories: placed.sort((a, b) => a.story - b.story),
        ads: ads.ads,
        held: draft.held.map((story) => ({ story, reason: heldReason(input, story) })),
        score,
        total: Math.round((draft.total + score.holes + score.overset) * 10) / 10,
      };
      // A plan whose modules do not all fill is kept only in case no plan fills.
      if (holes > 0 || overset > 0 || (draft.score.unfilled ?? 0) > 0) fallbacks.push(plan);
      else plans.push(plan);
    }
    if (!refusedMore) break;
  }
  plans.sort((a, b) => a.total - b.total);
  plans.splice(wanted);
  fallbacks.sort((a, b) => a.total - b.total);
  while (plans.length < wanted && fallbacks.length > 0) plans.push(fallbacks.shift()!);
  if (plans.length === 0) {
    // Nothing at all fits (say, one story far too short for a page): hold them all, say why.
    plans.push({
      stories: [],
      ads: ads.ads,
      held: input.stories.map((_, story) => ({ story, reason: heldReason(input, story) })),
      score: { unfilled: input.columns * input.lines },
      total: input.columns * input.lines,
    });
  }
  return { plans, refusedAds: ads.refused };
}

function heldReason(input: MakeupInput, story: number): string {
  const s = input.stories[story]!;
  const widths = [];
  for (let w = s.minColumns; w <= Math.min(s.maxColumns, input.columns); w++)
    if (input.measurer.shapes(story, w).length > 0) widths.push(w);
  if (widths.length === 0)
    return s.jump
      ? `it cannot be set ${s.minColumns} to ${s.maxColumns} columns wide on this page`
      : `too long for any module of ${s.minColumns} to ${s.maxColumns} columns on this page, and it may not jump`;
  return 'no room left on the page after the stories that outrank it and the ads';
}
