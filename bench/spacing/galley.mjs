/**
 * Sets the benchmark paragraphs with galley (total-fit or greedy) in a 128 pt column and writes a
 * PDF with the same page geometry as the LuaLaTeX document (128 pt text block, 10 pt margins,
 * 4000 pt tall pages, lines on 11 pt leading, paragraphs one under another, no space between).
 *
 *   node bench/spacing/galley.mjs <total-fit|greedy> <out.pdf>
 *
 * Uses the built library (dist/): run `npm run build` first when src/ changed. For tuning,
 * GALLEY_PARAMS (BreakParams) and GALLEY_STYLE (TextStyle fields) take JSON overrides.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusParagraphs, MARGIN, MEASURE, ROOT } from './corpus.mjs';

const { createWorkspace } = await import(join(ROOT, 'dist/edition/createWorkspace.js'));
const { loadTemplate } = await import(join(ROOT, 'dist/model/loadTemplate.js'));
const { renderPdf } = await import(join(ROOT, 'dist/render/pdf/renderPdf.js'));
const { toLineItems } = await import(join(ROOT, 'dist/display/toDisplayPage.js'));

const [breaker = 'total-fit', outFile] = process.argv.slice(2);
if (!['total-fit', 'greedy'].includes(breaker)) throw new Error(`unknown breaker ${breaker}`);
if (!outFile) throw new Error('usage: galley.mjs <total-fit|greedy> <out.pdf>');

const PAGE_HEIGHT = 4000;
const params = JSON.parse(process.env.GALLEY_PARAMS ?? '{}');
const ws = createWorkspace({ breaker, params });
const style = { ...loadTemplate('broadsheet').styles.body, ...JSON.parse(process.env.GALLEY_STYLE ?? '{}') };
const width = MEASURE + 2 * MARGIN;
const firstBaseline = MARGIN + style.size; // like TeX's \topskip: first baseline one size below the top
const perPage = Math.floor((PAGE_HEIGHT - firstBaseline - MARGIN) / style.leading) + 1;

const pages = [];
let items = [];
let lineOnPage = 0;
let lines = 0;
let overfull = 0;
const newPage = () => {
  items = [];
  pages.push({
    label: String(pages.length + 1),
    width,
    height: PAGE_HEIGHT,
    boxes: {
      trim: { x: 0, y: 0, width, height: PAGE_HEIGHT },
      bleed: { x: 0, y: 0, width, height: PAGE_HEIGHT },
      media: { x: 0, y: 0, width, height: PAGE_HEIGHT },
    },
    items,
  });
  lineOnPage = 0;
};
newPage();
for (const p of corpusParagraphs()) {
  const prepared = ws.ctx.engines.prepare(
    { runs: [{ text: p.text }], style, language: p.language, indentFirstLine: true },
    ws.ctx.shaper,
  );
  const set = ws.ctx.engines.setLines(prepared, { width: () => MEASURE }, ws.ctx.params);
  for (const line of set) {
    if (lineOnPage === perPage) newPage();
    const y = firstBaseline + lineOnPage * style.leading;
    lineOnPage++;
    lines++;
    if (line.overfull) overfull++;
    items.push(...toLineItems({ x: MARGIN, y, line }));
  }
}

const pdf = await renderPdf(
  { title: `galley ${breaker} spacing benchmark`, date: '2026-01-01', pages },
  { fontFiles: ws.fontFiles, creationDate: new Date('2026-01-01T00:00:00Z') },
);
writeFileSync(outFile, pdf);
console.log(
  `galley ${breaker}: ${lines} lines, ${overfull} overfull (engine's own flag), ${pages.length} pages`,
);
