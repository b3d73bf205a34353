/**
 * Nothing lost: over the sample edition and over editions generated from the corpus (random but
 * valid modules, a seeded generator), every word of every story is on a page, in order, or is
 * reported as overset where the story stops. Words are compared by letters and digits only (smart
 * quotes and dashes change punctuation, never words).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeEdition } from '../../src/edition/composeEdition.js';
import { createWorkspace } from '../../src/edition/createWorkspace.js';
import type { Edition } from '../../src/edition/Edition.js';
import { loadEdition } from '../../src/edition/loadEdition.js';
import type { StoryLayout } from '../../src/layout/layoutStory.js';
import type { StoryReport } from '../../src/layout/types.js';
import type { Article } from '../../src/model/article.js';
import { loadTemplate } from '../../src/model/loadTemplate.js';
import { wordKey } from '../support/fakeContext.js';
import { articleWords, setWords } from '../support/storyWords.js';

const ws = createWorkspace();
const tmp = mkdtempSync(join(tmpdir(), 'galley-lost-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Placement {
  page: string;
  layout: StoryLayout;
  report: StoryReport;
  continuedFrom?: string;
}

/** Every story's placements in reading order: its first module, then the pages it jumps to. */
async function placements(edition: Edition): Promise<Map<string, { article: Article; parts: Placement[] }>> {
  const { pages } = await composeEdition(ws, edition);
  const byArticle = new Map<string, { article: Article; parts: Placement[] }>();
  for (const p of pages) {
    const stories = (p.layout as typeof p.layout & { stories: StoryLayout[] }).stories;
    p.page.stories.forEach((s, i) => {
      const article = ws.article(s.articlePath, s.article);
      const entry = byArticle.get(s.articlePath) ?? { article, parts: [] };
      entry.parts.push({
        page: p.page.label,
        layout: stories[i]!,
        report: p.layout.report.stories[i]!,
        ...(s.continuedFrom && { continuedFrom: s.continuedFrom }),
      });
      byArticle.set(s.articlePath, entry);
    });
  }
  return byArticle;
}

/** The words set for a story, in order, without the dateline run into its first paragraph. */
function placedWords(article: Article, parts: readonly Placement[]): string[] {
  const starts = parts.length > 0 && !parts[0]!.continuedFrom;
  return setWords(
    article,
    parts.flatMap((p) => p.layout.body),
    starts,
  );
}

async function expectNothingLost(
  edition: Edition,
): Promise<{ stories: number; words: number; overset: number }> {
  const stories = await placements(edition);
  let words = 0;
  let overset = 0;
  for (const [, { article, parts }] of stories) {
    const expected = articleWords(article);
    const placed = placedWords(article, parts);
    // In order, each once: what was set is the story's beginning.
    expect(placed, `${article.file}: words set out of order or lost`).toEqual(
      expected.slice(0, placed.length),
    );
    const last = parts[parts.length - 1]!.report;
    if (placed.length < expected.length) {
      // The rest is reported as overset, from the first word not set.
      expect(
        last.oversetLines,
        `${article.file}: ${expected.length - placed.length} words neither set nor reported`,
      ).toBeGreaterThan(0);
      expect(wordKey(last.oversetFrom ?? '')).toBe(expected[placed.length]);
      overset += expected.length - placed.length;
    } else {
      expect(last.oversetLines).toBe(0);
    }
    const reported = parts.reduce((n, p) => n + p.report.wordsPlaced, 0);
    expect(reported, `${article.file}: wordsPlaced in the report`).toBeGreaterThanOrEqual(placed.length);
    words += expected.length;
  }
  return { stories: stories.size, words, overset };
}

describe('nothing lost', () => {
  it('the sample edition: every word on a page or reported overset, in order', async () => {
    const { stories, words } = await expectNothingLost(loadEdition('samples/edition/edition.json'));
    expect(stories).toBeGreaterThanOrEqual(5);
    expect(words).toBeGreaterThan(2000);
  });

  const corpus = resolve('samples/corpus/articles');
  const articles = readdirSync(corpus)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const seed of [1, 2, 3]) {
    it(`a generated edition (seed ${seed}): every word on a page or reported overset, in order`, async () => {
      const file = join(tmp, `edition-${seed}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          generateEdition(
            seed,
            articles.map((a) => join(corpus, a)),
          ),
        ),
      );
      const result = await expectNothingLost(loadEdition(file, { allowRoots: [corpus] }));
      expect(result.stories).toBeGreaterThan(2);
    });
  }
});

/** mulberry32 */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two broadsheet pages: each page cut into vertical strips of random widths, each strip into one or
 * two modules, each with an article not used elsewhere; the first story of A1 jumps to A2.
 */
function generateEdition(seed: number, articles: readonly string[]) {
  const random = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const t = loadTemplate('broadsheet');
  const unused = [...articles].sort(() => random() - 0.5);
  const pages: { label: string; front: boolean; stories: Record<string, unknown>[] }[] = [];
  let jumping: string | undefined;
  for (const front of [true, false]) {
    const lines = t.gridLines - (front && t.flag ? t.flag.depth : 2);
    const stories: Record<string, unknown>[] = [];
    for (let column = 1; column <= t.columns && unused.length > 0; ) {
      const columns = Math.min(int(1, 4), t.columns - column + 1);
      const split = random() < 0.5 && lines > 60 ? int(30, lines - 30) : lines;
      const role = columns >= 3 ? 'lead' : 'secondary';
      if (jumping) {
        stories.push({ article: jumping, column, columns, top: 0, depth: split, role, continuedFrom: 'A1' });
        jumping = undefined;
      } else stories.push({ article: unused.pop(), column, columns, top: 0, depth: split, role });
      if (split < lines && unused.length > 0)
        stories.push({
          article: unused.pop(),
          column,
          columns,
          top: split,
          role: 'brief',
          photos: random() < 0.5,
        });
      column += columns;
    }
    if (front) {
      stories[0] = { ...stories[0], continuesOn: 'A2' };
      jumping = stories[0]!.article as string;
    }
    pages.push({ label: front ? 'A1' : 'A2', front, stories });
  }
  return {
    name: `Generated ${seed}`,
    date: '2026-11-29',
    template: 'broadsheet',
    sections: [{ name: 'A', prefix: 'A', pages }],
  };
}
