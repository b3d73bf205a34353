/**
 * `galley layout -o plan.json` and house ads, end to end: a page whose one story cannot fill it
 * gets a house ad in the white (reported), the plan written out keeps it (an ordinary ad with
 * `house: true`) and sets the same page again; a page with `houseAds: false` keeps its white; a
 * photo too small for the module is left out rather than set below 150 ppi.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../src/layout/types.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-layout-'));
// A short story whose only photo is 410 x 512 px: about 36 ppi across a broadsheet page.
const article = resolve('samples/corpus/articles/nasa-2023-iss-crew-handovers.json');
const roots = ['--allow-root', resolve('samples')];

function edition(file: string, page: Record<string, unknown> = {}): string {
  const path = join(dir, file);
  const stories = [{ article }];
  const data = {
    name: 'T',
    date: '2026-12-07',
    template: 'broadsheet',
    sections: [{ name: 'News', prefix: 'A', pages: [{ label: 'A2', stories, ...page }] }],
  };
  writeFileSync(path, JSON.stringify(data));
  return path;
}

async function report(args: string[]): Promise<PageReport> {
  const r = await runGalleyInProcess([...args, ...roots, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { pages: PageReport[] }).pages[0]!;
}

describe('house ads in the white a page cannot fill', () => {
  const input = edition('short.json');
  const plan = join(dir, 'plan.json');
  let made: PageReport;
  beforeAll(async () => {
    made = await report(['render', input, '-o', join(dir, 'short.pdf')]);
    const r = await runGalleyInProcess(['layout', input, ...roots, '-o', plan]);
    expect(r.code).toBe(0);
  });

  it('fills the white with one house ad, and says so in the fit report', () => {
    const notes = made.warnings.filter((w) => w.startsWith('house ad'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^house ad 6 col x \d+ lines at column 1, line \d+: white the stories leave$/);
    expect(made.stories[0]!.wordsPlaced).toBe(made.stories[0]!.wordsTotal);
  });

  it('leaves out a photo it would have to set below 150 ppi', () => {
    for (const p of made.stories[0]!.photos) if (p.placed) expect(p.ppi).toBeGreaterThanOrEqual(150);
  });

  it('writes the house ad into the plan as an ad with house: true, and the plan sets the same page', async () => {
    const written = JSON.parse(readFileSync(plan, 'utf8'));
    const page = written.sections[0].pages[0];
    expect(page.ads).toEqual([
      expect.objectContaining({
        house: true,
        label: 'House advertisement: The Galley Times',
        column: 1,
        columns: 6,
      }),
    ]);
    const again = await report(['render', plan, '-o', join(dir, 'again.pdf')]);
    expect(again.stories.map((s) => s.module)).toEqual(made.stories.map((s) => s.module));
    expect(again.stories.map((s) => s.linesSet)).toEqual(made.stories.map((s) => s.linesSet));
  });

  it('keeps the white on a page with houseAds: false', async () => {
    const kept = await report([
      'render',
      edition('keep.json', { houseAds: false }),
      '-o',
      join(dir, 'keep.pdf'),
    ]);
    expect(kept.warnings.filter((w) => w.startsWith('house ad'))).toEqual([]);
    const score = kept.makeup!.score;
    expect((score.unfilled ?? 0) + (score.holes ?? 0)).toBeGreaterThan(0);
  });
});

describe('a plan that holds stories, written out with -o', () => {
  it('keeps the held stories on their page without a position: set again, they are reported held, not lost', async () => {
    const articles = [
      'nasa-2023-iss-crew-handovers',
      'nasa-2023-iss-space-botany',
      'wn-2007-taipei-lantern-festival',
      'wn-2008-canada-document-found-on-street',
      'wn-2006-librivox-founder-interview',
      'wn-2009-wikihow-founder-interview',
      'wn-2011-microsoft-ie6-countdown',
    ].map((a) => resolve(`samples/corpus/articles/${a}.json`));
    const input = join(dir, 'crowded.json');
    writeFileSync(
      input,
      JSON.stringify({
        name: 'T',
        date: '2026-12-07',
        template: 'tabloid',
        sections: [
          {
            name: 'News',
            prefix: 'A',
            pages: [{ label: 'A2', stories: articles.map((article) => ({ article })) }],
          },
        ],
      }),
    );
    const plan = join(dir, 'crowded-plan.json');
    const r = await runGalleyInProcess(['layout', input, ...roots, '-o', plan]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/held stories stay in it without a position/);
    const stories = (
      JSON.parse(readFileSync(plan, 'utf8')) as {
        sections: { pages: { stories: { article: string; column?: number }[] }[] }[];
      }
    ).sections[0]!.pages[0]!.stories;
    expect(stories).toHaveLength(articles.length);
    const unplaced = stories.filter((s) => s.column === undefined);
    expect(unplaced.length).toBeGreaterThan(0);
    const again = await report(['render', plan, '-o', join(dir, 'crowded.pdf')]);
    for (const s of unplaced) {
      const headline = (JSON.parse(readFileSync(resolve(dir, s.article), 'utf8')) as { headline: string })
        .headline;
      expect(again.warnings.some((w) => w.startsWith('held:') && w.includes(headline))).toBe(true);
    }
  }, 60_000);
});
