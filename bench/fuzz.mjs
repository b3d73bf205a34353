/**
 * Fuzzing of galley's input edge, for a bounded time: random bytes and mutated valid files thrown at
 * every parser (article JSON and Markdown, template, edition, photo probe). An article that loads
 * is also laid out in a narrow module with the shipped fonts. A failure is anything other than a
 * clean InputError / ImageError or success; each one is saved under the output folder to replay.
 *
 *   npm run build && node bench/fuzz.mjs --minutes 10 [--seed 1] [--out out/fuzz]
 *
 * Imports the built code from dist/ (run `npm run build` first). Exit 1 when something failed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = (p) => join(root, 'dist', p);
const { loadArticle } = await import(dist('model/loadArticle.js'));
const { loadTemplate } = await import(dist('model/loadTemplate.js'));
const { loadEdition } = await import(dist('edition/loadEdition.js'));
const { probeImage } = await import(dist('images/probeImage.js'));
const { ImageError } = await import(dist('images/imageError.js'));
const { isInputError } = await import(dist('model/InputError.js'));
const { createWorkspace } = await import(dist('edition/createWorkspace.js'));
const { layoutStory } = await import(dist('layout/layoutStory.js'));

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    out: { type: 'string', default: join(root, 'out', 'fuzz') },
    quiet: { type: 'boolean', default: false },
  },
});
const budgetMs = Number(values.minutes) * 60_000;
let seed = Number(values.seed) >>> 0 || 1;
/** mulberry32: a small seeded generator, so a run can be replayed with --seed. */
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (xs) => xs[int(xs.length)];

// ---- seeds: valid files of every kind ------------------------------------------------------------
const read = (p) => readFileSync(join(root, p));
const articleDir = 'samples/corpus/articles';
const seeds = {
  articleJson: [
    ...readdirSync(join(root, articleDir)).map((f) => read(join(articleDir, f))),
    read('samples/cambodia-daily/article.json'),
  ],
  articleMd: [read('samples/cambodia-daily/article.md')],
  template: ['broadsheet', 'berliner', 'tabloid'].map((n) => read(`templates/${n}.json`)),
  edition: [read('samples/edition/edition.json'), read('test/fixtures/edition/edition.json')],
  photo: [
    'samples/corpus/images/hopper-128.jpg',
    'samples/corpus/images/coffee.png',
    'test/fixtures/edition/images/hopper.jpg',
  ].map(read),
};

// ---- mutations -------------------------------------------------------------------------------------
const TOKENS = [
  'null',
  'true',
  '-1',
  '0',
  '1e309',
  '-0',
  '9007199254740993',
  '""',
  '"\\u0000"',
  '[]',
  '{}',
  '"\u202e"',
  '"\ud83d\ude00"',
  '"../../../../etc/passwd"',
  '"http://example.com/x.jpg"',
  '"/dev/zero"',
  '"."',
  `"${'x'.repeat(5000)}"`,
  '[[[[[[[[[[',
  '{"a":',
  '"\\ud800"',
  '---',
  '\n---\n',
  '*',
  '**',
  '\\',
  '![x](y)',
  '> q -- a',
  '## h',
  '&a [*a]',
  '!!binary',
  '<<: *a',
  '"12.5in"',
  '"3p6"',
  '"-5mm"',
  '"NaNpt"',
];
function randomBytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(256);
  return b;
}
function mutateBytes(input) {
  let b = Buffer.from(input);
  const rounds = 1 + int(8);
  for (let r = 0; r < rounds; r++) {
    const at = int(b.length + 1);
    switch (int(7)) {
      case 0: // flip bits
        if (b.length) b[Math.min(at, b.length - 1)] ^= 1 << int(8);
        break;
      case 1: // delete a span
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(64))]);
        break;
      case 2: // insert a token
        b = Buffer.concat([b.subarray(0, at), Buffer.from(pick(TOKENS)), b.subarray(at)]);
        break;
      case 3: // truncate
        b = b.subarray(0, at);
        break;
      case 4: // duplicate a span
        b = Buffer.concat([
          b.subarray(0, at),
          b.subarray(int(b.length), int(b.length) + int(256)),
          b.subarray(at),
        ]);
        break;
      case 5: // random bytes over a span
        b = Buffer.concat([b.subarray(0, at), randomBytes(1 + int(16)), b.subarray(at + int(16))]);
        break;
      default: // set a byte to an interesting value
        if (b.length) b[Math.min(at, b.length - 1)] = pick([0, 0xff, 0x7f, 0x80, 0x22, 0x5c, 0x0a]);
    }
  }
  return b;
}
function randomValue(depth = 0) {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick([0, -1, 1, 0.5, -1e9, 1e9, 1e308, 2 ** 53 + 1, 12, 3]);
    case 3:
      return pick([
        '',
        ' ',
        'x'.repeat(int(20000)),
        '\u202e\u200b\ufeff',
        '😀',
        '中文',
        '12in',
        '-3mm',
        '3p6',
        'broadsheet',
        '../x.json',
        'A1',
      ]);
    case 4:
      return pick(['left', 'justify', 'lead', 'brief', 'Source Serif 4', 'Comic Sans', '2026-02-30']);
    case 5:
      return Array.from({ length: int(4) }, () =>
        pick(['word', 'two words', '', '**b**', '*i*']).repeat(1 + int(50)),
      ).join(' ');
    case 6:
      return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [
          pick(['a', 'text', 'file', 'width', 'subhead', 'paragraph', 'headlin']),
          randomValue(depth + 1),
        ]),
      );
    default:
      return { c: int(120) - 10, m: 0, y: 0, k: 100 };
  }
}
/** Replaces, deletes or adds one value somewhere in a parsed JSON document. */
function mutateJson(input) {
  let doc;
  try {
    doc = JSON.parse(input.toString('utf8'));
  } catch {
    return mutateBytes(input);
  }
  const rounds = 1 + int(3);
  for (let r = 0; r < rounds; r++) {
    let node = doc;
    for (let d = 0; d < 6; d++) {
      const keys = node && typeof node === 'object' ? Object.keys(node) : [];
      if (keys.length === 0) break;
      const key = pick(keys);
      const child = node[key];
      if (child && typeof child === 'object' && random() < 0.7) {
        node = child;
        continue;
      }
      const action = int(4);
      if (action === 0 && !Array.isArray(node)) delete node[key];
      else if (action === 1 && Array.isArray(node)) node.push(structuredClone(pick(node)) ?? randomValue());
      else node[key] = randomValue();
      break;
    }
  }
  return Buffer.from(JSON.stringify(doc, null, random() < 0.5 ? 2 : 0));
}
function deepNesting() {
  const n = 1000 + int(200_000);
  const open = pick(['[', '{"a":', '- ', '  '.repeat(1)]);
  return Buffer.from(open.repeat(n) + (random() < 0.5 ? '' : '1'));
}
function input(kind) {
  const r = random();
  if (r < 0.08) return randomBytes(int(2048));
  if (r < 0.1) return deepNesting();
  const seed = pick(seeds[kind]);
  if (kind === 'photo' || kind === 'articleMd' || r < 0.45) return mutateBytes(seed);
  return mutateJson(seed);
}

