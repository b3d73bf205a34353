import { describe, expect, it } from 'vitest';
import { parseLength } from '../../src/model/units.js';

describe('parseLength', () => {
  it.each([
    [12, 12],
    ['12.5in', 900],
    ['25.4mm', 72],
    ['2.54cm', 72],
    ['9.5pt', 9.5],
    ['3p6', 42],
    ['10', 10],
  ])('%s is %s pt', (input, pt) => {
    expect(parseLength(input)).toBeCloseTo(pt, 6);
  });

  it.each(['', 'wide', '12 furlongs', '1e3in'])('refuses %j', (input) => {
    expect(parseLength(input)).toBeUndefined();
  });
});
