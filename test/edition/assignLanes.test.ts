import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignLanes, type LanePage } from '../../src/edition/assignLanes.js';

const page = (index: number, ...articles: string[]): LanePage => ({
  index,
  articles,
  cost: articles.length + 1,
});

describe('assignLanes', () => {
  it('keeps a front story and its jump page on one worker', () => {
    const lanes = assignLanes(
      [
        page(0, 'lead', 'second'),
        page(1, 'third'),
        page(2, 'fourth'),
        page(3, 'fifth'),
        page(4, 'lead', 'sixth'), // where the lead jumps to
        page(5, 'second'), // where the second story jumps to
      ],
      2,
    );
    const laneOf = (i: number) => lanes.findIndex((l) => l.includes(i));
    expect(laneOf(4)).toBe(laneOf(0));
    expect(laneOf(5)).toBe(laneOf(0));
    expect(lanes.map((l) => l.length)).toEqual([3, 3]);
  });

  it('splits an edition that repeats its stories by story, not page by page', () => {
    // Four copies of a 12-page plan with one story a page: each story on one worker only.
    const pages = Array.from({ length: 48 }, (_, i) => page(i, `story-${i % 12}`));
    const lanes = assignLanes(pages, 2);
    const stories = lanes.map((l) => new Set(l.map((i) => pages[i]!.articles[0])));
    expect([...stories[0]!].filter((s) => stories[1]!.has(s))).toEqual([]);
    expect(lanes.map((l) => l.length)).toEqual([24, 24]);
  });

  it('gives pages without stories to the least loaded worker', () => {
    const lanes = assignLanes([page(0, 'a', 'b', 'c'), page(1), page(2)], 2);
    expect(lanes).toEqual([[0], [1, 2]]);
  });

  it('puts every page in exactly one lane, in page order, the same way every time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 4 }),
        (stories, jobs) => {
          const pages = stories.map((s, i) => page(i, ...s));
          const lanes = assignLanes(pages, jobs);
          expect(lanes).toHaveLength(jobs);
          expect(lanes.flat().sort((a, b) => a - b)).toEqual(pages.map((p) => p.index));
          for (const lane of lanes) expect(lane).toEqual([...lane].sort((a, b) => a - b));
          expect(assignLanes(pages, jobs)).toEqual(lanes);
        },
      ),
    );
  });
});
