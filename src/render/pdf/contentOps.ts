/** Number formatting for content streams: fixed precision, no exponent, no "-0": stable bytes. */

/** ".5", ".25", ".125" ... : the fractional part of k thousandths (or hundredths), trailing zeros dropped. */
const fractions = (f: number, digits: number) =>
  Array.from({ length: f }, (_, i) =>
    i === 0 ? '' : `.${String(i).padStart(digits, '0')}`.replace(/0+$/, ''),
  );
const FRACTIONS = new Map([
  [100, fractions(100, 2)],
  [1000, fractions(1000, 3)],
]);

export function num(n: number, decimals = 3): string {
  if (!Number.isFinite(n)) throw new RangeError(`non-finite number in PDF content: ${n}`);
  const f = 10 ** decimals;
  const k = Math.round(n * f);
  if (k === 0) return '0';
  // The fixed form of k / f without trailing zeros, written from the integer k: printing a double
  // costs several times more, and this runs for nearly every glyph (contentOps.test.ts checks the
  // two agree). Below 1e12 the integer and its parts are exact.
  const table = FRACTIONS.get(f);
  if (table && k < 1e12 && k > -1e12) {
    const a = k < 0 ? -k : k;
    const whole = Math.floor(a / f);
    return `${k < 0 ? '-' : ''}${whole}${table[a - whole * f]}`;
  }
  return (k / f).toFixed(decimals).replace(/\.?0+$/, '');
}
