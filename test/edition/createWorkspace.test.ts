/**
 * A workspace that keeps layouts across `forget()` (what `galley preview --watch` makes): after a
 * save it sets the page exactly as a fresh workspace would, and prepares again only the
 * paragraphs the save changed. Both for a page placed by hand and for a page made up.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace, type Workspace } from '../../src/edition/createWorkspace.js';
import { loadEdition } from '../../src/edition/loadEdition.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-keep-'));
const seed = JSON.parse(readFileSync('samples/cambodia-daily/article.json', 'utf8')) as Record<
  string,
  unknown
> & {
  body: unknown[];
};
const storyFile = join(dir, 'story.json');
/** The seed story without its photos (they stay in the samples' folder), as an editor saves it. */
const save = (body: unknown[]) => writeFileSync(storyFile, JSON.stringify({ ...seed, images: [], body }));

function editionFile(placed: boolean): string {
  const file = join(dir, `edition-${placed ? 'placed' : 'made-up'}.json`);
  const other = resolve('samples/corpus/articles/nasa-2023-iss-crew-handovers.json');
  const stories = placed
    ? [
        { article: storyFile, column: 1, columns: 4, top: 0, depth: 60, photos: false },
        { article: other, column: 5, columns: 2, top: 0, depth: 60, photos: false },
      ]
    : [
        { article: storyFile, photos: 'none' },
        { article: other, photos: 'none' },
      ];
  writeFileSync(
    file,
    JSON.stringify({
      name: 'Watch',
      date: '2026-12-07',
      template: 'broadsheet',
      sections: [{ name: 'News', prefix: 'A', pages: [{ label: 'A2', stories }] }],
    }),
  );
  return file;
}

/** Counts the paragraphs (and short texts) the workspace prepares from scratch. */
function countPrepares(ws: Workspace): () => number {
  let n = 0;
  const engines = ws.ctx.engines;
  ws.ctx.engines = {
    ...engines,
    prepare: (input, shaper) => {
      n++;
      return engines.prepare(input, shaper);
    },
  };
  return () => n;
}

/** The seed's body with its third paragraph changed, as an editor's save does. */
function edited(): unknown[] {
  const body = [...seed.body];
  const i = body.findIndex((b, k) => k >= 2 && typeof b === 'string');
  body[i] = `${body[i]} An editor added this sentence.`;
  return body;
}

describe.each([
  ['placed by hand', true],
  ['made up', false],
])('a workspace that keeps layouts, a page %s', (_, placed) => {
  it('sets the page after a save exactly as a fresh workspace, preparing only what the save changed', async () => {
    save(seed.body);
    const file = editionFile(placed);
    const policy = { allowRoots: [resolve('samples')] };
    const watching = createWorkspace({ keepLayouts: true });
    const prepared = countPrepares(watching);
    await composeEdition(watching, loadEdition(file, policy));
    const first = prepared();
    expect(first).toBeGreaterThan(20);

    save(edited());
    watching.forget();
    const again = await composeEdition(watching, loadEdition(file, policy));
    const fresh = await composeEdition(createWorkspace(), loadEdition(file, policy));
    expect(again.pages[0]!.display).toEqual(fresh.pages[0]!.display);
    expect(again.pages[0]!.layout.report).toEqual(fresh.pages[0]!.layout.report);
    // The changed paragraph, and the heads and texts whose memo keys name the story's file.
    expect(prepared() - first).toBeLessThan(first / 4);
  });
});
