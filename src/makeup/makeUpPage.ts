/**
 * Page makeup: ranked stories, booked ads and hand-placed modules in, the best few plans out.
 * Ads go first (placeAds), then the search packs the stories around them (searchPage) on the
 * measurer's depths; every complete plan's modules are laid out for real and their photo depth
 * and looseness settled (StoryMeasurer.settle) inside the search, and a module that will not fill
 * is ruled out for the rest of it. The same input always gives the same plans.
 */
import { placeAds } from './placeAds.js';
import type { StoryMeasurer } from './StoryMeasurer.js';
import type { PlanDraft } from './scorePlan.js';
import { searchPage } from './searchPage.js';
import type { GridRect, MakeupAd, MakeupStory, PagePlan, PlacedStory } from './types.js';

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
  /** See SearchResult.open: the plan to look for white in when the best fills only as a last resort. */
  open?: PagePlan;
}

export function makeUpPage(input: MakeupInput): MakeupResult {
  const wanted = Math.max(1, input.variants ?? 1);
  const fixed = input.stories.flatMap((s) => (s.fixed ? [s.fixed] : []));
  const ads = placeAds(input.ads, input.columns, input.lines, input.rightHand, fixed);
  const taken: GridRect[] = [...fixed, ...ads.ads.map((a) => a.rect)];
  const drafts = searchPage({
    columns: input.columns,
    lines: input.lines,
    stories: input.stories,
    taken,
    measurer: input.measurer,
    variants: wanted,
    ...(input.budget && { budget: input.budget }),
  });
  const toPlan = (draft: PlanDraft): PagePlan => ({
    stories: draft.modules
      .map(
        (m): PlacedStory => ({
          story: m.story,
          rect: m.rect,
          choice: m.settled?.choice ?? {
            columns: m.rect.columns,
            depth: m.rect.depth,
            quote: m.shape.quote,
            headlineSize: m.shape.headlineSize,
            jumps: m.jumps,
          },
        }),
      )
      .sort((a, b) => a.story - b.story),
    ads: ads.ads,
    held: draft.held.map((story) => ({ story, reason: heldReason(input, story) })),
    score: draft.score,
    total: draft.total,
  });
  const plans = drafts.plans.map(toPlan);
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
  return { plans, refusedAds: ads.refused, ...(drafts.open && { open: toPlan(drafts.open) }) };
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
