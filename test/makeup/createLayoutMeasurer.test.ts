/** Page makeup over the real layout: the seed story alone made up as a front page. */
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { editionForArticle } from '../../src/edition/editionForArticle.js';
import { createLayoutMeasurer, createMeasureCache } from '../../src/makeup/createLayoutMeasurer.js';
import type { MakeupStory } from '../../src/makeup/types.js';

describe('galley render of a lone article: the front page made up', () => {
  it('fills the page: every column to its foot, no overset, every word and both photos set', async () => {
    const ws = createWorkspace();
    const edition = editionForArticle('samples/cambodia-daily/article.json', {
      template: 'broadsheet',
      date: '2026-11-29',
    });
    const { pages } = await composeEdition(ws, edition);
    const report = pages[0]!.layout.report;
    const story = report.stories[0]!;
    expect(report.makeup?.score.holes).toBe(0);
    expect(report.makeup?.score.unfilled).toBe(0);
    expect(story.oversetLines).toBe(0);
    expect(story.wordsPlaced).toBe(story.wordsTotal);
    expect(story.photos.every((p) => p.placed)).toBe(true);
    // Filled: no column ends 2 lines or more above the module's foot (1 line at most: the
    // hairline under the flag is not the story's).
    expect(story.emptyLines).toBeLessThan(6);
  });
});

describe('measurements kept for the run (MeasureCache)', () => {
  const setUp = async () => {
    const ws = createWorkspace();
    const t = ws.template('broadsheet');
    const article = ws.article('samples/cambodia-daily/article.json', 'article.json');
    await ws.probePhotos(article);
    const other = ws.article('samples/corpus/articles/nasa-2023-iss-crew-handovers.json', 'other.json');
    const story = (a: typeof article, rank: number): MakeupStory => ({
      article: a,
      field: 'f',
      rank,
      minColumns: 2,
      maxColumns: 6,
      photos: 'optional',
      brief: false,
    });
    return { ws, t, article, other, story };
  };

  it('a story measured on one page is not measured again on another, whatever its neighbours', async () => {
    const { ws, t, article, other, story } = await setUp();
    const cache = createMeasureCache();
    const first = createLayoutMeasurer(ws.ctx, t, false, [story(other, 0), story(article, 1)], cache);
    const second = createLayoutMeasurer(ws.ctx, t, false, [story(article, 1)], cache);
    const shapes = first.shapes(1, 3);
    expect(second.shapes(0, 3)).toBe(shapes);
    const rect = { column: 0, columns: 3, top: 10, depth: shapes[0]!.fill!.min + 1 };
    expect(second.settle(0, rect, shapes[0]!)).toBe(first.settle(1, rect, shapes[0]!));
  });

  it('measures exactly what a measurer without it measures', async () => {
    const { ws, t, article, story } = await setUp();
    const cached = createLayoutMeasurer(ws.ctx, t, false, [story(article, 1)], createMeasureCache());
    const fresh = createLayoutMeasurer(ws.ctx, t, false, [story(article, 1)]);
    for (const w of [2, 3, 4]) expect(cached.shapes(0, w)).toEqual(fresh.shapes(0, w));
  });

  it('keeps apart what a story measures as the lead, on the front, or continued from another page', async () => {
    const { ws, t, article, story } = await setUp();
    const cache = createMeasureCache();
    const inside = createLayoutMeasurer(ws.ctx, t, false, [story(article, 1)], cache).shapes(0, 3);
    const lead = createLayoutMeasurer(ws.ctx, t, false, [story(article, 0)], cache).shapes(0, 3);
    const front = createLayoutMeasurer(ws.ctx, t, true, [story(article, 1)], cache).shapes(0, 3);
    const jump = createLayoutMeasurer(
      ws.ctx,
      t,
      false,
      [{ ...story(article, 1), continuedFrom: 'A1' }],
      cache,
    ).shapes(0, 3);
    for (const other of [lead, front, jump]) expect(other).not.toBe(inside);
    expect(lead[0]!.headlineSize).toBeGreaterThan(inside[0]!.headlineSize);
  });
});
