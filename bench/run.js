/**
 * `npm run bench` (after `npm run build`): sets a generated 48-page edition (the 24-page benchmark
 * plan twice, with photos) with `galley edition` at --jobs 1 and at every core, cold and warm photo
 * cache, worker processes and worker threads, each a fresh process; prints medians of pages/s and
 * peak memory, and the cold start of one page (`galley render`, warm cache). Environment:
 * BENCH_RUNS (default 3), BENCH_COPIES (2).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchEdition } from './makeEdition.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const copies = Number(process.env.BENCH_COPIES ?? 2);
const cores = availableParallelism();
const work = join(tmpdir(), 'galley-bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const manifest = join(work, 'edition.json');
const edition = makeBenchEdition({ copies });
writeFileSync(manifest, JSON.stringify(edition, null, 1));
const pageCount = edition.sections.reduce((n, s) => n + s.pages.length, 0);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Shaped words kept across runs (src/model/shapeStore.ts) live beside the photo cache here: a
// cold run has neither, a warm run both.
const shapesOf = (cache) => `${cache}-shapes`;

function editionRun(jobs, cache, pool = 'processes') {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      cli,
      'edition',
      manifest,
      '-o',
      out,
      '--jobs',
      String(jobs),
      '--pool',
      pool,
      '--cache',
      cache,
      '--quiet',
      '--json',
    ],
    {
      env: { ...process.env, GALLEY_SHAPE_CACHE: shapesOf(cache) },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`galley edition exited ${r.status}: ${r.stderr}`);
  const result = JSON.parse(r.stdout);
  const set = result.pages.filter((p) => p.status === 'rendered').length;
  return {
    pagesPerSecond: result.pagesPerSecond,
    wallPagesPerSecond: set / (wall / 1000),
    peakRssMb: result.peakRssMb,
    wall,
  };
}

const rows = [];
const configs = [{ jobs: 1, pool: '-' }];
if (cores > 1) configs.push({ jobs: cores, pool: 'processes' }, { jobs: cores, pool: 'threads' });
for (const { jobs, pool } of configs) {
  for (const state of ['cold', 'warm']) {
    const cache = join(work, `cache-${jobs}-${pool}`);
    const samples = [];
    const run = () => editionRun(jobs, cache, pool === '-' ? 'processes' : pool);
    if (state === 'warm') run(); // fills the caches (and the OS file cache)
    for (let i = 0; i < runs; i++) {
      if (state === 'cold') {
        rmSync(cache, { recursive: true, force: true });
        rmSync(shapesOf(cache), { recursive: true, force: true });
      }
      samples.push(run());
      process.stderr.write(
        `jobs ${jobs} ${pool} ${state} run ${i + 1}: ${samples.at(-1).pagesPerSecond.toFixed(2)} pages/s, ${Math.round(samples.at(-1).peakRssMb)} MB\n`,
      );
    }
    rows.push({
      jobs,
      pool,
      state,
      pagesPerSecond: median(samples.map((s) => s.pagesPerSecond)),
      wallPagesPerSecond: median(samples.map((s) => s.wallPagesPerSecond)),
      peakRssMb: median(samples.map((s) => s.peakRssMb)),
      maxPeakRssMb: Math.max(...samples.map((s) => s.peakRssMb)),
    });
  }
}

// Cold start of one page: a new process sets one article as a front page, photo cache warm.
const single = join(work, 'single');
const singleCache = join(work, 'cache-single');
const renderOnce = () => {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      cli,
      'render',
      join(root, 'samples/cambodia-daily/article.json'),
      '-o',
      join(single, 'a1.pdf'),
      '--cache',
      singleCache,
      '--quiet',
    ],
    { env: { ...process.env, GALLEY_SHAPE_CACHE: shapesOf(singleCache) } },
  );
  if (r.status !== 0) throw new Error(`galley render exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
};
renderOnce();
const starts = Array.from({ length: 5 }, renderOnce);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `galley bench: ${pageCount}-page edition, ${runs} runs each (medians), ${cores} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}\n`,
);
console.log(
  '| jobs | workers | photo and word caches | pages/s (run) | pages/s (incl. process start) | peak RSS MB (median / max) |',
);
console.log('|---:|---|---|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.jobs} | ${r.pool} | ${r.state} | ${r.pagesPerSecond.toFixed(2)} | ${r.wallPagesPerSecond.toFixed(2)} | ${Math.round(r.peakRssMb)} / ${Math.round(r.maxPeakRssMb)} |`,
  );
}
console.log(
  `\nsingle page cold start (galley render, one article, warm cache): median ${Math.round(median(starts))} ms of ${starts.map((s) => Math.round(s)).join(', ')}`,
);
console.log(`
What this measured: each row is a fresh \`galley edition --json\` process setting the ${pageCount}-page
edition (bench/makeEdition.mjs, copies ${copies}); "pages/s (run)" is report.json's figure (pool start,
every page, report), "incl. process start" divides by the whole process's wall time. Workers
"processes" means this process sets pages as worker 0 beside ${cores - 1} child process(es); "threads" is
a piscina pool of ${cores} worker threads. Peak RSS adds each worker process's own peak. Cold: no photo
cache and no saved shaped words; warm: both filled by a run before. To compare with another
engine, time its whole process on the same pages on this machine (e.g. \`/usr/bin/time\`), with
its own caches warm, against "incl. process start".`);
rmSync(work, { recursive: true, force: true });

// Preview (issue 15's cold preview and watch redraw), page makeup and pagination (issues 13 and
// 14): their own scripts, run here so `npm run bench`
// reports every figure; BENCH_QUICK=1 leaves them out.
if (!process.env.BENCH_QUICK)
  for (const script of ['preview.mjs', 'makeup.mjs', 'paginate.mjs']) {
    console.log('');
    const r = spawnSync(process.execPath, [join(root, 'bench', script)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`bench/${script} exited ${r.status}`);
  }
