/**
 * Measures word spacing from PDFs, the same way for every engine: `pdftotext -bbox` gives each
 * word's box (advance widths, so side bearings and ink do not count; expansion does, as it changes
 * the advances). Words are grouped into lines by their vertical position and sorted by x; a gap is
 * the next word's xMin minus this word's xMax, in em of the body size (9.4 pt).
 *
 * A paragraph's first line is recognised by its indent (first word more than 5 pt right of the
 * column's left edge; protrusion only ever moves a line start left, by at most ~2 pt); the line
 * before it, and the document's last line, end paragraphs. Measured lines are the justified ones:
 * not a paragraph's last line, and at least 3 words (2 gaps).
 *
 *   node bench/spacing/measure.mjs name=file.pdf [name=file.pdf ...] [--json out.json]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { corpusParagraphs, MARGIN, MEASURE } from './corpus.mjs';

const SIZE = 9.4;
const EM_MIN = 0.2;
const EM_MAX = 0.45;
const INDENT_MIN = 5;
/** A line whose right edge passes the measure by more than this (pt) is overfull, not protruding. */
const OVERFULL_MIN = 3;

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/**
 * Lines of words, in reading order, from one PDF. x in points of the 148 pt page; each line also
 * carries its page number, and its words yMin/yMax in the PDF's own units.
 */
