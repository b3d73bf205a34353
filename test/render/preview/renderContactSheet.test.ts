import sharp from 'sharp';
import { expect, test } from 'vitest';
import { layoutContactSheet, renderContactSheet } from '../../../src/render/preview/index.js';
import { fontFiles, page, pixels, run } from './fixtures.js';

const colours = ['#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff'];

test('one thumbnail per page, page 1 alone on the right, then facing pairs', () => {
  const layout = layoutContactSheet(
    colours.map((_, i) => ({ label: `A${i + 1}`, width: 100, height: 170 })),
    2,
  );
  const [p1, p2, p3, p4, p5, p6] = layout.cells;
  expect(layout.cells.map((c) => c.label)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
  // 2-3 and 4-5 are spreads: same row, left page touching the right page at the fold.
  expect(p2!.y).toBe(p3!.y);
  expect(p3!.x - (p2!.x + p2!.width)).toBeLessThanOrEqual(2);
  expect(p4!.y).toBe(p5!.y);
  expect(p5!.x - (p4!.x + p4!.width)).toBeLessThanOrEqual(2);
  // Page 1 stands in the right slot of the first spread, in line with the right pages below.
  expect(p1!.x).toBe(p5!.x);
  expect(p1!.y).toBe(p2!.y);
  expect(p2!.x).toBeGreaterThan(p1!.x);
  // Two spreads to a row: 4-5 starts the second row, 6 is alone on the left.
  expect(p4!.y).toBeGreaterThan(p1!.y + 170);
  expect(p6!.y).toBe(p4!.y);
  expect(p6!.x).toBe(p2!.x);
  for (const c of layout.cells) {
    expect(c.x + c.width).toBeLessThanOrEqual(layout.width);
    expect(c.y + c.height).toBeLessThanOrEqual(layout.height);
  }
});

test('renders each page into its cell, with a label under it', async () => {
  const pngs = await Promise.all(
    colours.map((c) =>
      sharp({ create: { width: 200, height: 340, channels: 3, background: c } })
        .png()
        .toBuffer(),
    ),
  );
  const pages = pngs.map((png, i) => ({ label: `A${i + 1}`, png }));
  const sheet = await renderContactSheet(pages, { thumbWidth: 100, spreadsPerRow: 2 });
  const img = await pixels(sheet);
  const layout = layoutContactSheet(
    pages.map((p) => ({ label: p.label, width: 100, height: 170 })),
    2,
  );
  expect([img.width, img.height]).toEqual([layout.width, layout.height]);
  for (const [i, cell] of layout.cells.entries()) {
    const hex = `#${img
      .at(cell.x + 50, cell.y + 85)
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')}`;
    expect(hex).toBe(colours[i]);
    // Label ink (white) in the band under the thumbnail.
    let ink = 0;
    for (let x = cell.x; x < cell.x + cell.width; x++)
      for (let y = cell.y + 172; y < cell.y + 190; y++) if (img.at(x, y)[0] > 200) ink++;
    expect(ink).toBeGreaterThan(10);
  }
});

test('renders DisplayPages straight at thumbnail size', async () => {
  const pages = [1, 2, 3].map((n) => ({
    label: `${n}`,
    png: page([run(`Page ${n}`, 20, 80, 40)], 288, 360, 0, `${n}`),
  }));
  const sheet = await renderContactSheet(pages, { fontFiles, thumbWidth: 144 });
  const img = await pixels(sheet);
  const layout = layoutContactSheet(pages.map((p) => ({ label: p.label, width: 144, height: 180 })));
  expect([img.width, img.height]).toEqual([layout.width, layout.height]);
  for (const cell of layout.cells) expect(img.at(cell.x + 130, cell.y + 170)).toEqual([255, 255, 255]);
});