// ---- targets -------------------------------------------------------------------------------------
// Cases are written two levels inside the output folder, so an article's "../images/x.jpg" stays
// inside the current folder (the repository) and passes the path guard.
process.chdir(root);
const work = join(values.out, `work-${process.pid}`, 'articles');
mkdirSync(work, { recursive: true });
mkdirSync(values.out, { recursive: true });
const ws = createWorkspace();
const narrow = loadTemplate(join(root, 'test/fixtures/edition/small.json'));
const frame = { column: 0, columns: 2, top: narrow.flag ? 10 : 2, depth: 40 };

const TARGETS = {
  articleJson: { ext: 'json', run: (f) => layOut(loadArticle(f)) },
  articleMd: { ext: 'md', run: (f) => layOut(loadArticle(f)) },
  template: { ext: 'json', run: (f) => loadTemplate(f) },
  edition: { ext: 'json', run: (f) => loadEdition(f) },
  photo: { ext: 'img', run: (f) => probeImage(f, { limitInputPixels: 50_000_000 }) },
};
/** Lays out a loaded article in a two-column module (photos are not probed: reported as not loaded). */
function layOut(article) {
  if (random() < 0.3)
    layoutStory(ws.ctx, narrow, {
      article,
      frame,
      role: pick(['lead', 'secondary', 'brief']),
      headlineColumns: 2,
      photos: true,
    });
}

const counts = Object.fromEntries(
  Object.keys(TARGETS).map((k) => [k, { runs: 0, ok: 0, rejected: 0, failures: 0 }]),
);
const failures = [];
const started = performance.now();
let slowest = { ms: 0, kind: '' };
let iterations = 0;
while (performance.now() - started < budgetMs) {
  const kind = pick(Object.keys(TARGETS));
  const target = TARGETS[kind];
  const bytes = input(kind);
  const file = join(work, `case.${target.ext}`);
  writeFileSync(file, bytes);
  const c = counts[kind];
  c.runs++;
  iterations++;
  const t0 = performance.now();
  try {
    await target.run(file);
    c.ok++;
  } catch (e) {
    if (isInputError(e) || e instanceof ImageError) c.rejected++;
    else {
      c.failures++;
      const saved = join(values.out, `failure-${failures.length}-${kind}.${target.ext}`);
      writeFileSync(saved, bytes);
      const message = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e);
      failures.push({
        kind,
        saved,
        message,
        stack: e instanceof Error ? e.stack?.split('\n').slice(0, 6).join('\n') : '',
      });
      if (!values.quiet) process.stderr.write(`FAILURE ${kind}: ${message}\n  saved ${saved}\n`);
    }
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, kind };
  if (!values.quiet && iterations % 2000 === 0)
    process.stderr.write(
      `${iterations} iterations, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
}
const summary = {
  seed: Number(values.seed),
  minutes: Number(values.minutes),
  iterations,
  failures: failures.length,
  slowestMs: Math.round(slowest.ms),
  slowestKind: slowest.kind,
  byTarget: counts,
  distinctFailures: [...new Set(failures.map((f) => `${f.kind}: ${f.message.slice(0, 120)}`))],
  examples: failures.slice(0, 10),
};
rmSync(join(work, '..'), { recursive: true, force: true });
writeFileSync(join(values.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
process.exitCode = failures.length ? 1 : 0;
