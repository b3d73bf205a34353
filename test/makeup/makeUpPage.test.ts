import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUpPage } from '../../src/makeup/makeUpPage.js';
import { overlaps } from '../../src/makeup/placeAds.js';
import type { GridRect, MakeupAd, PagePlan } from '../../src/makeup/types.js';
import { type FakeStory, fakeMeasurer, makeupStories } from './fakeMeasurer.js';

const COLUMNS = 6;
const LINES = 120;

function cellsOf(plan: PagePlan): GridRect[] {
  return [...plan.stories.map((s) => s.rect), ...plan.ads.map((a) => a.rect)];
}

describe('page makeup over a fake measurer', () => {
  it('fills a page with two stories whose depths add up, the lead on top across the page', () => {
    // 6 columns: the lead needs 6 + 20 = 26 lines at six columns; the second 120 - 26 - 1 (hairline).
    const fake: FakeStory[] = [
      { lines: 120, head: 6 },
      { lines: 6 * 88, head: 5 },
    ];
    const { plans } = makeUpPage({
      columns: COLUMNS,
      lines: LINES,
      rightHand: true,
      stories: makeupStories(2),
      ads: [],
      measurer: fakeMeasurer(fake, LINES),
    });
    const plan = plans[0]!;
    expect(plan.held).toEqual([]);
    expect(plan.score.unfilled).toBe(0);
    const lead = plan.stories.find((s) => s.story === 0)!;
    expect(lead.rect.top).toBe(0);
  });

  it('sets a fresh lead under a continuation that opens the page across its width', () => {
    // The rest of a story from another page takes the top 46 lines; the page's lead fills the rest.
    const fake: FakeStory[] = [
      { lines: 6 * 40, head: 6 },
      { lines: 6 * 68, head: 5 },
    ];
    const [continuation, lead] = makeupStories(2);
    const stories = [
      { ...continuation!, continuedFrom: 'A1', fixed: { column: 0, columns: 6, top: 0, depth: 46 } },
      lead!,
    ];
    const { plans } = makeUpPage({
      columns: COLUMNS,
      lines: LINES,
      rightHand: true,
      stories,
      ads: [],
      measurer: fakeMeasurer(fake, LINES),
    });
    expect(plans[0]!.held).toEqual([]);
    expect(plans[0]!.stories.find((s) => s.story === 1)!.rect).toEqual({
      column: 0,
      columns: 6,
      top: 46,
      depth: 74,
    });
  });

  it('holds a story the page has no room for, with the reason, and never drops it', () => {
    const fake: FakeStory[] = [
      { lines: 6 * 114, head: 6 },
      { lines: 400, head: 5 },
    ];
    const { plans } = makeUpPage({
      columns: COLUMNS,
      lines: LINES,
      rightHand: true,
      stories: makeupStories(2),
      ads: [],
      measurer: fakeMeasurer(fake, LINES),
    });
    expect(plans[0]!.held.map((h) => h.story)).toEqual([1]);
    expect(plans[0]!.held[0]!.reason).toMatch(/no room/);
  });

  it('never holds the lead to give its page to a lower story: a lead that will not fill is placed', () => {
    // The second story alone fills the whole page; every module of the lead leaves a hole.
    const fake: FakeStory[] = [
      { lines: 6 * 40, head: 6 },
      { lines: 6 * 114, head: 5 },
    ];
    const measurer = fakeMeasurer(fake, LINES);
    const holes: typeof measurer = {
      shapes: measurer.shapes,
      settle: (s, rect, shape) => ({ ...measurer.settle(s, rect, shape), hole: s === 0 ? 3 : 0 }),
    };
    const { plans } = makeUpPage({
      columns: COLUMNS,
      lines: LINES,
      rightHand: true,
      stories: makeupStories(2),
      ads: [],
      measurer: holes,
    });
    const lead = plans[0]!.stories.find((m) => m.story === 0);
    expect(lead?.rect.top).toBe(0);
    expect(plans[0]!.held.map((h) => h.story)).toEqual([1]);
  });

  it('the same input gives the same plans', () => {
    const fake: FakeStory[] = [
      { lines: 300, head: 8, photo: { min: 20, max: 50 } },
      { lines: 200, head: 6 },
      { lines: 150, head: 6 },
    ];
    const run = () =>
      makeUpPage({
        columns: COLUMNS,
        lines: LINES,
        rightHand: true,
        stories: makeupStories(3),
        ads: [{ field: 'ads[0]', columns: 3, depth: 30, label: 'Ad' }],
        measurer: fakeMeasurer(fake, LINES),
        variants: 3,
      });
    expect(run()).toEqual(run());
  });

  it('properties: no overlap, inside the grid, every module a rectangle flush on the grid, every story placed or held once, ads as booked', () => {
    const story = fc.record({
      lines: fc.integer({ min: 20, max: 700 }),
      head: fc.integer({ min: 3, max: 12 }),
      photo: fc.option(
        fc.integer({ min: 10, max: 30 }).map((min) => ({ min, max: min + 25 })),
        { nil: undefined },
      ),
    });
    const ad = fc.record({
      columns: fc.integer({ min: 1, max: 6 }),
      depth: fc.integer({ min: 10, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(story, { minLength: 1, maxLength: 6 }),
        fc.array(ad, { maxLength: 3 }),
        fc.boolean(),
        (fakes, adSizes, rightHand) => {
          const ads: MakeupAd[] = adSizes.map((a, i) => ({ field: `ads[${i}]`, ...a, label: 'Ad' }));
          const { plans, refusedAds } = makeUpPage({
            columns: COLUMNS,
            lines: LINES,
            rightHand,
            stories: makeupStories(fakes.length),
            ads,
            measurer: fakeMeasurer(fakes as FakeStory[], LINES),
            budget: 3000,
          });
          const plan = plans[0]!;
          const rects = cellsOf(plan);
          for (const r of rects) {
            expect(r.column).toBeGreaterThanOrEqual(0);
            expect(r.columns).toBeGreaterThanOrEqual(1);
            expect(r.column + r.columns).toBeLessThanOrEqual(COLUMNS);
            expect(r.top).toBeGreaterThanOrEqual(0);
            expect(r.top + r.depth).toBeLessThanOrEqual(LINES);
            expect(Number.isInteger(r.top) && Number.isInteger(r.depth)).toBe(true);
          }
          for (let i = 0; i < rects.length; i++)
            for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
          // Every story exactly once: placed or held.
          const seen = [...plan.stories.map((s) => s.story), ...plan.held.map((h) => h.story)].sort();
          expect(seen).toEqual(fakes.map((_, i) => i));
          // Every ad placed or refused (an error upstream), never lost; each at its booked size.
          expect([...plan.ads.map((a) => a.ad), ...refusedAds].sort()).toEqual(ads.map((_, i) => i));
          for (const a of plan.ads) {
            expect(a.rect.columns).toBe(ads[a.ad]!.columns);
            expect(a.rect.depth).toBe(ads[a.ad]!.depth);
          }
          // The fill rule holds or the score says why not.
          const covered = rects.reduce((n, r) => n + r.columns * r.depth, 0);
          if (covered < COLUMNS * LINES) expect(plan.score.unfilled ?? plan.total).toBeGreaterThan(0);
          // The lead opens the page when it is placed.
          const lead = plan.stories.find((s) => s.story === 0);
          if (lead) expect(lead.rect.top).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