export function extractLines(pdf) {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = [];
  for (const [pageIndex, page] of xml.split('<page ').slice(1).entries()) {
    const width = Number(/width="([\d.]+)"/.exec(page)[1]);
    // Coordinates in units of the 148 pt page (TeX's pt vs PDF's bp would differ by 0.4 %).
    const scale = (MEASURE + 2 * MARGIN) / width;
    const byY = new Map();
    for (const m of page.matchAll(
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
    )) {
      const [xMin, yMin, xMax, yMax] = m.slice(1, 5).map((v) => Number(v) * scale);
      const key = Math.round((yMin + yMax) / 2);
      const near = [key - 1, key, key + 1].find((k) => byY.has(k)) ?? key;
      if (!byY.has(near)) byY.set(near, []);
      byY.get(near).push({ xMin, xMax, yMin: yMin / scale, yMax: yMax / scale, text: decode(m[5]) });
    }
    for (const y of [...byY.keys()].sort((a, b) => a - b)) {
      const line = byY.get(y).sort((a, b) => a.xMin - b.xMin);
      // Where the line is, in the PDF's own units, for cropping pictures.
      line.page = pageIndex + 1;
      line.scale = scale;
      lines.push(line);
    }
  }
  return lines;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const HYPHEN_END = /[-\u2010]$/;

/** Words of the source text (as smartened text splits at spaces), for the extraction check. */
function sourceWordCount() {
  let n = 0;
  for (const p of corpusParagraphs()) n += p.text.split(/[\s\u00A0]+/).filter(Boolean).length;
  return n;
}

/** Whether each line starts a paragraph (is indented). */
export const paragraphStarts = (lines) => lines.map((l) => l[0].xMin - MARGIN > INDENT_MIN);

export function measure(pdf, sourceText) {
  const lines = extractLines(pdf);
  const starts = paragraphStarts(lines);
  const gaps = [];
  const lineMeans = [];
  const lineSds = [];
  let worst = { gap: 0, text: '' };
  let tightest = { gap: Infinity, text: '' };
  let loose = 0;
  let tight = 0;
  let hyphenated = 0;
  let explicitHyphens = 0;
  let run = 0;
  let longestRun = 0;
  let autoRun = 0;
  let longestAutoRun = 0;
  /** Widths of each whole word (4+ letters, not at a line end) that occurs several times. */
  const widths = new Map();
  let overfull = 0;
  let words = 0;
  lines.forEach((line, i) => {
    words += line.length;
    line.slice(i > 0 && HYPHEN_END.test(lines[i - 1].at(-1).text) ? 1 : 0, -1).forEach((w) => {
      if (!/^\p{L}{4,}$/u.test(w.text)) return;
      if (!widths.has(w.text)) widths.set(w.text, []);
      widths.get(w.text).push(w.xMax - w.xMin);
    });
    const last = i === lines.length - 1 || starts[i + 1];
    const end = line[line.length - 1];
    if (end.xMax - (MARGIN + MEASURE) > OVERFULL_MIN) overfull++;
    if (!last && HYPHEN_END.test(end.text)) {
      hyphenated++;
      run++;
      const next = lines[i + 1][0].text;
      // The author's hyphen (first-time) or a hyphenation (hyphen-ation)?
      if (sourceText.includes(`${end.text}${next.replace(/[^\p{L}\p{N}].*$/u, '')}`)) {
        explicitHyphens++;
        autoRun = 0;
      } else autoRun++;
    } else {
      run = 0;
      autoRun = 0;
    }
    longestRun = Math.max(longestRun, run);
    longestAutoRun = Math.max(longestAutoRun, autoRun);
    if (last || line.length < 3) return;
    const g = [];
    for (let k = 1; k < line.length; k++) g.push((line[k].xMin - line[k - 1].xMax) / SIZE);
    gaps.push(...g);
    const m = mean(g);
    lineMeans.push(m);
    lineSds.push(sd(g));
    const text = line.map((w) => w.text).join(' ');
    if (m > EM_MAX) loose++;
    if (m < EM_MIN) tight++;
    if (m > worst.gap) worst = { gap: m, text };
    if (m < tightest.gap) tightest = { gap: m, text };
  });
  // How much the same word's width varies on the page: expansion and letter-spacing at work.
  const spreads = [];
  for (const ws of widths.values()) if (ws.length >= 3) spreads.push(sd(ws) / mean(ws));
  const gapMean = mean(gaps);
  const gapSd = sd(gaps);
  return {
    lines: lines.length,
    paragraphs: starts.filter(Boolean).length,
    words,
    measured: lineMeans.length,
    gaps: gaps.length,
    gapMean,
    gapSd,
    cv: gapSd / gapMean,
    lineMeanSd: sd(lineMeans),
    withinLineSd: mean(lineSds),
    p5: quantile(lineMeans, 0.05),
    p95: quantile(lineMeans, 0.95),
    looseShare: loose / lineMeans.length,
    tightShare: tight / lineMeans.length,
    loose,
    tight,
    worst,
    tightest,
    maxGap: Math.max(...gaps),
    minGap: Math.min(...gaps),
    hyphenated,
    explicitHyphens,
    hyphenShare: hyphenated / lines.length,
    longestHyphenRun: longestRun,
    longestAutoHyphenRun: longestAutoRun,
    wordWidthSpread: mean(spreads),
    wordsCompared: spreads.length,
    overfull,
    lineMeans,
  };
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
  const { smartenText } = await import(new URL('../../dist/text/smartenText.js', import.meta.url));
  const { normalizeText } = await import(new URL('../../dist/text/normalizeText.js', import.meta.url));
  const source = corpusParagraphs()
    .map((p) => smartenText(normalizeText(p.text), p.language, ' ').replace(/\u00A0/g, ' '))
    .join('\n');
  const results = {};
  for (const arg of args) {
    const [name, file] = arg.split('=');
    results[name] = measure(file, source);
  }
  const f = (x, d = 3) => x.toFixed(d);
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  const rows = [
    ['lines set (text length)', (r) => String(r.lines)],
    ['paragraphs found / words extracted', (r) => `${r.paragraphs} / ${r.words}`],
    ['justified lines measured (≥ 3 words)', (r) => String(r.measured)],
    ['word gaps measured', (r) => String(r.gaps)],
    ['mean gap (em)', (r) => f(r.gapMean)],
    ['sd of gaps (em)', (r) => f(r.gapSd)],
    ['coefficient of variation', (r) => f(r.cv)],
    ['sd of per-line mean gap (em)', (r) => f(r.lineMeanSd)],
    ['mean sd of gaps within a line (em)', (r) => f(r.withinLineSd)],
    ['per-line mean gap, 5th–95th percentile (em)', (r) => `${f(r.p5)}–${f(r.p95)}`],
    [`loose lines (mean gap > ${EM_MAX} em)`, (r) => `${r.loose} (${pct(r.looseShare)})`],
    [`tight lines (mean gap < ${EM_MIN} em)`, (r) => `${r.tight} (${pct(r.tightShare)})`],
    ['loosest line, mean gap (em)', (r) => f(r.worst.gap)],
    ['tightest line, mean gap (em)', (r) => f(r.tightest.gap)],
    ['widest / narrowest single gap (em)', (r) => `${f(r.maxGap)} / ${f(r.minGap)}`],
    [
      'hyphenated lines (of which author’s hyphens)',
      (r) => `${r.hyphenated} (${r.explicitHyphens}) = ${pct(r.hyphenShare)}`,
    ],
    [
      'longest run of hyphenated lines (hyphenations only)',
      (r) => `${r.longestHyphenRun} (${r.longestAutoHyphenRun})`,
    ],
    ['width variation of a repeated word (sd / mean)', (r) => pct(r.wordWidthSpread)],
    [`overfull lines (> ${OVERFULL_MIN} pt past the measure)`, (r) => String(r.overfull)],
  ];
  const names = Object.keys(results);
  console.log(`| | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---:').join('|')}|`);
  for (const [label, fn] of rows)
    console.log(`| ${label} | ${names.map((n) => fn(results[n])).join(' | ')} |`);
  console.log(`\nsource words (split at spaces): ${sourceWordCount()}`);
  for (const n of names) {
    console.log(`${n}: loosest line “${results[n].worst.text}” (${f(results[n].worst.gap)} em)`);
  }
  if (jsonOut) {
    const slim = Object.fromEntries(
      Object.entries(results).map(([k, v]) => [k, { ...v, lineMeans: undefined }]),
    );
    writeFileSync(jsonOut, `${JSON.stringify(slim, null, 2)}\n`);
  }
}
