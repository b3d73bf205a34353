/** Speed: a broadsheet page with ~5,000 words and 3 photos, as watch mode renders it again and again. */
import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { renderPreviewPng } from '../../../src/render/preview/index.js';
import { broadsheet, fontFiles, testPhoto } from './fixtures.js';

test('a 5,000-word broadsheet previews well under a second (fast engine, warm)', async () => {
  const page = broadsheet(5000, await testPhoto());
  const glyphs = page.items.reduce((n, i) => n + (i.kind === 'glyphs' ? i.glyphs.length : 0), 0);
  const words = page.items.reduce((n, i) => n + (i.kind === 'glyphs' ? i.text.split(' ').length : 0), 0);
  const time = async (engine: 'fast' | 'svg', dpi: number) => {
    const t = performance.now();
    const png = await renderPreviewPng(page, { fontFiles, engine, dpi });
    return { ms: performance.now() - t, png };
  };
  const cold = await time('fast', 50);
  const warm = [await time('fast', 50), await time('fast', 50), await time('fast', 50)];
  const cold100 = await time('fast', 100);
  const warm100 = await time('fast', 100);
  const svg = await time('svg', 50);
  const best = Math.min(...warm.map((w) => w.ms));
  if (process.env.PREVIEW_OUT) writeFileSync(process.env.PREVIEW_OUT, warm[0]!.png);
  console.log(
    `preview ${words} words, ${glyphs} glyphs: fast 50 dpi cold ${cold.ms.toFixed(0)} ms, warm ${warm.map((w) => w.ms.toFixed(0)).join('/')} ms; ` +
      `100 dpi cold ${cold100.ms.toFixed(0)} warm ${warm100.ms.toFixed(0)} ms; svg engine 50 dpi ${svg.ms.toFixed(0)} ms`,
  );
  expect(words).toBeGreaterThan(4_900);
  expect(best).toBeLessThan(1000);
});
