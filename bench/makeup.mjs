/**
 * `node bench/makeup.mjs` (after `npm run build`): page makeup speed. The 24-page benchmark edition
 * (bench/makeEdition.mjs) with every position removed (stories keep their order, jumps become
 * `jump`, ads keep their booked size), made up and typeset by `galley edition --jobs 1`, warm photo
 * cache; and one made-up page from a cold process (`galley render` of the seed article). Prints
 * medians of BENCH_RUNS (default 3) runs, pages/s, and the pages' makeup scores (filled or not).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchEdition } from './makeEdition.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = join(tmpdir(), 'galley-bench-makeup');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const edition = makeBenchEdition({ copies: 1 });
for (const section of edition.sections)
  for (const page of section.pages) {
    page.stories = page.stories.map(({ column, columns, top, depth, continuesOn, ...rest }) => ({
      ...rest,
      ...(continuesOn && { jump: continuesOn }),
    }));
    page.ads = page.ads.map(({ column, top, ...rest }) => rest);
  }
const manifest = join(work, 'edition.json');
writeFileSync(manifest, JSON.stringify(edition, null, 1));
const pages = edition.sections.reduce((n, s) => n + s.pages.length, 0);
const cache = join(work, 'photos');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (args) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: performance.now() - t, r };
};

run(['edition', manifest, '-o', join(work, 'out'), '--jobs', '1', '--cache', cache, '--quiet']); // warm the photo cache
const times = [];
let last;
for (let i = 0; i < runs; i++) {
  const { ms, r } = run([
    'edition',
    manifest,
    '-o',
    join(work, 'out'),
    '--jobs',
    '1',
    '--cache',
    cache,
    '--quiet',
    '--json',
  ]);
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  times.push(ms);
  last = r;
}
const cold = [];
for (let i = 0; i < runs; i++)
  cold.push(
    run([
      'render',
      join(root, 'samples/cambodia-daily/article.json'),
      '-o',
      join(work, 'a1.pdf'),
      '--cache',
      cache,
      '-q',
    ]).ms,
  );

const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8'));
const scores = report.pages.map((p) => p.report?.makeup ?? p.makeup).filter(Boolean);
const filled = scores.filter((m) => !m.score.unfilled && !m.score.holes && !m.score.held).length;
const t = median(times) / 1000;
console.log(`makeup bench: ${pages} pages made up from unplaced stories and ads, --jobs 1, warm photo cache`);
console.log(
  `  median ${t.toFixed(2)} s = ${(pages / t).toFixed(2)} pages/s (target 5); cold single page ${median(cold).toFixed(0)} ms (target 1000)`,
);
console.log(`  pages filled with nothing held: ${filled} of ${scores.length}`);
void last;
