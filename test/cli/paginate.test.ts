/**
 * `galley paginate` and `galley edition BUDGET`, end to end on the sample budget: every story
 * of the budget starts on a page (or is reported held), every jump is answered on its page and
 * back, every booked ad is on one page, whole plates; bad bookings and budgets name the line
 * and the field, and nothing is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/edition/loadEdition.js';
import { loadBookings } from '../../src/model/loadBookings.js';
import { loadBudget } from '../../src/model/loadBudget.js';
import { runGalleyInProcess } from '../support/runGalleyInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'galley-paginate-'));
const budgetFile = 'samples/budget/budget.yaml';
const bookingsFile = 'samples/budget/bookings.csv';

describe('galley paginate, the sample budget', () => {
  const out = join(dir, 'edition.json');
  let result: Awaited<ReturnType<typeof runGalleyInProcess>>;
  beforeAll(async () => {
    result = await runGalleyInProcess(['paginate', budgetFile, '--ads', bookingsFile, '-o', out, '--json']);
  }, 120_000);

  it('exits 0 and writes a manifest galley loads, in whole plates of four', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const edition = loadEdition(out);
    expect(edition.pages.length % 4).toBe(0);
    expect(edition.pages[0]!.front).toBe(true);
  });

  it('starts every story of the budget on a page, or reports it held', () => {
    const budget = loadBudget(budgetFile);
    const edition = loadEdition(out);
    const report = JSON.parse(result.stdout) as { held: { slug: string }[] };
    for (const story of budget.stories) {
      const starts = edition.pages.filter((p) =>
        p.stories.some((s) => s.articlePath === story.articlePath && !s.continuedFrom),
      );
      const held = report.held.some((h) => h.slug === story.slug);
      expect(starts.length + (held ? 1 : 0), story.slug).toBe(1);
    }
  });

  it('answers every jump: "continued on" has its "continued from" on that page, and back', () => {
    const edition = loadEdition(out);
    const byLabel = new Map(edition.pages.map((p) => [p.label, p]));
    for (const page of edition.pages)
      for (const s of page.stories) {
        if (s.continuesOn)
          expect(
            byLabel
              .get(s.continuesOn)!
              .stories.some((c) => c.articlePath === s.articlePath && c.continuedFrom === page.label),
          ).toBe(true);
        if (s.continuedFrom)
          expect(
            byLabel
              .get(s.continuedFrom)!
              .stories.some((o) => o.articlePath === s.articlePath && o.continuesOn === page.label),
          ).toBe(true);
      }
  });

  it('puts every booked ad on exactly one page of its section, booked pages kept', () => {
    const budget = loadBudget(budgetFile);
    const edition = loadEdition(out);
    for (const b of loadBookings(bookingsFile, budget.sections)) {
      const on = edition.pages.filter((p) => p.ads.some((a) => a.label === b.label));
      expect(on, b.label).toHaveLength(1);
      expect(on[0]!.section).toBe(budget.sections[b.sectionIndex]!.name);
      if (b.pageNumber)
        expect(on[0]!.label).toBe(`${budget.sections[b.sectionIndex]!.prefix}${b.pageNumber}`);
    }
  });

  it('gives every story and ad of the manifest a position: it sets as it was made up', () => {
    const edition = loadEdition(out);
    for (const page of edition.pages) {
      for (const s of page.stories) expect(s.column, `${page.label} ${s.article}`).toBeDefined();
    }
  });
});

describe('galley paginate again after late news: the pages that did not change are kept', () => {
  // The sample budget with its articles where galley may read them, one of them copied here to
  // be lengthened between runs.
  const late = mkdtempSync(join(tmpdir(), 'galley-late-'));
  const budget = loadBudget(budgetFile);
  const lengthened = budget.stories.find((s) => s.slug === 'ie6-countdown')!;
  const copy = join(late, 'ie6.json');
  const data = {
    name: budget.name,
    newspaper: budget.newspaper,
    date: budget.date,
    template: budget.template,
    plate: budget.plate,
    sections: budget.sections,
    stories: budget.stories.map(({ field: _f, articlePath, sectionIndex: _s, ...row }) => ({
      ...row,
      article: row.slug === lengthened.slug ? copy : articlePath,
    })),
  };
  const file = join(late, 'budget.json');
  const out = join(late, 'edition.json');
  const run = async (...extra: string[]) => {
    const r = await runGalleyInProcess([
      'paginate',
      file,
      '--ads',
      bookingsFile,
      '-o',
      out,
      '--json',
      ...extra,
    ]);
    expect(r.stderr).toBe('');
    return {
      report: JSON.parse(r.stdout) as { kept: string[]; pages: { page: string; padding?: boolean }[] },
      manifest: readFileSync(out, 'utf8'),
    };
  };
  const pagesOf = (manifest: string) =>
    new Map(
      (JSON.parse(manifest) as { sections: { pages: { label: string }[] }[] }).sections
        .flatMap((s) => s.pages)
        .map((p) => [p.label, JSON.stringify(p)]),
    );

  it("keeps every page when nothing changed, and only the lengthened story's page moves when it did", async () => {
    const article = JSON.parse(readFileSync(lengthened.articlePath, 'utf8')) as { body: string[] };
    writeFileSync(copy, JSON.stringify({ ...article, images: [] }));
    writeFileSync(file, JSON.stringify(data));
    const first = await run();
    expect(first.report.kept).toEqual([]);
    const again = await run();
    expect(again.manifest).toBe(first.manifest);
    const content = first.report.pages.filter((p) => !p.padding).length;
    expect(again.report.kept).toHaveLength(content);

    article.body.push(
      'Late update: the company said on Saturday evening that the countdown site had drawn more visitors in its first day than it had expected, and that it would add a page for businesses that still run older systems on their office computers.',
    );
    writeFileSync(copy, JSON.stringify({ ...article, images: [] }));
    const after = await run();
    const before = pagesOf(first.manifest);
    const now = pagesOf(after.manifest);
    const moved = [...now.keys()].filter((label) => before.get(label) !== now.get(label));
    // The story's own page is set again; every page kept is exactly as it was.
    expect(moved.length).toBeGreaterThan(0);
    expect(after.report.kept.length).toBeGreaterThanOrEqual(content - 2);
    for (const label of after.report.kept) expect(now.get(label)).toBe(before.get(label));
    // --fresh: the record is not read.
    expect((await run('--fresh')).report.kept).toEqual([]);
  }, 120_000);
});

describe('galley paginate, a section with more pages than stories', () => {
  it('gives the pages it has no story for a house ad, instead of waiting on them', async () => {
    // A page with no story and no ad has no makeup: it once sent pagination round in circles.
    const budget = join(dir, 'roomy.yaml');
    writeFileSync(
      budget,
      `template: tabloid\nplate: 2\nsections:\n  - { name: News, prefix: A, pages: 4 }\nstories:\n  - { slug: lead, article: ${resolve('samples/cambodia-daily/article.json')}, section: News }\n`,
    );
    const r = await runGalleyInProcess(['paginate', budget, '--allow-root', resolve('samples'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { pages: { page: string; ads: string[] }[] };
    expect(report.pages.map((p) => p.page)).toEqual(['A1', 'A2', 'A3', 'A4']);
    for (const p of report.pages.slice(1)) expect(p.ads.join(), p.page).toMatch(/House advertisement/);
  }, 60_000);
});

describe('galley paginate, bad input', () => {
  it('names the booking line with a size in an unknown unit, and writes nothing', async () => {
    const bookings = join(dir, 'bad.csv');
    writeFileSync(bookings, 'page,size,advertiser\nA2,3x4in,Bakery\nA3,2x9parsecs,Travel\n');
    const out = join(dir, 'never.json');
    const r = await runGalleyInProcess(['paginate', budgetFile, '--ads', bookings, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv: line 3, size: unknown unit "parsecs"/);
    expect(existsSync(out)).toBe(false);
  });

  it('names the budget field of an article that does not exist', async () => {
    const budget = join(dir, 'budget.yaml');
    writeFileSync(
      budget,
      `template: tabloid\nstories:\n  - { slug: lead, article: ${resolve('samples/cambodia-daily/article.json')}, section: News }\n  - { slug: gone, article: missing.json, section: News }\n`,
    );
    const r = await runGalleyInProcess(['paginate', budget, '--allow-root', resolve('samples')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/budget\.yaml: stories\[1\]\.article: no such file/);
  });
});

describe('galley edition BUDGET', () => {
  it('paginates, sets every page and writes the manifest and a contact sheet beside the PDFs', async () => {
    const budget = join(dir, 'small.csv');
    writeFileSync(
      budget,
      `slug,article,section,priority,jump,front\nlead,${resolve('samples/cambodia-daily/article.json')},News,1,yes,yes\nexpo,${resolve('samples/corpus/articles/wn-2016-fan-expo-canada.json')},News,2,yes,\n`,
    );
    const out = join(dir, 'small');
    const r = await runGalleyInProcess([
      'edition',
      budget,
      '-o',
      out,
      '--jobs',
      '1',
      '--date',
      '2026-12-07',
      '--allow-root',
      resolve('samples'),
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A1 \(News\): /m);
    const manifest = JSON.parse(readFileSync(join(out, 'edition.json'), 'utf8'));
    const pages = manifest.sections.flatMap((s: { pages: unknown[] }) => s.pages);
    for (const page of pages as { label: string }[])
      expect(existsSync(join(out, `late-city-2026-12-07-${page.label.toLowerCase()}.pdf`))).toBe(true);
    expect(readFileSync(join(out, 'contact-sheet.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);
});
