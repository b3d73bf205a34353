/** Content-stream numbers: fixed precision, no exponent, no "-0", the same bytes on every path. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { num } from '../../../src/render/pdf/contentOps.js';

/** The plain definition: round, print fixed, drop trailing zeros. */
function fixedForm(n: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  if (r === 0) return '0';
  return r.toFixed(decimals).replace(/\.?0+$/, '');
}

describe('num', () => {
  test('rounds to the decimals asked and drops trailing zeros', () => {
    expect(num(12.3456)).toBe('12.346');
    expect(num(100)).toBe('100');
    expect(num(1.5)).toBe('1.5');
    expect(num(-0.0004)).toBe('0');
    expect(num(-2.125, 2)).toBe('-2.12');
    expect(num(0.001)).toBe('0.001');
    expect(num(1e12 + 0.25, 3)).toBe('1000000000000.25');
  });

  test('refuses what a content stream cannot hold', () => {
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  test('agrees with the fixed form for any page coordinate, size or adjustment', () => {
    const decimals = fc.constantFrom(2, 3);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -2e9, max: 2e9, noNaN: true }),
          fc.double({ min: -2000, max: 2000, noNaN: true }),
        ),
        decimals,
        (n, d) => {
          expect(num(n, d)).toBe(fixedForm(n, d));
        },
      ),
      { numRuns: 5000 },
    );
    // Exactly representable steps and their neighbours, where rounding is closest to a tie.
    fc.assert(
      fc.property(fc.integer({ min: -2e9, max: 2e9 }), decimals, (k, d) => {
        const n = k / 10 ** d;
        for (const x of [n, n + 5 / 10 ** (d + 1), n - 5 / 10 ** (d + 1)])
          expect(num(x, d)).toBe(fixedForm(x, d));
      }),
      { numRuns: 5000 },
    );
  });
});
