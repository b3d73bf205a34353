/**
 * Text engine benchmark: sets the body of the 12 corpus articles in a broadsheet column (6 columns
 * on an 828 pt type area with 12 pt gutters: 128 pt; Source Serif 4 at 9.5/11.5 pt) with the
 * total-fit and the greedy engine, and prints spacing statistics and speed.
 * Run: npx tsx bench/text.ts [corpusDir]   (BENCH_PARAMS / BENCH_STYLE: JSON overrides, for tuning)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyTextStyle } from '../src/text/bodyTextStyle.js';
import { createFontkitShaper } from '../src/text/createFontkitShaper.js';
import { greedyEngines, totalFitEngines } from '../src/text/engines.js';
import { loadFonts } from '../src/text/loadFonts.js';
import type { BreakParams, Engines, ParagraphInput, SetLine, TextStyle } from '../src/text/types.js';

const CORPUS = process.argv[2] ?? '/work/shared/corpus/articles';
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
  msPer10k: number;
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
  for (let i = 0; i < 3; i++) set(); // warm
  const words = paragraphs.reduce((s, p) => s + engines.prepare(p, shaper).wordCount, 0);
  const rounds = 10;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) set();
  const ms = (performance.now() - t0) / rounds;
  const stats: Stats = {
    lines: 0,
    spaces: [],
    beyondMax: 0,
    hyphenated: 0,
    longestHyphenRun: 0,
    loose: 0,
    overfull: 0,
    words,
    msPer10k: (ms * 10_000) / words,
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
  console.log(
    `  speed: ${s.msPer10k.toFixed(1)} ms per 10,000 words (prepare + set, warm) = ${Math.round((1000 * 10_000) / s.msPer10k).toLocaleString('en')} words/s`,
  );
  return { mean, sd };
}

console.log(
  `column ${COLUMN} pt, ${style.font} ${style.size}/${style.leading} pt, ${paragraphs.length} paragraphs\n`,
);
const tf = report('total-fit', measure(totalFitEngines));
const gr = report('greedy', measure(greedyEngines));
console.log(`\nsd total-fit / greedy: ${((100 * tf.sd) / gr.sd).toFixed(0)}% (target ≤ 60%)`);
