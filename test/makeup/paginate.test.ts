/**
 * Pagination over a fake page maker that packs areas: a page takes its stories in order while
 * they fit, jumps the one that overflows if it may, holds the rest. Whatever the budget and the
 * ad dummy, every story is set, jumped (its rest on its jump page) or held, and every ad is on
 * exactly one page: its booked page if it has one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PageMaker,
  type PageOutcome,
  type PaginateInput,
  type PaginateResult,
  type PinnedPage,
  type PlannedPage,
  pageKey,
  paginate,
  pickAds,
  squareOff,
} from '../../src/makeup/paginate.js';

const FRONT = 400;
const PAGE = 500;

function fakeMaker(input: () => PaginateInput): PageMaker & { remaining: Map<number, number> } {
  const rests = new WeakMap<PlannedPage, Map<number, number>>();
  const remaining = new Map<number, number>();
  return {
    remaining,
    async makeUp(page) {
      const { stories, ads } = input();
      let free = (page.front ? FRONT : PAGE) - page.ads.reduce((s, a) => s + ads[a]!.cells, 0);
      const out: PageOutcome = { placed: [], jumped: [], held: [], white: 0, overset: 0, filled: false };
      const rest = new Map<number, number>();
      for (const slot of page.stories) {
        const area =
          slot.continuedFrom !== undefined ? (remaining.get(slot.story) ?? 0) : stories[slot.story]!.area;
        if (area <= free) {
          out.placed.push(slot.story);
          free -= area;
        } else if (slot.jumpTo && free >= 20) {
          out.placed.push(slot.story);
          out.jumped.push(slot.story);
          rest.set(slot.story, area - free);
          free = 0;
        } else out.held.push({ story: slot.story, reason: 'no room' });
      }
      out.white = Math.max(0, free);
      out.filled = out.white < 10;
      rests.set(page, rest);
      return out;
    },
    keep(page) {
      for (const [story, area] of rests.get(page) ?? []) remaining.set(story, area);
    },
    continuationArea(story, from) {
      return from < 0 ? input().stories[story]!.area : (remaining.get(story) ?? 0);
    },
  };
}

const budgets = fc
  .record({
    sections: fc.integer({ min: 1, max: 3 }),
    stories: fc.array(
      fc.record({
        section: fc.nat(2),
        front: fc.boolean(),
        jump: fc.boolean(),
        area: fc.integer({ min: 40, max: 700 }),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    ads: fc.array(
      fc.record({
        section: fc.nat(2),
        pageNumber: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        columns: fc.integer({ min: 1, max: 5 }),
        depth: fc.integer({ min: 6, max: 52 }),
      }),
      { maxLength: 8 },
    ),
    plate: fc.constantFrom(2, 4),
  })
  .map((b) => ({
    ...b,
    stories: b.stories.map((s) => ({ ...s, section: s.section % b.sections, maxArea: s.area })),
    ads: b.ads.map((a) => ({
      section: a.section % b.sections,
      columns: a.columns,
      depth: a.depth,
      cells: a.columns * a.depth,
      // Only inside pages take a booking; the front (section 0, page 1) does not.
      ...(a.pageNumber !== undefined &&
        !(a.section % b.sections === 0 && a.pageNumber === 1) && { pageNumber: a.pageNumber }),
    })),
  }));

type Budget = typeof budgets extends fc.Arbitrary<infer T> ? T : never;

/** What every pagination must hold, whatever it was given (see the file's head). */
function expectSound(b: Budget, result: PaginateResult): void {
  expect(result.pages.length % b.plate).toBe(0);
  const held = new Set(result.held.map((h) => h.story));
  for (const [story] of b.stories.entries()) {
    const first = result.pages.findIndex(
      (p, i) =>
        p.stories.some((s) => s.story === story && s.continuedFrom === undefined) &&
        result.outcomes[i]?.placed.includes(story),
    );
    expect(first >= 0 || held.has(story), `story ${story} set or held`).toBe(true);
    // Jumped: its rest is on the page it jumps to, continued from where it started.
    let at = first;
    while (at >= 0 && result.outcomes[at]!.jumped.includes(story)) {
      const slot = result.pages[at]!.stories.find((s) => s.story === story)!;
      const to = result.pages.findIndex(
        (p) => p.section === slot.jumpTo!.section && p.number === slot.jumpTo!.number,
      );
      expect(to, `jump page of story ${story}`).toBeGreaterThan(at);
      const cont = result.pages[to]!.stories.find((s) => s.story === story);
      expect(cont?.continuedFrom).toBe(at);
      if (!result.outcomes[to]!.placed.includes(story)) {
        expect(held.has(story)).toBe(true);
        break;
      }
      at = to;
    }
  }
  for (const [ad, booking] of b.ads.entries()) {
    const on = result.pages.filter((p) => p.ads.includes(ad));
    // Refused (the edition side names its booking row), or on exactly one page.
    if (result.held.some((h) => h.story === -1 - ad)) {
      expect(on).toHaveLength(0);
      continue;
    }
    expect(on, `ad ${ad} on exactly one page`).toHaveLength(1);
    expect(on[0]!.section).toBe(booking.section);
    if (booking.pageNumber !== undefined) expect(on[0]!.number).toBe(booking.pageNumber);
  }
  for (const p of result.pages)
    expect(p.ads.reduce((s, a) => s + b.ads[a]!.cells, 0)).toBeLessThanOrEqual(p.front ? FRONT : PAGE);
}

