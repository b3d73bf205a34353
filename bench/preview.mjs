/**
 * `npm run build && node bench/preview.mjs`: how fast `galley preview` is for the sample front page.
 *
 * 1. save to PNG in watch mode: `galley preview --watch` on a copy of the samples; the lead
 *    article is saved RUNS times (a headline word toggled) and the time from the write to the
 *    "wrote" line (printed after the PNG is in place) is measured. Target (issue 15): median < 100 ms.
 * 2. the same loop in-process, split into its stages (load + compose, render PNG, write), with a
 *    warm workspace as the watcher has it (fonts open, glyph masks cached; articles re-read).
 * 3. a cold `galley preview` (a fresh process: start-up, fonts, photos, every glyph rasterised).
 *
 * Environment: BENCH_RUNS (default 10), BENCH_DPI (default 50, the CLI default).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const cli = join(dist, 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const dpi = String(process.env.BENCH_DPI ?? 50);
const work = join(tmpdir(), 'galley-bench-preview');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'samples'), join(work, 'samples'), { recursive: true });
const edition = join(work, 'samples', 'edition', 'edition.json');
const article = join(work, 'samples', 'cambodia-daily', 'article.json');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (v) => `${Math.round(v)} ms`;
const range = (xs) => `median ${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** A save as editors do it: the whole file written again, one word changed. */
let flip = false;
function save() {
  const text = readFileSync(article, 'utf8');
  flip = !flip;
  writeFileSync(
    article,
    flip ? text.replace('Sokha Seeks', 'Sokha Asks') : text.replace('Sokha Asks', 'Sokha Seeks'),
  );
}

async function watchLatency() {
  const out = join(work, 'watch.png');
  const child = spawn(
    process.execPath,
    [cli, 'preview', edition, '--page', 'A1', '--dpi', dpi, '--watch', '-o', out],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: work, // the copied samples' paths stay inside the current folder
    },
  );
  let wrote = 0;
  let last = 0;
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const l of lines)
      if (l.startsWith('wrote ')) {
        wrote++;
        last = performance.now();
      }
  });
  const until = async (n) => {
    const end = performance.now() + 30_000;
    while (wrote < n) {
      if (performance.now() > end) throw new Error('watch mode did not redraw within 30 s');
      await sleep(1);
    }
  };
  await until(1);
  await sleep(300); // the watcher is set up after the first picture
  const times = [];
  for (let i = 0; i < runs; i++) {
    const before = wrote;
    const t0 = performance.now();
    save();
    await until(before + 1);
    times.push(last - t0);
    await sleep(150);
  }
  child.kill('SIGTERM');
  return times;
}

async function inProcess() {
  const [
    { createWorkspace },
    { composeEdition },
    { loadCliInput },
    { selectPages },
    preview,
    { writeOutput },
  ] = await Promise.all([
    import(join(dist, 'edition/createWorkspace.js')),
    import(join(dist, 'edition/composeEdition.js')),
    import(join(dist, 'cli/loadCliInput.js')),
    import(join(dist, 'edition/selectPages.js')),
    import(join(dist, 'render/preview/index.js')),
    import(join(dist, 'cli/writeOutput.js')),
  ]);
  process.chdir(work); // as for the CLI runs: the copied samples' paths stay inside the current folder
  const ws = createWorkspace({ keepLayouts: true }); // as `preview --watch` makes it
  const imageCache = preview.createPreviewImageCache();
  const rasterCache = preview.createPreviewRasterCache(); // as `preview --watch` keeps them
  const args = { input: edition, page: 'A1', template: 'broadsheet', breaker: 'total-fit' };
  const out = join(work, 'inprocess.png');
  const stages = { compose: [], render: [], write: [], total: [] };
  for (let i = 0; i <= runs; i++) {
    save();
    const t0 = performance.now();
    ws.forget();
    const ed = loadCliInput(ws, args);
    const { pages } = await composeEdition(ws, ed, { pages: selectPages(ed, 'A1').slice(0, 1) });
    const t1 = performance.now();
    const png = await preview.renderPreviewPng(pages[0].display, {
      fontFiles: ws.fontFiles,
      dpi: Number(dpi),
      imageCache,
      rasterCache,
    });
    const t2 = performance.now();
    await writeOutput(out, png);
    const t3 = performance.now();
    if (i === 0) {
      console.log(
        `  first (cold) in-process draw: ${ms(t3 - t0)} (compose ${ms(t1 - t0)}, render ${ms(t2 - t1)})`,
      );
      continue;
    }
    stages.compose.push(t1 - t0);
    stages.render.push(t2 - t1);
    stages.write.push(t3 - t2);
    stages.total.push(t3 - t0);
  }
  return stages;
}

function cold() {
  const times = [];
  const inner = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, 'preview', edition, '--page', 'A1', '--dpi', dpi, '-o', join(work, 'cold.png')],
      {
        encoding: 'utf8',
        cwd: work,
      },
    );
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`galley preview failed: ${r.stderr}`);
    inner.push(Number(/wrote .* in (\d+) ms/.exec(r.stdout)?.[1]));
  }
  return { times, inner };
}

console.log(`galley preview benchmark: sample edition page A1 at ${dpi} dpi, ${runs} runs`);
console.log(`  machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, node ${process.version}`);
const watch = await watchLatency();
console.log(`save to PNG in watch mode:         ${range(watch)}   target < 100 ms`);
const stages = await inProcess();
console.log(`in-process redraw, warm workspace: ${range(stages.total)}`);
console.log(`  load + compose ${range(stages.compose)}`);
console.log(`  render PNG     ${range(stages.render)}`);
console.log(`  write          ${range(stages.write)}`);
const c = cold();
console.log(
  `cold galley preview (new process): ${range(c.times)}; its own "wrote in" figure ${range(c.inner)}   target < 500 ms`,
);
rmSync(work, { recursive: true, force: true });
