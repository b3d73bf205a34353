/**
 * Glyph masks kept on disk (src/render/preview/maskStore.ts): a preview drawn from saved masks is
 * the same PNG, byte for byte, as one that rasterises every glyph; a damaged file is ignored.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceMasks, maskStoreDir, saveMasks } from '../../../src/render/preview/maskStore.js';
import { runCli } from '../../support/runCli.js';

const article = resolve(import.meta.dirname, '../../../samples/cambodia-daily/article.json');

function preview(out: string, shapes: string): Buffer {
  const r = runCli(['preview', article, '--dpi', '30', '-o', out], { GALLEY_SHAPE_CACHE: shapes });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

describe('glyph masks kept across runs', () => {
  it('live beside the shaped words, and nowhere when those are off', () => {
    expect(maskStoreDir({ GALLEY_SHAPE_CACHE: '/s' })).toBe(join('/s', 'masks'));
    expect(maskStoreDir({ GALLEY_SHAPE_CACHE: 'off' })).toBeUndefined();
  });

  it('are read back as they were saved, per face', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-masks-'));
    const font = resolve(import.meta.dirname, '../../../fonts/playfair-display/PlayfairDisplay_700Bold.ttf');
    const mask = { left: -1, top: -7, width: 2, height: 3, alpha: Uint8Array.from([0, 9, 255, 128, 1, 77]) };
    faceMasks(font, join(dir, 'a')).set('0.01:0.01:42:1:3', mask);
    faceMasks(font, join(dir, 'a')).set('0.01:0.01:0:0:0', {
      left: 0,
      top: 0,
      width: 0,
      height: 0,
      alpha: new Uint8Array(0),
    });
    saveMasks();
    cpSync(join(dir, 'a'), join(dir, 'b'), { recursive: true });
    const read = faceMasks(font, join(dir, 'b')); // another folder: read from its file
    expect(read.size).toBe(2);
    expect({ ...read.get('0.01:0.01:42:1:3')!, alpha: [...read.get('0.01:0.01:42:1:3')!.alpha] }).toEqual({
      ...mask,
      alpha: [...mask.alpha],
    });
    expect(faceMasks(join(dir, 'no-such-font.ttf'), join(dir, 'b')).size).toBe(0);
  });

  it('draw the same PNG as rasterising every glyph, and survive a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-masks-'));
    const shapes = join(dir, 'shapes');
    const fresh = preview(join(dir, 'off.png'), 'off');
    expect(preview(join(dir, 'first.png'), shapes)).toEqual(fresh); // rasterised, then saved
    const files = readdirSync(join(shapes, 'masks'));
    expect(files.length).toBeGreaterThan(0);
    expect(preview(join(dir, 'second.png'), shapes)).toEqual(fresh); // drawn from the saved masks
    for (const f of files) truncateSync(join(shapes, 'masks', f), 40);
    expect(preview(join(dir, 'third.png'), shapes)).toEqual(fresh);
  });
});
