import { describe, expect, it } from 'vitest';
import { placeAds } from '../../src/makeup/placeAds.js';

const ad = (columns: number, depth: number, at?: { column: number; top: number }) => ({
  field: 'ads[0]',
  columns,
  depth,
  label: 'Ad',
  ...(at && { at }),
});

describe('ads in a pyramid', () => {
  it('stacks from the bottom outside corner: the right on a right-hand page, widest first', () => {
    const { ads } = placeAds([ad(2, 20), ad(3, 32)], 6, 100, true, []);
    expect(ads.find((a) => a.ad === 1)!.rect).toEqual({ column: 3, columns: 3, top: 68, depth: 32 });
    expect(ads.find((a) => a.ad === 0)!.rect).toEqual({ column: 1, columns: 2, top: 80, depth: 20 });
  });

  it('from the bottom left on a left-hand page', () => {
    const { ads } = placeAds([ad(3, 30)], 6, 100, false, []);
    expect(ads[0]!.rect).toEqual({ column: 0, columns: 3, top: 70, depth: 30 });
  });

  it('a full-width strip at the foot, a smaller ad on top of it at the outside', () => {
    const { ads } = placeAds([ad(2, 30), ad(6, 24)], 6, 100, true, []);
    expect(ads.find((a) => a.ad === 1)!.rect).toEqual({ column: 0, columns: 6, top: 76, depth: 24 });
    expect(ads.find((a) => a.ad === 0)!.rect).toEqual({ column: 4, columns: 2, top: 46, depth: 30 });
  });

  it('keeps a booked position exactly, and refuses what does not fit', () => {
    const { ads, refused } = placeAds([ad(2, 10, { column: 0, top: 0 }), ad(6, 200)], 6, 100, true, []);
    expect(ads).toEqual([{ ad: 0, rect: { column: 0, columns: 2, top: 0, depth: 10 } }]);
    expect(refused).toEqual([1]);
  });
});
