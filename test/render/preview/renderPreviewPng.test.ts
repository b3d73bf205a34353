import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import type { DisplayItem } from '../../../src/display/types.js';
import {
  createPreviewRasterCache,
  previewFrame,
  renderPreviewPng,
  renderPreviewSvg,
  toPreviewPx,
} from '../../../src/render/preview/index.js';
import { BLACK, fontFiles, page, pixels, run, runWidth, testPhoto } from './fixtures.js';

const WHITE = [255, 255, 255];
const dark = (p: number[]) => p[0]! < 128 && p[1]! < 128 && p[2]! < 128;

describe('renderPreviewPng', () => {
  test('is the media box at dpi/72 px per point, origin at the media top-left', async () => {
    const p = page([], 288, 360, 9);
    const img = await pixels(await renderPreviewPng(p, { fontFiles, dpi: 72 }));
    expect([img.width, img.height]).toEqual([306, 378]);
    const half = await pixels(await renderPreviewPng(p, { fontFiles }));
    expect([half.width, half.height]).toEqual([Math.round((306 * 50) / 72), Math.round((378 * 50) / 72)]);
    // Trim is white paper, the bleed around it is light grey.
    expect(img.at(153, 189)).toEqual(WHITE);
    expect(img.at(3, 189)[0]).toBeLessThan(250);
    expect(toPreviewPx(previewFrame(p, 72), 0, 0)).toEqual({ x: 9, y: 9 });
  });

  test('puts ink where the glyphs are and nowhere else', async () => {
    const hello = run('Hello', 40, 100, 48);
    const img = await pixels(await renderPreviewPng(page([hello]), { fontFiles, dpi: 72 }));
    const width = runWidth(hello);
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < 360; y += 2)
      for (let x = 0; x < 288; x += 2) {
        if (!dark(img.at(x, y))) continue;
        // The run's box: from the cap height (~0.7 em) above the baseline to the baseline.
        if (x >= 40 && x <= 40 + width && y >= 100 - 48 * 0.75 && y <= 101) inside++;
        else outside++;
      }
    expect(inside).toBeGreaterThan(100);
    expect(outside).toBe(0);
    // The stem of the H starts just right of the pen position (its side bearing and serif).
    let first = 0;
    while (first < 288 && !dark(img.at(first, 85))) first++;
    expect(first).toBeGreaterThanOrEqual(40);
    expect(first).toBeLessThanOrEqual(40 + 48 * 0.15);
  });

  test('the fast engine matches the exact SVG engine', async () => {
    const p = page([
      run('Quick brown fox', 10, 60, 30),
      run('jumps over', 10, 120, 14, 'Libre Franklin/700'),
    ]);
    const fast = await pixels(await renderPreviewPng(p, { fontFiles, dpi: 100 }));
    const svg = await pixels(await renderPreviewPng(p, { fontFiles, dpi: 100, engine: 'svg' }));
    let diff = 0;
    let big = 0;
    for (let y = 0; y < fast.height; y++)
      for (let x = 0; x < fast.width; x++) {
        const d = Math.abs(fast.at(x, y)[0] - svg.at(x, y)[0]);
        diff += d;
        if (d > 128) big++;
      }
    expect(diff / (fast.width * fast.height)).toBeLessThan(1);
    expect(big).toBeLessThan(20);
  });

  test('keeps display-list order where items overlap (a box drawn after text covers it)', async () => {
    const items: DisplayItem[] = [
      run('Covered', 20, 100, 40),
      {
        kind: 'rect',
        rect: { x: 10, y: 50, width: 250, height: 60 },
        fill: { space: 'cmyk', c: 0, m: 0, y: 1, k: 0 },
      },
    ];
    const img = await pixels(await renderPreviewPng(page(items), { fontFiles, dpi: 72 }));
    for (let x = 20; x < 200; x += 3) expect(img.at(x, 85)).toEqual([255, 255, 0]);
  });

  test('draws overlays only when requested, each category in its own colour', async () => {
    const items: DisplayItem[] = [
      { kind: 'debug', category: 'column', label: 'col 1', rect: { x: 20, y: 20, width: 100, height: 300 } },
      {
        kind: 'debug',
        category: 'overset',
        label: '3 lines',
        rect: { x: 150, y: 20, width: 100, height: 40 },
      },
    ];
    const plain = await pixels(await renderPreviewPng(page(items), { fontFiles, dpi: 72 }));
    expect(plain.at(70, 150)).toEqual(WHITE);
    expect(plain.at(200, 40)).toEqual(WHITE);
    const grid = await pixels(await renderPreviewPng(page(items), { fontFiles, dpi: 72, show: ['grid'] }));
    const blue = grid.at(70, 150);
    expect(blue[2]).toBeGreaterThan(blue[0]! + 10);
    expect(grid.at(200, 40)).toEqual(WHITE);
    const both = await pixels(
      await renderPreviewPng(page(items), { fontFiles, dpi: 72, show: ['grid', 'overset'] }),
    );
    const red = both.at(200, 40);
    expect(red[0]).toBeGreaterThan(red[1]! + 40);
    await expect(renderPreviewPng(page(items), { fontFiles, show: ['nonsense' as 'grid'] })).rejects.toThrow(
      /unknown overlay/,
    );
  });

  test('places a photo in its rect, cropped (left half of the source red, right half blue)', async () => {
    const photo = await testPhoto();
    const rect = { x: 100, y: 100, width: 120, height: 80 };
    const items: DisplayItem[] = [
      { kind: 'image', rect, source: photo, crop: { x: 300, y: 0, width: 600, height: 400 }, ppi: 300 },
    ];
    const img = await pixels(await renderPreviewPng(page(items), { fontFiles, dpi: 72 }));
    const left = img.at(125, 140);
    const right = img.at(195, 140);
    expect(left[0]).toBeGreaterThan(200);
    expect(left[2]).toBeLessThan(60);
    expect(right[2]).toBeGreaterThan(200);
    expect(right[0]).toBeLessThan(60);
    expect(img.at(95, 140)).toEqual(WHITE);
    expect(img.at(225, 140)).toEqual(WHITE);
    expect(img.at(160, 95)).toEqual(WHITE);
    expect(img.at(160, 185)).toEqual(WHITE);
  });

  test('palette: a 256-colour PNG of the same picture, smaller', async () => {
    const photo = await testPhoto();
    const p = page([
      run('Palette', 20, 80, 40),
      {
        kind: 'image',
        rect: { x: 20, y: 120, width: 240, height: 160 },
        source: photo,
        crop: { x: 0, y: 0, width: 1200, height: 800 },
        ppi: 300,
      },
    ]);
    const full = await renderPreviewPng(p, { fontFiles, dpi: 72 });
    const small = await renderPreviewPng(p, { fontFiles, dpi: 72, palette: true });
    expect((await sharp(small).metadata()).isPalette).toBe(true);
    expect(small.length).toBeLessThan(full.length);
    const [a, b] = [await pixels(full), await pixels(small)];
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    for (const [x, y] of [
      [60, 200],
      [200, 200],
      [150, 20],
    ] as const)
      for (let c = 0; c < 3; c++) expect(Math.abs(a.at(x, y)[c]! - b.at(x, y)[c]!)).toBeLessThan(24);
  });

  test('a raster cache (watch mode) gives the same picture as none, redraw after redraw', async () => {
    const photo = await testPhoto();
    const at = (x: number, words: string): DisplayItem[] => [
      {
        kind: 'image',
        rect: { x, y: 100, width: 120, height: 80 },
        source: photo,
        crop: { x: 0, y: 0, width: 600, height: 400 },
        ppi: 300,
      },
      { kind: 'rule', from: { x: 20, y: 90 }, to: { x: 260, y: 90 }, width: 1, color: BLACK },
      run(words, 20, 60, 20),
      // Drawn after the text: a second layer over it.
      {
        kind: 'rect',
        rect: { x: 20, y: 250, width: 60, height: 30 },
        fill: { space: 'cmyk', c: 1, m: 0, y: 0, k: 0 },
      },
      run('Over the box', 20, 270, 12),
    ];
    const rasterCache = createPreviewRasterCache();
    // The same graphics with other text (a hit, drawn on again), then the photo moved (a miss).
    for (const items of [
      at(100, 'First save'),
      at(100, 'Second save'),
      at(100, 'First save'),
      at(40, 'Moved'),
    ]) {
      const cached = await renderPreviewPng(page(items), { fontFiles, dpi: 72, rasterCache });
      expect(cached.equals(await renderPreviewPng(page(items), { fontFiles, dpi: 72 }))).toBe(true);
    }
  });

  test('draws a placeholder for a missing photo instead of failing', async () => {
    const items: DisplayItem[] = [
      {
        kind: 'image',
        rect: { x: 10, y: 10, width: 50, height: 50 },
        source: '/nonexistent.jpg',
        crop: { x: 0, y: 0, width: 1, height: 1 },
        ppi: 1,
      },
    ];
    const img = await pixels(await renderPreviewPng(page(items), { fontFiles, dpi: 72 }));
    expect(img.at(20, 35)).not.toEqual(WHITE);
  });
});

describe('renderPreviewSvg', () => {
  test('defines each used glyph once and uses it per occurrence', async () => {
    const svg = await renderPreviewSvg(
      page([
        run('aaa', 10, 50, 12),
        { kind: 'rule', from: { x: 0, y: 60 }, to: { x: 100, y: 60 }, width: 0.5, color: BLACK },
      ]),
      { fontFiles },
    );
    expect(svg.match(/<path id=/g)).toHaveLength(1);
    expect(svg.match(/<use /g)).toHaveLength(3);
    expect(svg).toContain('<line');
    expect(svg).toMatch(/^<svg [^>]*width="200" height="250" viewBox="0 0 288 360"/);
  });
});
