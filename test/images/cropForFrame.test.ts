import { describe, expect, test } from 'vitest';
import { cropForFrame } from '../../src/images/cropForFrame.js';

describe('cropForFrame: the largest crop with the frame ratio, around a focal point', () => {
  test('a landscape photo in a square frame keeps full height, centred', () => {
    expect(cropForFrame(3000, 2000, 100, 100)).toEqual({ x: 500, y: 0, width: 2000, height: 2000 });
  });

  test('a landscape photo in a wide frame keeps full width', () => {
    expect(cropForFrame(3000, 2000, 300, 100)).toEqual({ x: 0, y: 500, width: 3000, height: 1000 });
  });

  test('the focal point moves the crop, which stays inside the photo', () => {
    expect(cropForFrame(3000, 2000, 100, 100, { x: 0.25, y: 0.5 })).toEqual({
      x: 0,
      y: 0,
      width: 2000,
      height: 2000,
    });
    expect(cropForFrame(3000, 2000, 100, 100, { x: 0.6, y: 0.5 })).toEqual({
      x: 800,
      y: 0,
      width: 2000,
      height: 2000,
    });
    expect(cropForFrame(3000, 2000, 100, 100, { x: 1, y: 1 })).toEqual({
      x: 1000,
      y: 0,
      width: 2000,
      height: 2000,
    });
  });

  test('the same ratio gives the whole photo', () => {
    expect(cropForFrame(640, 427, 408, 272.2)).toEqual({ x: 0, y: 0, width: 640, height: 427 });
  });

  test('non-positive sizes are refused', () => {
    expect(() => cropForFrame(0, 10, 1, 1)).toThrow(RangeError);
    expect(() => cropForFrame(10, 10, 1, 0)).toThrow(RangeError);
  });
});
