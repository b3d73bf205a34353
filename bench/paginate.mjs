/**
 * `node bench/paginate.mjs` (after `npm run build`): pagination speed, issue 14's figure. A story
 * budget of 40 (and 100) stories, the seed story and the corpus articles over and over
 * in four broadsheet sections, and an ad booking file of about two ads per expected page;
 * `galley edition BUDGET --ads BOOKINGS --jobs 2` paginates it, makes every page up and sets
 * them, warm photo cache. Prints medians of BENCH_RUNS (default 3) whole-process runs, pages,
 * pages and pages/s. BENCH_STORIES (default "40,100") sets the budget sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const jobs = process.env.BENCH_JOBS ?? '2';
// 40 stories make 24 broadsheet pages, 100 make 48 (issue 14: 24 pages in 30 s, 48 in 60 s).
for (const count of (process.env.BENCH_STORIES ?? '40,100').split(',').map(Number)) benchBudget(count);

function benchBudget(count) {
  const work = join(tmpdir(), `galley-bench-paginate-${count}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  const articles = [
    join(root, 'samples/cambodia-daily/article.json'),
    ...readdirSync(join(root, 'samples/corpus/articles'))
      .sort()
      .map((f) => join(root, 'samples/corpus/articles', f)),
  ];
  const sections = [
    { name: 'News', prefix: 'A' },
    { name: 'World', prefix: 'B' },
    { name: 'Business', prefix: 'C' },
    { name: 'Features', prefix: 'D' },
  ];
  const stories = [];
  for (let i = 0; i < count; i++) {
    const section = sections[Math.floor((i * sections.length) / count)];
    stories.push({
      slug: `story-${i + 1}`,
      article: relative(work, articles[i % articles.length]),
      section: section.name,
      priority: (i % 7) + 1,
      jump: i % 3 === 0,
      front: i < 2,
    });
  }
  const budget = join(work, 'budget.json');
  writeFileSync(
    budget,
    JSON.stringify(
      { name: 'Bench City', date: '2026-12-07', template: 'broadsheet', plate: 4, sections, stories },
      null,
      1,
    ),
  );
  const sizes = ['3x4in', '2x5in', '6x3in', '2x3in', '4x90mm', '1x4in'];
  const rows = ['page,section,size,position,advertiser,artwork'];
  for (let i = 0; i < Math.round(count * 0.6); i++)
    rows.push(`,${sections[i % sections.length].name},${sizes[i % sizes.length]},,Advertiser ${i + 1},`);
  const bookings = join(work, 'bookings.csv');
  writeFileSync(bookings, `${rows.join('\n')}\n`);

  const cache = join(work, 'photos');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const run = () => {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        cli,
        'edition',
        budget,
        '--ads',
        bookings,
        '-o',
        join(work, 'out'),
        '--jobs',
        jobs,
        '--cache',
        cache,
        '--quiet',
        '--json',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28, cwd: root },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr || r.stdout);
    return { ms: performance.now() - t, r };
  };

  run(); // warm the photo cache
  const times = [];
  for (let i = 0; i < runs; i++) times.push(run().ms);
  const manifest = JSON.parse(readFileSync(join(work, 'out', 'edition.json'), 'utf8'));
  const pages = manifest.sections.reduce((n, s) => n + s.pages.length, 0);
  const t = median(times) / 1000;
  console.log(
    `paginate bench: a ${count}-story budget with ${rows.length - 1} ads, paginated, made up and set, --jobs ${jobs}, warm photo cache`,
  );
  console.log(
    `  median ${t.toFixed(2)} s for ${pages} pages = ${(pages / t).toFixed(2)} pages/s (target: 24 pages in 30 s, 48 in 60 s, on two cores)`,
  );
}
