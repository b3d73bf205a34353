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
