/**
 * Glyph runs blended from cached masks (src/render/preview/drawGlyphRuns.ts): masks outlive a draw
 * and the process, so what a run draws must not depend on what was drawn before it.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlyphsItem } from '../../../src/display/types.js';
import { drawGlyphRuns } from '../../../src/render/preview/drawGlyphRuns.js';
import { openPreviewFont } from '../../../src/render/preview/previewFonts.js';
import type { PreviewFrame } from '../../../src/render/preview/previewFrame.js';

const serif = resolve(import.meta.dirname, '../../../fonts/source-serif-4/SourceSerif4_400Regular.ttf');
const frame: PreviewFrame = {
  dpi: 72,
  scale: 1,
  widthPx: 400,
  heightPx: 80,
  viewBox: { x: 0, y: 0, width: 400, height: 80 },
};

/** A fresh copy of the face: its own path, so its own (empty) mask cache. */
function freshFace(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'galley-glyphs-')), 'face.ttf');
  copyFileSync(serif, path);
  return path;
}

function run(path: string, size: number): GlyphsItem {
  const font = openPreviewFont(path).font;
  const shaped = font.layout('Quixotic Mandate');
  return {
    kind: 'glyphs',
    x: 10,
    y: 55,
    font: 'F',
    size,
    color: { space: 'gray', k: 1 },
    glyphs: shaped.glyphs.map((g, i) => ({
      id: g.id,
      advance: ((shaped.positions[i]?.xAdvance ?? 0) * size) / font.unitsPerEm,
      dx: 0,
      dy: 0,
      chars: '',
    })),
    text: 'Quixotic Mandate',
  };
}

async function draw(path: string, size: number): Promise<Buffer> {
  const pixels = Buffer.alloc(frame.widthPx * frame.heightPx * 3, 255);
  await drawGlyphRuns(pixels, frame, [run(path, size)], new Map([['F', path]]));
  return pixels;
}

describe('glyph runs drawn from cached masks', () => {
  // Masks in memory only: the copies share their bytes, so on disk they would share a file.
  const saved = process.env.GALLEY_SHAPE_CACHE;
  beforeAll(() => {
    process.env.GALLEY_SHAPE_CACHE = 'off';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.GALLEY_SHAPE_CACHE;
    else process.env.GALLEY_SHAPE_CACHE = saved;
  });
  // 40 and 40.004 pt are one key when the scale is rounded to 5 decimals (0.04000 px per font unit).
  const size = 40.004;

  it('draw nearly equal sizes differently', async () => {
    expect((await draw(freshFace(), 40)).equals(await draw(freshFace(), size))).toBe(false);
  });

  it('draw a size the same whether or not a nearly equal size was drawn before', async () => {
    const alone = await draw(freshFace(), size);
    const face = freshFace();
    await draw(face, 40);
    expect((await draw(face, size)).equals(alone)).toBe(true);
  });
});
