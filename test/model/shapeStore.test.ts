import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShapeStore, defaultShapeStoreDir } from '../../src/model/shapeStore.js';
import type { ShapedGlyph } from '../../src/text/types.js';

const FACE = new Uint8Array([1, 2, 3, 4]);
const OTHER_FACE = new Uint8Array([5, 6, 7]);
const glyphs: ShapedGlyph[] = [
  { id: 7, advance: 0.9550000000000001, dx: 0, dy: -0, chars: 'f' },
  { id: 8, advance: 0.3, dx: -0.048, dy: 0.026000000000000002, chars: '' },
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'galley-shapes-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('shape store', () => {
  it('gives a later process exactly the glyphs an earlier one shaped, negative zeros included', () => {
    const first = createShapeStore(dir);
    first.open(FACE).set('kern+\u0000fi', glyphs);
    first.save();

    const words = createShapeStore(dir).open(FACE);
    const back = words.get('kern+\u0000fi')!;
    expect(back).toEqual(glyphs);
    expect(Object.is(back[0]!.dy, -0)).toBe(true);
    expect(Object.isFrozen(back)).toBe(true);
  });

  it('saves the words of ordinary length only: a run of 41 glyphs or more is a one-off', () => {
    const store = createShapeStore(dir);
    const long = Array.from({ length: 41 }, (_, i) => ({ ...glyphs[0]!, id: i }));
    store.open(FACE).set('\u0000long', long);
    store.open(FACE).set('\u0000word', glyphs);
    store.save();
    const words = createShapeStore(dir).open(FACE);
    expect(words.get('\u0000word')).toEqual(glyphs);
    expect(words.has('\u0000long')).toBe(false);
  });

  it('keeps each face apart: a word saved for one face is unknown to another', () => {
    const store = createShapeStore(dir);
    store.open(FACE).set('\u0000word', glyphs);
    store.save();
    expect(createShapeStore(dir).open(OTHER_FACE).size).toBe(0);
  });

  it('merges what two processes saved instead of keeping only the last', () => {
    const a = createShapeStore(dir);
    const b = createShapeStore(dir);
    a.open(FACE).set('\u0000one', glyphs);
    b.open(FACE).set('\u0000two', glyphs);
    a.save();
    b.save();
    expect([...createShapeStore(dir).open(FACE).keys()].sort()).toEqual(['\u0000one', '\u0000two']);
  });

  it('ignores a damaged or foreign file and a folder it cannot write to', () => {
    const store = createShapeStore(dir);
    store.open(FACE).set('\u0000w', glyphs);
    store.save();
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"format":"galley-shapes-2","words":');
    expect(createShapeStore(dir).open(FACE).size).toBe(0);
    writeFileSync(join(dir, file!), '{"format":"other","words":{"\\u0000w":[1,2,3,4,"x"]}}');
    expect(createShapeStore(dir).open(FACE).size).toBe(0);

    chmodSync(dir, 0o555);
    const readOnly = createShapeStore(join(dir, 'sub'));
    readOnly.open(FACE).set('\u0000w', glyphs);
    expect(() => readOnly.save()).not.toThrow();
  });

  it('lives in the user cache unless GALLEY_SHAPE_CACHE says where, or "off"', () => {
    expect(defaultShapeStoreDir({ HOME: '/home/u', XDG_CACHE_HOME: '/c' })).toBe('/c/galley/shapes');
    expect(defaultShapeStoreDir({ GALLEY_SHAPE_CACHE: '/tmp/s' })).toBe('/tmp/s');
    expect(defaultShapeStoreDir({ GALLEY_SHAPE_CACHE: 'off' })).toBeUndefined();
  });
});
