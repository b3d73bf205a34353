import { describe, expect, it } from 'vitest';
import { freeCells, houseAdGap, MIN_HOUSE_LINES } from '../../src/makeup/houseAds.js';

describe('houseAdGap', () => {
  it('gives nothing on a page the modules cover', () => {
    expect(houseAdGap(4, 20, [{ column: 0, columns: 4, top: 0, depth: 20 }])).toBeUndefined();
  });

  it('takes the largest white rectangle the stories leave', () => {
    // A story across the top 12 lines, one down the left two columns: white 2 x 8 at the foot right.
    const taken = [
      { column: 0, columns: 4, top: 0, depth: 12 },
      { column: 0, columns: 2, top: 12, depth: 8 },
    ];
    expect(houseAdGap(4, 20, taken)).toEqual({ column: 2, columns: 2, top: 12, depth: 8 });
  });

  it(`leaves white shallower than ${MIN_HOUSE_LINES} lines to the report: not worth a frame`, () => {
    const taken = [{ column: 0, columns: 4, top: 0, depth: 20 - (MIN_HOUSE_LINES - 1) }];
    expect(houseAdGap(4, 20, taken)).toBeUndefined();
  });

  it('leaves a scatter of white to the search: the rectangle must hold half of it', () => {
    const page = (columnsTo: number[]) =>
      columnsTo.map((depth, column) => ({ column, columns: 1, top: 0, depth }));
    // Two columns 5 lines short, apart: the ad takes one of them, half the white.
    expect(houseAdGap(5, 20, page([15, 20, 20, 20, 15]))).toEqual({
      column: 0,
      columns: 1,
      top: 15,
      depth: 5,
    });
    // Three: one gap is a third of the white.
    const three = page([15, 20, 15, 20, 15]);
    expect(freeCells(5, 20, three)).toBe(15);
    expect(houseAdGap(5, 20, three)).toBeUndefined();
  });
});
