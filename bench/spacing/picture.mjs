/**
 * The same paragraph cropped from each PDF and put side by side, with a label over each:
 *
 *   node bench/spacing/picture.mjs <paragraph#> <out.png> label=file.pdf [label=file.pdf ...]
 *
 * Paragraphs are numbered from 0 in corpus order (as found by their indent). 150 dpi crops by
 * pdftoppm, joined with sharp.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { extractLines, paragraphStarts } from './measure.mjs';

const DPI = 150;
const PAD = 0.5; // points around the paragraph's lines
const LEADING = 11;
const LABEL = 34; // pixels of label band

const [n, out, ...pairs] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'spacing-'));
const tiles = [];
for (const [k, pair] of pairs.entries()) {
  const [label, pdf] = pair.split('=');
  const lines = extractLines(pdf);
  const starts = paragraphStarts(lines);
  const first = starts.map((s, i) => (s ? i : -1)).filter((i) => i >= 0)[Number(n)];
  let last = first;
  while (last + 1 < lines.length && !starts[last + 1]) last++;
  const para = lines.slice(first, last + 1);
  if (para.some((l) => l.page !== para[0].page)) throw new Error(`paragraph ${n} spans pages in ${pdf}`);
  const px = DPI / 72;
  // Word boxes come from each font's bounding box, which differs between the PDFs: crop one leading
  // around each line's centre instead, so neighbouring paragraphs stay out.
  const centre = (l) => (l[0].yMin + l[0].yMax) / 2;
  const half = LEADING / 2 / para[0].scale;
  const top = centre(para[0]) - half - PAD;
  const bottom = centre(para.at(-1)) + half + PAD;
  const width = 148 / para[0].scale;
  const base = join(dir, `t${k}`);
  execFileSync('pdftoppm', [
    ...['-r', String(DPI), '-f', String(para[0].page), '-l', String(para[0].page), '-png', '-singlefile'],
    ...['-x', '0', '-y', String(Math.floor(top * px))],
    ...['-W', String(Math.ceil(width * px)), '-H', String(Math.ceil((bottom - top) * px))],
    pdf,
    base,
  ]);
  tiles.push({ label, file: `${base}.png` });
}

const images = await Promise.all(tiles.map(async (t) => ({ ...t, meta: await sharp(t.file).metadata() })));
const gap = 12;
const width = images.reduce((s, i) => s + i.meta.width, 0) + gap * (images.length - 1);
const height = Math.max(...images.map((i) => i.meta.height)) + LABEL;
let x = 0;
const layers = [];
for (const img of images) {
  const lines = img.label.split('\\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${img.meta.width}" height="${LABEL}">${lines
    .map(
      (l, i) =>
        `<text x="4" y="${13 + i * 14}" font-family="sans-serif" font-size="12" fill="#333">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`,
    )
    .join('')}</svg>`;
  layers.push({ input: Buffer.from(svg), left: x, top: 0 });
  layers.push({ input: readFileSync(img.file), left: x, top: LABEL });
  x += img.meta.width + gap;
}
await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
  .composite(layers)
  .png()
  .toFile(out);
console.log(`${out}: paragraph ${n}, ${width}×${height} px`);
