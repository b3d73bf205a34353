/**
 * The preview draws the same page as the PDF: the sample edition's front page (A1) is rendered to
 * PDF (renderPdf), rasterised by poppler (pdftoppm) and compared with the preview PNG at the same
 * resolution, in luma after a 1 px blur (see comparePictures.ts for why luma and the per-tile tone
 * fit). The tolerances are then shown to catch real breakage: a body column shifted by 12 pt, a
 * missing photo, one photo moved by 12 pt, one headline line moved by 6 pt.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCliInput } from '../../../src/cli/loadCliInput.js';
import type { DisplayItem, DisplayPage, GlyphsItem, ImageItem } from '../../../src/display/types.js';
import { composeEdition } from '../../../src/edition/composeEdition.js';
import { createWorkspace } from '../../../src/edition/createWorkspace.js';
import { selectPages } from '../../../src/edition/selectPages.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { previewFrame, renderPreviewPng } from '../../../src/render/preview/index.js';
import { comparePictures, type PictureDiff } from './comparePictures.js';

/**
 * Both pictures at 100 dpi (a 900 x 1548 pt broadsheet is 1250 x 2150 px in both tools), compared
 * as 4 x 4 block averages (25 dpi) after a 1 px blur. Why not 40 dpi directly: poppler snaps
 * each glyph to whole pixels vertically and draws hard horizontal edges, the preview places
 * glyphs at 1/4 px with anti-aliasing; on 5 px body text that alone scored a mean of 9.8 at 40
 * dpi. Rendering finer and averaging shrinks the snapping to 1/8 of a compared pixel.
 */
const DPI = 100;
const BLOCK = 4;
/** A compared pixel "differs" when its luma is off by more than this (of 255). */
const LEVEL = 48;
/**
 * The correct page scores mean 4.4-4.6, share 0.00 %, worst tile 12.0 (poppler 22.12, sharp 0.35);
 * the broken pages below score column shift: tile 21.4, share 0.12 %; missing photo: mean 22.5,
 * share 15.9 %; photo moved 12 pt: tile 53, share 1.2 %; headline line moved 6 pt: tile 46.
 */
const MAX_MEAN = 8;
const MAX_SHARE = 0.0005;
const MAX_TILE = 16;

const dir = mkdtempSync(join(tmpdir(), 'galley-matches-pdf-'));
const ws = createWorkspace();
let page: DisplayPage;
let pdfPng: Buffer;

async function preview(p: DisplayPage): Promise<Buffer> {
  return renderPreviewPng(p, { fontFiles: ws.fontFiles, dpi: DPI, pasteboard: false });
}

function scoreLine(name: string, d: PictureDiff & { gain: number; offset: number }): string {
  return `${name}: mean ${d.mean.toFixed(2)}, share>${LEVEL} ${(d.share * 100).toFixed(2)}%, worst tile ${d.worstTile.toFixed(1)} at ${d.worstAt.x},${d.worstAt.y} (tone ${d.gain.toFixed(3)}x${d.offset >= 0 ? '+' : ''}${d.offset.toFixed(1)})`;
}

function fits(d: PictureDiff): boolean {
  return d.mean <= MAX_MEAN && d.share <= MAX_SHARE && d.worstTile <= MAX_TILE;
}

beforeAll(async () => {
  const edition = loadCliInput(ws, {
    input: 'samples/edition/edition.json',
    template: 'broadsheet',
    breaker: 'total-fit',
  });
  const { pages, document } = await composeEdition(ws, edition, { pages: selectPages(edition, 'A1') });
  page = pages[0]!.display;
  const pdfFile = join(dir, 'a1.pdf');
  writeFileSync(pdfFile, await renderPdf(document, { fontFiles: ws.fontFiles }));
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', pdfFile, join(dir, 'a1-pdf')]);
  pdfPng = readFileSync(join(dir, 'a1-pdf.png'));
});

describe('preview vs PDF (pdftoppm), page A1 at 100 dpi', () => {
  test('same size, and the same picture within the tolerance', async () => {
    const frame = previewFrame(page, DPI);
    const png = await preview(page);
    for (const img of [png, pdfPng]) {
      const meta = await sharp(img).metadata();
      expect([meta.width, meta.height]).toEqual([frame.widthPx, frame.heightPx]);
    }
    const d = await comparePictures(png, pdfPng, { level: LEVEL, block: BLOCK });
    console.log(scoreLine('A1', d));
    expect(d.mean).toBeLessThanOrEqual(MAX_MEAN);
    expect(d.share).toBeLessThanOrEqual(MAX_SHARE);
    expect(d.worstTile).toBeLessThanOrEqual(MAX_TILE);
  });

  const broken: [string, (items: DisplayItem[]) => DisplayItem[]][] = [
    ['a body column shifted right by 12 pt', (items) => shiftColumn(items, 12)],
    ['the lead photo missing', (items) => items.filter((i) => i !== largestImage(items))],
    [
      'the lead photo moved 12 pt down',
      (items) => {
        const photo = largestImage(items);
        return items.map((i) =>
          i === photo ? { ...photo, rect: { ...photo.rect, y: photo.rect.y + 12 } } : i,
        );
      },
    ],
    [
      'one headline line moved 6 pt down',
      (items) => {
        const line = items.find((i): i is GlyphsItem => i.kind === 'glyphs' && i.size >= 30)!;
        return items.map((i) => (i === line ? { ...line, y: line.y + 6 } : i));
      },
    ],
  ];
  test.each(broken)('fails when %s', async (name, breakIt) => {
    const d = await comparePictures(await preview({ ...page, items: breakIt(page.items) }), pdfPng, {
      level: LEVEL,
      block: BLOCK,
    });
    console.log(scoreLine(name, d));
    expect(fits(d)).toBe(false);
  });
});

function largestImage(items: readonly DisplayItem[]): ImageItem {
  const images = items.filter((i): i is ImageItem => i.kind === 'image');
  return images.reduce((a, b) => (b.rect.width * b.rect.height > a.rect.width * a.rect.height ? b : a));
}

/** The body column with the most lines (runs sharing a left edge) moved right by `dx`. */
function shiftColumn(items: readonly DisplayItem[], dx: number): DisplayItem[] {
  const byX = new Map<number, number>();
  for (const i of items)
    if (i.kind === 'glyphs' && i.size < 12) byX.set(Math.round(i.x), (byX.get(Math.round(i.x)) ?? 0) + 1);
  const [x] = [...byX.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return items.map((i) =>
    i.kind === 'glyphs' && i.size < 12 && Math.round(i.x) === x ? { ...i, x: i.x + dx } : i,
  );
}
