/** Page makeup over the real layout: the seed story alone made up as a front page. */
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { editionForArticle } from '../../src/edition/editionForArticle.js';

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
