/**
 * Text engine benchmark: sets the body of the 12 corpus articles in a broadsheet column (6 columns
 * on an 828 pt type area with 12 pt gutters: 128 pt; Source Serif 4 at 9.5/11.5 pt) with the
 * total-fit and the greedy engine, and prints spacing statistics and speed: prepare + set (a fresh
 * paragraph each time, as a headline fit does) and setLines alone on paragraphs prepared once (as
 * the flow does, breaking each paragraph at many widths). Speeds are medians of CPU time per round
 * (process.cpuUsage: steadier than wall time on a shared machine) with the fastest round beside.
 * Run: npx tsx bench/text.ts [corpusDir]   (BENCH_PARAMS / BENCH_STYLE: JSON overrides, for tuning;
 * BENCH_ROUNDS: timed rounds, default 15)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyTextStyle } from '../src/text/bodyTextStyle.js';
import { createFontkitShaper } from '../src/text/createFontkitShaper.js';
import { greedyEngines, totalFitEngines } from '../src/text/engines.js';
import { loadFonts } from '../src/text/loadFonts.js';
import type { BreakParams, Engines, ParagraphInput, SetLine, TextStyle } from '../src/text/types.js';

const CORPUS = process.argv[2] ?? 'samples/corpus/articles';
const COLUMN = (828 - 5 * 12) / 6;
const style = bodyTextStyle(JSON.parse(process.env.BENCH_STYLE ?? '{}') as Partial<TextStyle>);
const params = JSON.parse(process.env.BENCH_PARAMS ?? '{}') as Partial<BreakParams>;
const shaper = createFontkitShaper(loadFonts());

const paragraphs: ParagraphInput[] = [];
for (const file of readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const article = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as {
    body: string[];
    language?: string;
  };
  article.body.forEach((text, i) => {
    paragraphs.push({
      runs: [{ text }],
      style,
      language: article.language ?? 'en-US',
      indentFirstLine: i > 0,
    });
  });
}

interface Stats {
  lines: number;
  spaces: number[];
  beyondMax: number;
  hyphenated: number;
  longestHyphenRun: number;
  loose: number;
  overfull: number;
  words: number;
  /** Median and fastest round, ms per 10,000 words. */
  prepareAndSet: [number, number];
  setOnly: [number, number];
  setThreeWidths: [number, number];
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** Median and minimum CPU time of `rounds` runs of `f` (after warming up), in ms. */
function cpuTimes(f: () => void, rounds = ROUNDS): [number, number] {
  for (let i = 0; i < 3; i++) f();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)]!, times[0]!];
}

function spacesOf(line: SetLine): number[] {
  const out: number[] = [];
  for (let i = 1; i < line.runs.length; i++) {
    const a = line.runs[i - 1]!;
    const b = line.runs[i]!;
    const end = a.x + a.glyphs.reduce((s, g) => s + g.advance, 0);
    const gap = b.x - end;
    if (gap > 0.05) out.push(gap / style.size);
  }
  return out;
}

function measure(engines: Engines): Stats {
  const slots = { width: () => COLUMN };
  const set = () => paragraphs.map((p) => engines.setLines(engines.prepare(p, shaper), slots, params));
  const result = set();
  const prepared = paragraphs.map((p) => engines.prepare(p, shaper));
  const words = prepared.reduce((s, p) => s + p.wordCount, 0);
  const per10k = ([median, min]: [number, number], times = 1): [number, number] => [
    (median * 10_000) / words / times,
    (min * 10_000) / words / times,
  ];
  const widths = [96, COLUMN, 200].map((w) => ({ width: () => w }));
  const stats: Stats = {
    lines: 0,
    spaces: [],
    beyondMax: 0,
    hyphenated: 0,
    longestHyphenRun: 0,
    loose: 0,
    overfull: 0,
    words,
    setOnly: per10k(cpuTimes(() => prepared.map((p) => engines.setLines(p, slots, params)))),
    setThreeWidths: per10k(
      cpuTimes(() => {
        for (const w of widths) for (const p of prepared) engines.setLines(p, w, params);
      }),
      widths.length,
    ),
    prepareAndSet: per10k(cpuTimes(set)),
  };
  for (const lines of result) {
    let run = 0;
    for (const line of lines) {
      stats.lines++;
      if (line.hyphenated) stats.hyphenated++;
      run = line.hyphenated ? run + 1 : 0;
      stats.longestHyphenRun = Math.max(stats.longestHyphenRun, run);
      if (line.loose) stats.loose++;
      if (line.overfull) stats.overfull++;
      if (line.last) continue;
      const spaces = spacesOf(line);
      stats.spaces.push(...spaces);
      if (spaces.some((s) => s > style.wordSpace.max + 1e-6)) stats.beyondMax++;
    }
  }
  return stats;
}

function report(name: string, s: Stats): { mean: number; sd: number } {
  const mean = s.spaces.reduce((a, b) => a + b, 0) / s.spaces.length;
  const sd = Math.sqrt(s.spaces.reduce((a, b) => a + (b - mean) ** 2, 0) / s.spaces.length);
  const pct = (n: number) => `${((100 * n) / s.lines).toFixed(1)}%`;
  console.log(`${name}`);
  console.log(`  lines ${s.lines}, words ${s.words}`);
  console.log(`  inter-word space: mean ${mean.toFixed(3)} em, sd ${sd.toFixed(3)} em`);
  console.log(
    `  lines with a space beyond max (${style.wordSpace.max} em): ${s.beyondMax} (${pct(s.beyondMax)})`,
  );
  console.log(`  loose lines (r > 1): ${s.loose} (${pct(s.loose)}), overfull: ${s.overfull}`);
  console.log(
    `  hyphenated lines: ${s.hyphenated} (${pct(s.hyphenated)}), longest run: ${s.longestHyphenRun}`,
  );
  const speed = (label: string, [median, min]: [number, number]) =>
    console.log(
      `  ${label}: ${median.toFixed(1)} ms per 10,000 words (fastest ${min.toFixed(1)}) = ${Math.round((1000 * 10_000) / median).toLocaleString('en')} words/s`,
    );
  speed('prepare + set, warm', s.prepareAndSet);
  speed(`setLines only, ${COLUMN} pt`, s.setOnly);
  speed('setLines only, 96/128/200 pt', s.setThreeWidths);
  return { mean, sd };
}

console.log(
  `column ${COLUMN} pt, ${style.font} ${style.size}/${style.leading} pt, ${paragraphs.length} paragraphs\n`,
);
const tf = report('total-fit', measure(totalFitEngines));
const gr = report('greedy', measure(greedyEngines));
console.log(`\nsd total-fit / greedy: ${((100 * tf.sd) / gr.sd).toFixed(0)}% (target ≤ 60%)`);
