/**
 * Golden traces of the sample pages' display lists: one item a line, rounded to 0.01 pt. A layout
 * change shows up here as a readable diff; when it is deliberate, update with `npx vitest -u`.
 */
import { describe, expect, it } from 'vitest';
import { toTrace } from '../../src/display/toTrace.js';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import { editionForArticle } from '../../src/edition/editionForArticle.js';
import { loadEdition } from '../../src/edition/loadEdition.js';

const ws = createWorkspace();

describe('display list goldens', () => {
  it('sample edition, page A1 (front page with flag, four stories, a jump)', async () => {
    const { pages } = await composeEdition(ws, loadEdition('samples/edition/edition.json'), { pages: [0] });
    await expect(toTrace(pages[0]!.display)).toMatchFileSnapshot('../golden/edition-a1.trace');
  });

  it('sample edition, page A2 (jump page, ads)', async () => {
    const { pages } = await composeEdition(ws, loadEdition('samples/edition/edition.json'), { pages: [1] });
    await expect(toTrace(pages[0]!.display)).toMatchFileSnapshot('../golden/edition-a2.trace');
  });

  it('the seed story alone on a tabloid, four columns (placed by hand)', async () => {
    const made = editionForArticle('samples/cambodia-daily/article.md', {
      template: 'tabloid',
      date: '2026-11-29',
    });
    // The module pinned where galley put it before page makeup: this golden is the hand-placed path.
    const page = made.pages[0]!;
    const edition = {
      ...made,
      pages: [{ ...page, stories: [{ ...page.stories[0]!, column: 1, columns: 4, top: 0 }] }],
    };
    const { pages } = await composeEdition(ws, edition);
    await expect(toTrace(pages[0]!.display)).toMatchFileSnapshot('../golden/cambodia-tabloid.trace');
  });

  it('is deterministic: the same inputs give the same display list', async () => {
    const edition = loadEdition('samples/edition/edition.json');
    const a = await composeEdition(createWorkspace(), edition);
    const b = await composeEdition(ws, edition);
    expect(a.document).toEqual(b.document);
  });
});
