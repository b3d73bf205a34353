/** Number formatting for content streams: fixed precision, no exponent, no "-0": stable bytes. */
export function num(n: number, decimals = 3): string {
  if (!Number.isFinite(n)) throw new RangeError(`non-finite number in PDF content: ${n}`);
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  if (r === 0) return '0';
  // A number rounded to a few decimals and well below 1e9 prints in its shortest round-trip form
  // as exactly its fixed form without trailing zeros, at a fraction of the cost of toFixed and a
  // regular expression (this runs for every glyph adjustment; contentOps.test.ts checks the two agree).
  if (r < 1e9 && r > -1e9) return String(r);
  return r.toFixed(decimals).replace(/\.?0+$/, '');
}