/** One section: a front story as large as the front, then a page-sized story per page (plates of four unless said). */
const onePagePerStory = (count: number, plate = 4): PaginateInput => {
  let input!: PaginateInput;
  input = {
    sections: [{}],
    stories: Array.from({ length: count }, (_, i) => ({
      section: 0,
      front: i === 0,
      jump: false,
      area: i === 0 ? FRONT : PAGE,
      maxArea: i === 0 ? FRONT : PAGE,
    })),
    ads: [],
    frontCells: FRONT,
    pageCells: PAGE,
    columns: 5,
    plate,
    maker: fakeMaker(() => input),
  };
  return input;
};

describe('paginate', () => {
  it('sets, jumps or holds every story; places every ad once, on its booked page; whole plates', async () => {
    await fc.assert(
      fc.asyncProperty(budgets, async (b) => {
        let input!: PaginateInput;
        const maker = fakeMaker(() => input);
        input = {
          sections: Array.from({ length: b.sections }, () => ({})),
          stories: b.stories,
          ads: b.ads,
          frontCells: FRONT,
          pageCells: PAGE,
          columns: 5,
          plate: b.plate,
          maker,
        };
        const result = await paginate(input);
        expectSound(b, result);
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('puts the front stories on the front page, the lead first', async () => {
    let input!: PaginateInput;
    input = {
      sections: [{}, {}],
      stories: [
        { section: 0, front: false, jump: false, area: 150, maxArea: 150 },
        { section: 1, front: true, jump: true, area: 300, maxArea: 300 },
        { section: 0, front: true, jump: true, area: 250, maxArea: 250 },
      ],
      ads: [],
      frontCells: FRONT,
      pageCells: PAGE,
      columns: 5,
      plate: 2,
      maker: fakeMaker(() => input),
    };
    const result = await paginate(input);
    expect(result.pages[0]!.stories.map((s) => s.story)).toEqual([1, 2]);
    // Story 2 overflowed the front and continues on the first inside page of its section.
    expect(result.outcomes[0]!.jumped).toEqual([2]);
    expect(result.pages[1]!.stories[0]).toMatchObject({ story: 2, continuedFrom: 0 });
  });

  it('runs a plate fewer and holds the last story rather than print three pages of house ads', async () => {
    // Nine pages of stories on plates of four: eight pages and the ninth page's story held.
    const result = await paginate(onePagePerStory(9));
    expect(result.pages).toHaveLength(8);
    expect(result.pages.some((p) => p.padding)).toBe(false);
    expect(result.held.map((h) => h.story)).toEqual([8]);
    expect(result.held[0]!.reason).toMatch(/held to run 8 pages rather than 12/);
  });

  it('pads half a plate with house-ad pages rather than hold a story', async () => {
    // Six pages of stories on plates of four: two pages of padding, nothing held.
    const result = await paginate(onePagePerStory(6));
    expect(result.pages).toHaveLength(8);
    expect(result.pages.filter((p) => p.padding)).toHaveLength(2);
    expect(result.held).toEqual([]);
  });
});

describe('pickAds', () => {
  const pool = [
    { ad: 0, cells: 90 },
    { ad: 1, cells: 60 },
    { ad: 2, cells: 40 },
    { ad: 3, cells: 30 },
  ];
  it('picks the set nearest the target within the bounds', () => {
    expect(pickAds(pool, 0, 200, 100).sort()).toEqual([2, 1].sort());
    expect(pickAds(pool, 0, 200, 220)).toEqual([0, 1, 2]);
    expect(pickAds(pool, 0, 20, 100)).toEqual([]);
  });
  it('picks only sets the page accepts (say, whose stack its stories can sit on)', () => {
    const fits = (ads: readonly number[]) => !ads.includes(0) && !ads.includes(1);
    expect(pickAds(pool, 0, 200, 100, fits).sort()).toEqual([2, 3].sort());
  });
});

describe('squareOff', () => {
  it('fills the steps of an ad stack up to its highest ad, one house ad per run of columns', () => {
    // Five columns: a tall ad at the left (top at line 60), a lower one beside it, two free columns.
    expect(squareOff([60, 60, 80, 100, 100])).toEqual([
      { column: 2, columns: 1, top: 60, depth: 20 },
      { column: 3, columns: 2, top: 60, depth: 40 },
    ]);
  });
  it('adds nothing to a flat band', () => {
    expect(squareOff([70, 70, 70, 70, 70])).toEqual([]);
  });
});

/** The last run's pages as pins (what paginationRecord.ts does with keys), story `s` now `renumber(s)`. */
function pinsOf(
  last: PaginateResult,
  renumber: (story: number) => number | undefined = (s) => s,
): Map<string, PinnedPage> {
  const pins = new Map<string, PinnedPage>();
  for (const [i, page] of last.pages.entries()) {
    const outcome = last.outcomes[i];
    if (page.padding || !outcome) continue;
    const stories = page.stories.map((x) => renumber(x.story));
    if (stories.some((s) => s === undefined)) continue;
    pins.set(pageKey(page.section, page.number), {
      front: page.front,
      stories: page.stories.map((x, k) => ({
        story: stories[k]!,
        ...(x.continuedFrom !== undefined && {
          continuedFrom: {
            section: last.pages[x.continuedFrom]!.section,
            number: last.pages[x.continuedFrom]!.number,
          },
        }),
        ...(x.jumpTo && { jumpTo: x.jumpTo }),
      })),
      jumped: outcome.jumped.map((s) => renumber(s)!),
      held: outcome.held.map((h) => renumber(h.story)!),
      ads: page.ads,
      ...(page.house && { house: page.house }),
      ...((outcome.white > 0 || (page.house?.length ?? 0) > 0) && { open: true }),
    });
  }
  return pins;
}

/** The stories of the last run (on its pages or held), in the new run's numbers. */
const knownOf = (last: PaginateResult, renumber: (story: number) => number | undefined = (s) => s) =>
  new Set(
    [...last.pages.flatMap((p) => p.stories.map((x) => x.story)), ...last.held.map((h) => h.story)]
      .filter((s) => s >= 0)
      .map((s) => renumber(s)!),
  );

const inputFor = (b: Budget, pinned?: Map<string, PinnedPage>, known?: Set<number>): PaginateInput => {
  let input!: PaginateInput;
  input = {
    sections: Array.from({ length: b.sections }, () => ({})),
    stories: b.stories,
    ads: b.ads,
    frontCells: FRONT,
    pageCells: PAGE,
    columns: 5,
    plate: b.plate,
    maker: fakeMaker(() => input),
    ...(pinned && { pinned }),
    ...(known && { known }),
  };
  return input;
};

/** The pages' stories and ads, as compared between runs (story numbers mapped to the new run's). */
const contents = (r: PaginateResult, renumber: (s: number) => number | undefined = (s) => s) =>
  r.pages.map(
    (p) =>
      `${p.section}.${p.number}: ${p.stories.map((x) => renumber(x.story)).join(',')} | ${p.ads.join(',')}`,
  );

describe('paginate again after late news (pinned pages)', () => {
  it('the same budget paginated again with the last run pinned gives the same pages, every one kept', async () => {
    await fc.assert(
      fc.asyncProperty(budgets, async (b) => {
        const first = await paginate(inputFor(b));
        const again = await paginate(inputFor(b, pinsOf(first), knownOf(first)));
        expect(contents(again)).toEqual(contents(first));
        expect(again.kept).toHaveLength(first.pages.filter((p) => !p.padding).length);
        expectSound(b, again);
      }),
      { numRuns: 60, seed: 20261208 },
    );
  });

  it('a story added anywhere: every story still set, jumped or held, every ad placed', async () => {
    const late = fc.record({
      at: fc.nat(20),
      story: fc.record({
        section: fc.nat(2),
        front: fc.boolean(),
        jump: fc.boolean(),
        area: fc.integer({ min: 40, max: 700 }),
      }),
    });
    await fc.assert(
      fc.asyncProperty(budgets, late, async (b, l) => {
        const first = await paginate(inputFor(b));
        const at = l.at % (b.stories.length + 1);
        const added = { ...l.story, section: l.story.section % b.sections, maxArea: l.story.area };
        const b2 = { ...b, stories: [...b.stories.slice(0, at), added, ...b.stories.slice(at)] };
        const renumber = (s: number) => (s < at ? s : s + 1);
        const again = await paginate(inputFor(b2, pinsOf(first, renumber), knownOf(first, renumber)));
        expectSound(b2, again);
        // Kept pages are the last run's, story for story.
        const before = new Set(contents(first, renumber));
        for (const i of again.kept) expect(before.has(contents(again)[i]!)).toBe(true);
      }),
      { numRuns: 80, seed: 20261209 },
    );
  });

  it('a late story of top priority goes where no kept page moves: the pages after it stay', async () => {
    const input = onePagePerStory(4, 2);
    const first = await paginate(input);
    const late = { section: 0, front: false, jump: false, area: PAGE, maxArea: PAGE };
    const stories = [input.stories[0]!, late, ...input.stories.slice(1)];
    const renumber = (s: number) => (s === 0 ? 0 : s + 1);
    let pinned!: PaginateInput;
    pinned = {
      ...input,
      stories,
      pinned: pinsOf(first, renumber),
      known: knownOf(first, renumber),
      maker: fakeMaker(() => pinned),
    };
    const again = await paginate(pinned);
    // Fresh, the late story would take page 2 and push every page after it down one.
    let fresh!: PaginateInput;
    fresh = { ...input, stories, maker: fakeMaker(() => fresh) };
    const moved = (r: PaginateResult) => {
      const before = contents(first, renumber);
      return contents(r).filter((c, i) => before[i] !== c && !r.pages[i]!.padding).length;
    };
    expect(moved(await paginate(fresh))).toBe(4);
    expect(moved(again)).toBe(1);
    expect(again.kept).toEqual([0, 1, 2, 3]);
    expect(again.pages[4]!.stories.map((s) => s.story)).toEqual([1]);
  });

  it('a page the stories left white takes the late story first, before a new page is made', async () => {
    // Page 2 of the last run holds a half-page story and white; the late story fits beside it.
    let input!: PaginateInput;
    input = {
      sections: [{}],
      stories: [
        { section: 0, front: true, jump: false, area: FRONT, maxArea: FRONT },
        { section: 0, front: false, jump: false, area: 250, maxArea: 250 },
      ],
      ads: [],
      frontCells: FRONT,
      pageCells: PAGE,
      columns: 5,
      plate: 2,
      maker: fakeMaker(() => input),
    };
    const first = await paginate(input);
    expect(first.outcomes[1]!.white).toBeGreaterThan(0);
    let again!: PaginateInput;
    again = {
      ...input,
      stories: [...input.stories, { section: 0, front: false, jump: false, area: 240, maxArea: 240 }],
      pinned: pinsOf(first),
      known: knownOf(first),
      maker: fakeMaker(() => again),
    };
    const result = await paginate(again);
    expect(result.pages).toHaveLength(2);
    expect(result.pages[1]!.stories.map((s) => s.story)).toEqual([1, 2]);
    expect(result.kept).toEqual([0]);
  });
});
