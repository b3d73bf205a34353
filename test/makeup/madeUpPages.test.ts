/**
 * Page makeup over the real layout (not the fake measurer): random sets of corpus stories and ad
 * dummies, with no positions, made up and set on a broadsheet page. Whatever the plan, the page
 * keeps the invariants a desk relies on: modules inside the grid, none overlapping another or an
 * ad, ads at their booked size, every story placed or held (with its reason) exactly once, and
 * every word of a placed story on the page, in order, or reported overset from the first word that
 * did not fit. Seeded: the same runs every time.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { pageMakeup } from '../../src/edition/composePage.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { loadEdition } from '../../src/edition/loadEdition.js';
import type { StoryLayout } from '../../src/layout/layoutStory.js';
import { MIN_HOUSE_LINES } from '../../src/makeup/houseAds.js';
import { overlaps } from '../../src/makeup/placeAds.js';
import type { GridRect } from '../../src/makeup/types.js';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import { wordKey } from '../support/fakeContext.js';
import { articleWords, setWords } from '../support/storyWords.js';

const ws = createWorkspace();
const dir = mkdtempSync(join(tmpdir(), 'galley-madeup-'));
const corpus = resolve('samples/corpus/articles');
const articles = readdirSync(corpus)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(corpus, f));
const t = loadTemplate('broadsheet');

const pageArb = fc.record({
  front: fc.boolean(),
  stories: fc.uniqueArray(fc.integer({ min: 0, max: articles.length - 1 }), { minLength: 1, maxLength: 4 }),
  photos: fc.array(fc.constantFrom('optional', 'none', 'required'), { minLength: 4, maxLength: 4 }),
  ads: fc.array(
    fc.record({ columns: fc.integer({ min: 1, max: 4 }), depth: fc.integer({ min: 8, max: 40 }) }),
    {
      maxLength: 2,
    },
  ),
});

describe('page makeup with the real layout', () => {
  it('properties: inside the grid, no overlap, ads as booked, each story placed or held once, no word lost, the same page with or without the makeup memo', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(pageArb, async (p) => {
        const file = join(dir, `edition-${run++}.json`);
        writeFileSync(
          file,
          JSON.stringify({
            name: 'Made up',
            date: '2026-12-06',
            template: 'broadsheet',
            sections: [
              {
                name: 'News',
                prefix: 'A',
                pages: [
                  {
                    label: 'A1',
                    front: p.front,
                    stories: p.stories.map((a, i) => ({ article: articles[a], photos: p.photos[i] })),
                    ads: p.ads.map((ad, i) => ({ ...ad, label: `Ad ${i + 1}` })),
                  },
                ],
              },
            ],
          }),
        );
        const edition = loadEdition(file, { allowRoots: [corpus] });
        const makeup = (await pageMakeup(ws, edition, 0, 1))!;
        const plan = makeup.plans[0]!;
        const lines = t.gridLines - (p.front && t.flag ? t.flag.depth : 2);
        const rects: GridRect[] = [...plan.stories.map((s) => s.rect), ...plan.ads.map((a) => a.rect)];
        for (const r of rects) {
          expect(r.column).toBeGreaterThanOrEqual(0);
          expect(r.top).toBeGreaterThanOrEqual(0);
          expect(r.column + r.columns).toBeLessThanOrEqual(t.columns);
          expect(r.top + r.depth).toBeLessThanOrEqual(lines);
        }
        for (let i = 0; i < rects.length; i++)
          for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
        // Booked ads at their booked width; after them, house ads in white the stories left.
        for (const a of plan.ads) {
          if (a.ad < p.ads.length) expect(a.rect.columns).toBe(p.ads[a.ad]!.columns);
          else {
            expect(makeup.ads[a.ad]!.house).toBe(true);
            expect(a.rect.depth).toBeGreaterThanOrEqual(MIN_HOUSE_LINES);
          }
        }
        // Each story once: placed or held, never both, never neither.
        const placed = plan.stories.map((s) => s.story);
        const held = plan.held.map((h) => h.story);
        expect([...placed, ...held].sort()).toEqual(p.stories.map((_, i) => i));
        for (const h of plan.held) expect(h.reason).toMatch(/\w/);

        const { pages } = await composeEdition(ws, edition);
        const layout = pages[0]!.layout as (typeof pages)[0]['layout'] & { stories: StoryLayout[] };
        for (const story of layout.stories) {
          const article = ws.article(
            edition.pages[0]!.stories.find((s) => story.report.article.endsWith(s.article.split('/').pop()!))!
              .articlePath,
            story.report.article,
          );
          const expected = articleWords(article);
          const got = setWords(article, story.body, true);
          expect(got, `${article.file}: words out of order or lost`).toEqual(expected.slice(0, got.length));
          if (got.length < expected.length) {
            expect(story.report.oversetLines + story.report.jumpedLines).toBeGreaterThan(0);
            if (story.report.oversetLines > 0)
              expect(wordKey(story.report.oversetFrom ?? '')).toBe(expected[got.length]);
          }
        }
        expect(layout.stories.length).toBe(placed.length);
        // The page was laid out with the memo its makeup filled; set again, without it (the memo
        // is used once), it is the same page.
        const again = await composeEdition(ws, edition);
        expect(again.pages[0]!.display).toEqual(pages[0]!.display);
      }),
      { numRuns: 8, seed: 1306 },
    );
  });
});
